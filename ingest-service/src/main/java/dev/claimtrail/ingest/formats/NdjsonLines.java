package dev.claimtrail.ingest.formats;

import dev.claimtrail.ingest.infra.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an NDJSON body into its lines without copying it. Lines are numbered as an editor numbers
 * them, so that a problem on "line 7" is found on line 7; blank lines (a trailing newline, a gap
 * between records) are skipped but still counted.
 */
public final class NdjsonLines {

    private NdjsonLines() {
    }

    /**
     * @param maxLines more non-blank lines than this and the whole body is refused, before any is read
     * @throws ProblemException 400 when there is no line at all, 413 over the limit
     */
    public static List<Line> split(byte[] body, int maxLines) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                if (!isBlank(body, start, end)) {
                    lines.add(new Line(number, body, start, end - start));
                }
                start = i + 1;
                number++;
            }
        }
        if (lines.isEmpty()) {
            throw ProblemException.invalid("the NDJSON body has no lines; send one JSON article per line");
        }
        if (lines.size() > maxLines) {
            throw ProblemException.tooLarge("the NDJSON body has " + lines.size() + " lines; at most " + maxLines
                    + " are accepted per request (claimtrail.ingest.max-bulk-items)");
        }
        return lines;
    }

    private static boolean isBlank(byte[] body, int start, int end) {
        for (int i = start; i < end; i++) {
            if (body[i] != ' ' && body[i] != '\t' && body[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** One non-blank line: {@code length} bytes of {@code body} from {@code offset}. */
    public record Line(int number, byte[] body, int offset, int length) {
    }
}
