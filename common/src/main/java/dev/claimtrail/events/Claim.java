package dev.claimtrail.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * An attribution relation as {@code shared/spec/claims.md} defines it: a source, a cue and a content,
 * with what the content is about. Every offset counts UTF-16 code units into the stored text of the
 * article revision named in {@link #article()}; {@code end} is exclusive.
 *
 * @param kind      {@link #ATTRIBUTED}, or {@link #OUTLET} for the outlet's own statements
 * @param stance    {@link #ASSERTS} or {@link #DENIES}
 * @param claimedAt when the statement was made; null when the text gives no time for it
 * @param via       the reporting chain, outermost first, without the source itself
 */
public record Claim(
        String id,
        String kind,
        ArticleRef article,
        Extractor extractor,
        Source source,
        Cue cue,
        String stance,
        boolean direct,
        Span content,
        Span evidence,
        List<Subject> subjects,
        List<Quantity> quantities,
        List<Location> locations,
        ClaimedAt claimedAt,
        List<String> via) {

    public static final String ATTRIBUTED = "attributed";
    public static final String OUTLET = "outlet";
    public static final String ASSERTS = "asserts";
    public static final String DENIES = "denies";

    public Claim {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        quantities = quantities == null ? List.of() : List.copyOf(quantities);
        locations = locations == null ? List.of() : List.copyOf(locations);
        via = via == null ? List.of() : List.copyOf(via);
    }

    /** Which article revision the claim was found in, with what a dashboard shows of it. */
    public record ArticleRef(String id, int revision, String externalId, String outlet, String url, String publishedAt) {
    }

    /** The extractor that produced a claim; a new version re-extracts every article. */
    public record Extractor(String name, String version) {
    }

    /**
     * @param name         canonical name, or "unnamed source" for an unnamed one
     * @param type         person, organisation, document, unnamed or group
     * @param mention      the source as written in this claim's sentence (may be a pronoun or surname)
     */
    public record Source(String name, String type, String role, String organisation, Span mention) {
        public static final String PERSON = "person";
        public static final String ORGANISATION = "organisation";
        public static final String DOCUMENT = "document";
        public static final String UNNAMED = "unnamed";
        public static final String GROUP = "group";
    }

    /** The cue as written ("warned", "according to") and its lemma ("warn", "according to"). */
    public record Cue(String text, String lemma, int start, int end) {
    }

    /** A stretch of the article text with its offsets. */
    public record Span(String text, int start, int end) {
    }

    /** An entity the claim is about, by canonical id, with the alias as written. */
    public record Subject(String id, String alias) {
    }

    /**
     * A figure the claim gives: "up to 6,500 members" is value 6500, qualifier "up to", unit
     * "members", of "ISKP". A range "4,000-5,000" has {@code valueTo}.
     */
    public record Quantity(BigDecimal value, BigDecimal valueTo, String qualifier, String unit, String of, String text) {
    }

    /** A place named in the claim; offsets are null when the place was inferred rather than read. */
    public record Location(String name, Integer start, Integer end) {
    }

    /**
     * @param value     ISO-8601 truncated to the precision: 2024-02-14, 2024-02 or 2024
     * @param precision day, month or year
     */
    public record ClaimedAt(String value, String precision) {
        public static final String DAY = "day";
        public static final String MONTH = "month";
        public static final String YEAR = "year";
    }
}
