package dev.claimtrail.claims.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * The stretches of an article inside quotation marks, found on the raw text so that a quote
 * running across sentences or paragraphs is one region (claims.md rule 1). Handles typographic
 * marks (“ ”, with nesting) and straight double quotes (open after a space or line start).
 * A paragraph that ends inside an open quote continues it when the next paragraph opens a quote,
 * the newspaper convention for long quotes; otherwise the region ends with the paragraph.
 */
public final class QuoteRegions {

    /** @param start offset of the opening mark; end offset just past the closing mark (or paragraph end) */
    public record Region(int start, int end) {
        public int innerStart() {
            return start + 1;
        }

        public boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    private final List<Region> regions;

    private QuoteRegions(List<Region> regions) {
        this.regions = regions;
    }

    public List<Region> regions() {
        return regions;
    }

    public static QuoteRegions of(String text) {
        List<Region> out = new ArrayList<>();
        int depth = 0;
        int open = -1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' && depth > 0) {
                int next = i;
                while (next < n && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                boolean continues = next < n && (text.charAt(next) == '\u201C' || text.charAt(next) == '"');
                if (continues) {
                    i = next; // the reopening mark belongs to the running quote
                } else {
                    out.add(new Region(open, trimEnd(text, i)));
                    depth = 0;
                    open = -1;
                }
                continue;
            }
            boolean opening;
            boolean closing;
            if (c == '\u201C' || c == '\u00AB') {
                opening = true;
                closing = false;
            } else if (c == '\u201D' || c == '\u00BB') {
                opening = false;
                closing = true;
            } else if (c == '"') {
                boolean afterSpace = i == 0 || Character.isWhitespace(text.charAt(i - 1))
                        || "([—–-:".indexOf(text.charAt(i - 1)) >= 0;
                opening = depth == 0 || (afterSpace && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1)));
                if (depth > 0 && opening && !afterSpace) {
                    opening = false;
                }
                closing = !opening;
            } else {
                continue;
            }
            if (opening) {
                if (depth == 0) {
                    open = i;
                }
                depth++;
            } else if (closing && depth > 0) {
                depth--;
                if (depth == 0) {
                    out.add(new Region(open, i + 1));
                    open = -1;
                }
            }
        }
        if (depth > 0 && open >= 0) {
            out.add(new Region(open, trimEnd(text, n)));
        }
        return new QuoteRegions(List.copyOf(out));
    }

    private static int trimEnd(String text, int end) {
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** The region holding this offset, if any. */
    public Region at(int offset) {
        for (Region r : regions) {
            if (r.contains(offset)) {
                return r;
            }
        }
        return null;
    }

    /** Characters of [start, end) that lie inside quotation marks. */
    public int quotedChars(int start, int end) {
        int total = 0;
        for (Region r : regions) {
            int s = Math.max(start, r.start());
            int e = Math.min(end, r.end());
            if (e > s) {
                total += e - s;
            }
        }
        return total;
    }

    /** The region that closes within {@code maxGap} non-space, non-comma characters before {@code offset}. */
    public Region closingBefore(String text, int offset) {
        Region best = null;
        for (Region r : regions) {
            if (r.end() <= offset && gapIsPunctuation(text, r.end(), offset)) {
                best = r;
            }
        }
        return best;
    }

    /** The region that opens right after {@code offset}, with only spaces, a colon or a comma between. */
    public Region openingAfter(String text, int offset) {
        for (Region r : regions) {
            if (r.start() >= offset && gapIsPunctuation(text, offset, r.start())) {
                return r;
            }
            if (r.start() > offset) {
                break;
            }
        }
        return null;
    }

    private static boolean gapIsPunctuation(String text, int from, int to) {
        if (to - from > 4) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || !Character.isWhitespace(c) && c != ',' && c != ':' && c != '\u00A0') {
                return false;
            }
        }
        return true;
    }
}
