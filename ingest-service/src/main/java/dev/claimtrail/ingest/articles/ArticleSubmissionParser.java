package dev.claimtrail.ingest.articles;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimtrail.ingest.formats.ArticleFields;
import dev.claimtrail.ingest.formats.JsonArticleReader;
import dev.claimtrail.ingest.infra.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks an article read from any format and turns it into a submission: limits, URL and date
 * normalisation, and the characters no store downstream can hold. Errors name the field as the
 * client spelled it ({@link ArticleFields#nameOf}).
 *
 * <p>Text is otherwise kept exactly as sent, including zero-width characters, bidirectional marks
 * and overrides, and control characters: they are part of what was published, and claim offsets
 * count them. Only NUL and unpaired surrogates are refused: PostgreSQL cannot store NUL in text and
 * an unpaired surrogate has no UTF-8 encoding, so either would fail every read model later.
 */
public final class ArticleSubmissionParser {

    static final int MAX_EXTERNAL_ID_CHARS = 512;
    static final int MAX_URL_CHARS = 2048;
    static final int MAX_TITLE_CHARS = 1000;
    static final int MAX_OUTLET_CHARS = 300;
    static final int MAX_PUBLISHED_AT_CHARS = 64;
    static final int MAX_LANGUAGE_CHARS = 35;

    private final int maxTextChars;

    public ArticleSubmissionParser(int maxTextChars) {
        this.maxTextChars = maxTextChars;
    }

    public int maxTextChars() {
        return maxTextChars;
    }

    /**
     * Reads a JSON request body holding one article, in any {@link dev.claimtrail.ingest.formats.JsonDialect}.
     *
     * @throws ProblemException 400 naming every invalid field, or 413 when the text is over the limit
     */
    public ArticleSubmission parse(byte[] body) {
        JsonNode root = JsonArticleReader.readTree(body, 0, body == null ? 0 : body.length, "request body", false);
        return parse(root, "request body");
    }

    /** One JSON article already parsed, e.g. a line of an NDJSON body. */
    public ArticleSubmission parse(JsonNode article, String subject) {
        List<String> errors = new ArrayList<>();
        ArticleFields fields = JsonArticleReader.read(article, subject, errors);
        rejectIfAny(errors);
        return validate(fields);
    }

    /**
     * @throws ProblemException 400 naming every invalid field, or 413 when the text is over the limit
     */
    public ArticleSubmission validate(ArticleFields fields) {
        List<String> errors = new ArrayList<>();
        String text = fields.text();
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("'" + fields.nameOf("text") + "' " + (text == null ? "is required" : "must not be blank"));
        }
        // Size before the remaining checks: an oversized text is the one thing a resend cannot fix
        // by correcting a field, and it is what a client most needs to hear about.
        if (text.length() > maxTextChars) {
            throw ProblemException.tooLarge("'" + fields.nameOf("text") + "' has " + text.length()
                    + " characters; at most " + maxTextChars + " are accepted");
        }
        checkStorable(fields, "text", text, errors);
        checkField(fields, "externalId", fields.externalId(), MAX_EXTERNAL_ID_CHARS, errors);
        checkField(fields, "title", fields.title(), MAX_TITLE_CHARS, errors);
        checkField(fields, "outlet", fields.outlet(), MAX_OUTLET_CHARS, errors);
        checkField(fields, "language", fields.language(), MAX_LANGUAGE_CHARS, errors);
        String url = fields.url();
        String normalisedUrl = null;
        if (checkField(fields, "url", url, MAX_URL_CHARS, errors)) {
            normalisedUrl = normaliseUrl(fields.nameOf("url"), url, errors);
        }
        String publishedAt = fields.publishedAt();
        String normalisedPublishedAt = null;
        if (checkField(fields, "publishedAt", publishedAt, MAX_PUBLISHED_AT_CHARS, errors) && publishedAt != null) {
            try {
                normalisedPublishedAt = PublishedAtNormaliser.normalise(publishedAt);
            } catch (IllegalArgumentException e) {
                errors.add("'" + fields.nameOf("publishedAt") + "' " + e.getMessage());
            }
        }
        rejectIfAny(errors);
        return new ArticleSubmission(fields.externalId(), url, normalisedUrl, fields.title(), fields.outlet(),
                normalisedPublishedAt, fields.language(), text);
    }

    /** @return whether the value is within the limit and storable (an absent value is) */
    private static boolean checkField(ArticleFields fields, String field, String value, int max, List<String> errors) {
        if (value != null && value.length() > max) {
            errors.add("'" + fields.nameOf(field) + "' has " + value.length() + " characters; at most " + max + " are accepted");
            return false;
        }
        return checkStorable(fields, field, value, errors);
    }

    private static boolean checkStorable(ArticleFields fields, String field, String value, List<String> errors) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                errors.add("'" + fields.nameOf(field) + "' contains U+0000 (NUL) at offset " + i + "; it cannot be stored");
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                errors.add("'" + fields.nameOf(field) + "' contains an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ") at offset " + i
                        + "; it is not a character and has no UTF-8 encoding");
                return false;
            }
        }
        return true;
    }

    private static String normaliseUrl(String name, String url, List<String> errors) {
        if (url == null) {
            return null;
        }
        try {
            String normalised = UrlNormaliser.normalise(url);
            // Escaping non-ASCII characters can lengthen a URL; the identity key must stay bounded.
            if (normalised.length() > MAX_URL_CHARS) {
                errors.add("'" + name + "' has more than " + MAX_URL_CHARS + " characters once normalised");
                return null;
            }
            return normalised;
        } catch (IllegalArgumentException e) {
            errors.add("'" + name + "' " + e.getMessage());
            return null;
        }
    }

    private static void rejectIfAny(List<String> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors));
        }
    }
}
