package dev.claimtrail.claims.extraction.enrich;

import dev.claimtrail.events.Claim;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a statement was made, read from the words around it ("told reporters in Moscow on March 5", "said at a
 * briefing on Wednesday", "In June 2023, a UN report said", "Last year, X said") and normalised against the
 * article's publication date. Stateless and thread-safe.
 *
 * <p>Rules:
 * <ul>
 * <li>Only the evidence outside the content counts, and not text inside quotation marks there (another claim's
 * quote), nor a time that belongs to another event: "ever since the takeover last August", "after the attack on
 * Monday", "the CSTO, formed in 2002, said" (since, after, before, until, following, ahead of, prior to, and
 * participles of events such as founded, appointed, killed, arrested).</li>
 * <li>Several times: the most precise wins (a day beats "in 2021"), then the one nearest the content.</li>
 * <li>Dates without a year lean to the past: "In February" in a December story is February of the same year,
 * "in October" in a February story the October before (a day of slack for time zones). A weekday is the latest
 * such day on or before publication ("last Friday" on a Friday: a week before).</li>
 * <li>today/tonight/this morning → the publication day; yesterday → the day before; last/this month → month;
 * last/this year → year; "last week", "this week", "earlier this week" → that week's month when the whole week lies
 * in one month, else null (there is no week precision).</li>
 * <li>Periods and vague times give nothing: "recently", "earlier", "over the past two years", "in the past six
 * months". Without a publication date only expressions that carry their own year resolve.</li>
 * </ul>
 */
public final class TimeResolver {

    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|"
            + "November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|"
            + "Dec\\.?)";
    private static final String WEEKDAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private static final String YEAR = "((?:19|20)\\d\\d)";
    private static final String ORD = "(?:st|nd|rd|th)?";

    private static final Pattern MONTH_DAY = Pattern.compile("(?:" + WEEKDAY + ",?\\s+)?(?:the\\s+)?" + MONTH
            + "\\s+(\\d{1,2})" + ORD + "\\b(?:,?\\s+" + YEAR + "\\b)?");
    private static final Pattern DAY_MONTH = Pattern.compile("(?:" + WEEKDAY + ",?\\s+)?(?:the\\s+)?(\\d{1,2})" + ORD
            + "\\s+(?:of\\s+)?" + MONTH + "\\b(?:,?\\s+" + YEAR + "\\b)?");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + ",?\\s+(?:of\\s+)?" + YEAR + "\\b");
    private static final Pattern BARE_MONTH = Pattern.compile(
            "\\b(in|In|late|Late|early|Early|mid-|Mid-|during|During|last|Last|this|This|on|On)\\s*"
                    + "(?:late\\s+|early\\s+|mid-)?" + MONTH + "\\b");
    private static final Pattern BARE_YEAR = Pattern.compile(
            "\\b(?:in|In|late|Late|early|Early|mid-?|Mid-?|during|During)\\s+(?:in\\s+|late\\s+|early\\s+|mid-?)?"
                    + YEAR + "\\b(?!\\s*(?:-|–|to)\\s*\\d)");
    /** "a 2023 UN report", "in a 2022 interview": the year dates the document or occasion that carries the claim. */
    private static final Pattern YEAR_OF_DOCUMENT = Pattern.compile(
            "\\b(?:a|an|the|its|their|his|her|this|that)\\s+" + YEAR + "\\s+(?:[A-Z][\\w.’'-]*\\s+){0,4}"
                    + "(?:report|study|survey|assessment|statement|interview|speech|address|review|paper|document|"
                    + "briefing|analysis|testimony|letter|memo|declaration|communiqu[eé]|resolution)s?\\b");
    private static final Pattern WEEKDAY_ALONE = Pattern.compile(
            "\\b(on|On|last|Last|this|This|On|late|Late|early|Early|earlier|Earlier)?\\s*" + WEEKDAY + "\\b");
    private static final Pattern RELATIVE = Pattern.compile("(?i)\\b(earlier today|later today|today|tonight|"
            + "this morning|this afternoon|this evening|yesterday|last night|"
            + "earlier this week|this week|last week|earlier this month|earlier in the month|this month|last month|"
            + "earlier this year|this year|last year|(\\d+|two|three|four|five|six) days ago)\\b");
    /** A time after one of these belongs to another event ("ever since the takeover last August"). */
    private static final Pattern OTHER_EVENT = Pattern.compile(
            "(?i)\\b(since|after|before|until|till|following|ahead of|prior to|founded|formed|established|created|"
                    + "born|appointed|elected|signed|launched|set up|killed|arrested|detained|sentenced|captured|"
                    + "seized|took power|took over|returned|withdrew|fell|invaded|occurred|happened|died|collapsed)"
                    + "\\b[^,;:.]*\\z");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));
    private static final Map<String, Integer> SMALL = Map.of("two", 2, "three", 3, "four", 4, "five", 5, "six", 6);

    public TimeResolver() {
    }

    private record Candidate(int start, int end, Claim.ClaimedAt at) {
        int rank() {
            return switch (at.precision()) {
                case Claim.ClaimedAt.DAY -> 3;
                case Claim.ClaimedAt.MONTH -> 2;
                default -> 1;
            };
        }
    }

    /**
     * When the statement was made, read from the evidence [evidenceStart,evidenceEnd) OUTSIDE the content
     * [contentStart,contentEnd); null = the text gives no time.
     */
    public Claim.ClaimedAt resolve(String text, int evidenceStart, int evidenceEnd, int contentStart, int contentEnd,
                                   LocalDate published) {
        if (text == null) {
            return null;
        }
        return resolvePlain(TextTokens.plainSpaces(text), evidenceStart, evidenceEnd, contentStart, contentEnd,
                published);
    }

    private Claim.ClaimedAt resolvePlain(String text, int evidenceStart, int evidenceEnd, int contentStart,
                                         int contentEnd, LocalDate published) {
        int es = Math.max(0, Math.min(evidenceStart, text.length()));
        int ee = Math.max(es, Math.min(evidenceEnd, text.length()));
        List<int[]> quoted = quotedRegions(text, es, ee);
        List<Candidate> found = new ArrayList<>();
        collect(text, es, ee, published, found);
        Candidate best = null;
        for (Candidate c : found) {
            if (c.start() < contentEnd && c.end() > contentStart) {
                continue; // inside the content: a time of what was said, not of the saying
            }
            if (inside(quoted, c.start())) {
                continue;
            }
            String before = text.substring(Math.max(es, c.start() - 60), c.start());
            if (OTHER_EVENT.matcher(before).find() || datesAnotherNoun(text, c.end(), ee)) {
                continue;
            }
            if (best == null || c.rank() > best.rank() || (c.rank() == best.rank()
                    && distance(c, contentStart, contentEnd) < distance(best, contentStart, contentEnd))) {
                best = c;
            }
        }
        return best == null ? null : best.at();
    }

    /** A date used as a modifier: "Monday's statement" and "the November 30 report" date a statement. */
    private static final Set<String> STATEMENT_NOUNS = Set.of("statement", "statements", "remarks", "comments",
            "briefing", "speech", "address", "interview", "report", "press", "news", "meeting", "talks", "summit",
            "session", "conference", "hearing", "announcement", "declaration", "communique", "letter", "post",
            "message", "video", "tweet", "broadcast", "testimony", "appearance", "visit", "call", "edition", "issue",
            "article", "op-ed", "column", "assessment", "update");
    private static final Pattern MODIFIED_NOUN = Pattern.compile("\\A(?:['’]s)?\\s+([a-z][a-z-]*)");

    /**
     * Whether the time is a modifier of a noun that is no statement: "Monday's attack", "the March 4 raid" — such a
     * time dates the event, not the saying.
     */
    private static boolean datesAnotherNoun(String text, int end, int limit) {
        Matcher m = MODIFIED_NOUN.matcher(text).region(end, Math.min(limit, Math.min(text.length(), end + 30)));
        if (!m.lookingAt()) {
            return false;
        }
        boolean possessive = m.group().startsWith("'s") || m.group().startsWith("’s");
        String noun = m.group(1);
        if (STATEMENT_NOUNS.contains(noun)) {
            return false;
        }
        // a plain following word is usually the sentence going on ("on Monday that ..."); only a possessive or a
        // known event noun marks a modifier
        return possessive || EVENT_NOUNS.contains(noun);
    }

    private static final Set<String> EVENT_NOUNS = Set.of("attack", "attacks", "bombing", "bombings", "blast",
            "blasts", "raid", "raids", "explosion", "assault", "strike", "strikes", "airstrike", "airstrikes", "killing",
            "killings", "shooting", "clash", "clashes", "ambush", "offensive", "operation", "takeover", "massacre",
            "incident", "violence", "events", "election", "elections", "vote", "coup", "withdrawal", "invasion",
            "fighting", "battle", "earthquake", "flood", "floods", "crash");

    private static int distance(Candidate c, int cs, int ce) {
        return c.end() <= cs ? cs - c.end() : c.start() - ce;
    }

    private void collect(String text, int es, int ee, LocalDate pub, List<Candidate> out) {
        List<int[]> taken = new ArrayList<>();
        // day-precise dates first; their parts must not be read again as a month or a weekday
        for (Pattern p : List.of(MONTH_DAY, DAY_MONTH)) {
            Matcher m = p.matcher(text).region(es, ee);
            while (m.find()) {
                if (overlaps(taken, m.start(), m.end())) {
                    continue;
                }
                boolean monthFirst = p == MONTH_DAY;
                int month = month(m.group(monthFirst ? 2 : 3));
                int day = Integer.parseInt(m.group(monthFirst ? 3 : 2));
                String y = m.group(4);
                LocalDate d = dayDate(month, day, y, pub);
                taken.add(new int[] {m.start(), m.end()});
                if (d != null) {
                    out.add(new Candidate(m.start(), m.end(), day(d)));
                }
            }
        }
        Matcher m = MONTH_YEAR.matcher(text).region(es, ee);
        while (m.find()) {
            if (overlaps(taken, m.start(), m.end())) {
                continue;
            }
            taken.add(new int[] {m.start(), m.end()});
            YearMonth ym = YearMonth.of(Integer.parseInt(m.group(2)), month(m.group(1)));
            out.add(new Candidate(m.start(), m.end(), month(ym)));
        }
        m = BARE_MONTH.matcher(text).region(es, ee);
        while (m.find()) {
            if (overlaps(taken, m.start(2), m.end()) || pub == null) {
                continue;
            }
            int month = month(m.group(2));
            boolean last = m.group(1).equalsIgnoreCase("last");
            int year = pub.getYear();
            if (month > pub.getMonthValue() || (last && month >= pub.getMonthValue())) {
                year--;
            }
            taken.add(new int[] {m.start(), m.end()});
            out.add(new Candidate(m.start(), m.end(), month(YearMonth.of(year, month))));
        }
        m = BARE_YEAR.matcher(text).region(es, ee);
        while (m.find()) {
            if (overlaps(taken, m.start(), m.end())) {
                continue;
            }
            taken.add(new int[] {m.start(), m.end()});
            out.add(new Candidate(m.start(), m.end(), new Claim.ClaimedAt(m.group(1), Claim.ClaimedAt.YEAR)));
        }
        m = YEAR_OF_DOCUMENT.matcher(text).region(es, ee);
        while (m.find()) {
            if (overlaps(taken, m.start(1), m.end(1))) {
                continue;
            }
            taken.add(new int[] {m.start(1), m.end(1)});
            out.add(new Candidate(m.start(1), m.end(1), new Claim.ClaimedAt(m.group(1), Claim.ClaimedAt.YEAR)));
        }
        m = WEEKDAY_ALONE.matcher(text).region(es, ee);
        while (m.find()) {
            if (overlaps(taken, m.start(2), m.end()) || pub == null) {
                continue;
            }
            DayOfWeek dow = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            boolean last = m.group(1) != null && m.group(1).equalsIgnoreCase("last");
            LocalDate d = pub.with(TemporalAdjusters.previousOrSame(dow));
            if (last && d.equals(pub)) {
                d = d.minusWeeks(1);
            }
            taken.add(new int[] {m.start(2), m.end()});
            out.add(new Candidate(m.start(2), m.end(), day(d)));
        }
        m = RELATIVE.matcher(text).region(es, ee);
        while (m.find()) {
            if (overlaps(taken, m.start(), m.end()) || pub == null) {
                continue;
            }
            Claim.ClaimedAt at = relative(m.group(1).toLowerCase(Locale.ROOT), pub);
            if (at != null) {
                out.add(new Candidate(m.start(), m.end(), at));
            }
        }
    }

    private static Claim.ClaimedAt relative(String expr, LocalDate pub) {
        switch (expr) {
            case "today", "earlier today", "later today", "tonight", "this morning", "this afternoon",
                 "this evening" -> {
                return day(pub);
            }
            case "yesterday", "last night" -> {
                return day(pub.minusDays(1));
            }
            case "last month" -> {
                return month(YearMonth.from(pub).minusMonths(1));
            }
            case "this month", "earlier this month", "earlier in the month" -> {
                return month(YearMonth.from(pub));
            }
            case "last year" -> {
                return new Claim.ClaimedAt(String.valueOf(pub.getYear() - 1), Claim.ClaimedAt.YEAR);
            }
            case "this year", "earlier this year" -> {
                return new Claim.ClaimedAt(String.valueOf(pub.getYear()), Claim.ClaimedAt.YEAR);
            }
            case "this week", "earlier this week" -> {
                return weekMonth(pub.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), pub);
            }
            case "last week" -> {
                LocalDate monday = pub.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                return weekMonth(monday, monday.plusDays(6));
            }
            default -> {
                if (expr.endsWith("days ago")) {
                    String n = expr.substring(0, expr.indexOf(' '));
                    int k = SMALL.containsKey(n) ? SMALL.get(n) : Integer.parseInt(n);
                    return day(pub.minusDays(k));
                }
                return null;
            }
        }
    }

    /** A week has no precision of its own: its month if the whole week lies in one month. */
    private static Claim.ClaimedAt weekMonth(LocalDate from, LocalDate to) {
        return YearMonth.from(from).equals(YearMonth.from(to)) ? month(YearMonth.from(to)) : null;
    }

    private static LocalDate dayDate(int month, int day, String year, LocalDate pub) {
        try {
            if (year != null) {
                return LocalDate.of(Integer.parseInt(year), month, day);
            }
            if (pub == null) {
                return null;
            }
            LocalDate d = LocalDate.of(pub.getYear(), month, Math.min(day, YearMonth.of(pub.getYear(), month)
                    .lengthOfMonth()));
            if (d.isAfter(pub.plusDays(1))) {
                d = LocalDate.of(pub.getYear() - 1, month, Math.min(day, YearMonth.of(pub.getYear() - 1, month)
                        .lengthOfMonth()));
            }
            return d;
        } catch (DateTimeException e) {
            return null; // "February 31"
        }
    }

    private static int month(String name) {
        return MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
    }

    private static Claim.ClaimedAt day(LocalDate d) {
        return new Claim.ClaimedAt(d.toString(), Claim.ClaimedAt.DAY);
    }

    private static Claim.ClaimedAt month(YearMonth ym) {
        return new Claim.ClaimedAt(ym.toString(), Claim.ClaimedAt.MONTH);
    }

    private static boolean overlaps(List<int[]> taken, int s, int e) {
        for (int[] t : taken) {
            if (s < t[1] && e > t[0]) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(List<int[]> regions, int offset) {
        for (int[] r : regions) {
            if (r[0] <= offset && offset < r[1]) {
                return true;
            }
        }
        return false;
    }

    /** Regions between opening and closing quotation marks (curly pairs, or straight double quotes in turn). */
    private static List<int[]> quotedRegions(String text, int s, int e) {
        List<int[]> out = new ArrayList<>();
        int open = -1;
        boolean straightOpen = false;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c == '\u201C' && open < 0) {
                open = i;
            } else if (c == '\u201D' && open >= 0 && !straightOpen) {
                out.add(new int[] {open, i + 1});
                open = -1;
            } else if (c == '"') {
                if (open < 0) {
                    open = i;
                    straightOpen = true;
                } else if (straightOpen) {
                    out.add(new int[] {open, i + 1});
                    open = -1;
                    straightOpen = false;
                }
            }
        }
        return out;
    }

    /**
     * The publication date of an article from an ISO date ("2024-02-14") or date-time with or without offset
     * ("2024-02-14T10:00:00Z", "2024-02-14T10:00:00+05:00": the date as the outlet wrote it), or an RFC 1123
     * date ("Wed, 14 Feb 2024 10:00:00 GMT"). Null when absent or unparseable.
     */
    public static LocalDate publishedDate(String publishedAt) {
        if (publishedAt == null || publishedAt.isBlank()) {
            return null;
        }
        String s = publishedAt.trim();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s);
            }
            String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + "T" + s.substring(11) : s;
            try {
                return OffsetDateTime.parse(iso).toLocalDate();
            } catch (DateTimeParseException e) {
                try {
                    return ZonedDateTime.parse(iso).toLocalDate();
                } catch (DateTimeParseException e2) {
                    try {
                        return LocalDateTime.parse(iso).toLocalDate();
                    } catch (DateTimeParseException e3) {
                        return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
                    }
                }
            }
        } catch (DateTimeException e) {
            return null;
        }
    }
}
