package dev.claimtrail.ingest.articles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.claimtrail.ingest.infra.JsonErrors;
import dev.claimtrail.ingest.infra.ProblemException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a pushed article from the raw request body. The body is parsed to a tree and checked field
 * by field rather than bound to a class: binding would quietly turn {@code "text": 5} into
 * {@code "5"} and would report problems in terms of Java types; here every error names the JSON
 * field. Unknown fields are ignored so that feeds can send more than ingest uses.
 */
public final class ArticleSubmissionParser {

    static final int MAX_EXTERNAL_ID_CHARS = 512;
    static final int MAX_URL_CHARS = 2048;
    static final int MAX_TITLE_CHARS = 1000;
    static final int MAX_OUTLET_CHARS = 300;
    static final int MAX_PUBLISHED_AT_CHARS = 64;
    static final int MAX_LANGUAGE_CHARS = 35;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final int maxTextChars;

    public ArticleSubmissionParser(int maxTextChars) {
        this.maxTextChars = maxTextChars;
    }

    /**
     * @throws ProblemException 400 naming every invalid field, or 413 when the text is over the limit
     */
    public ArticleSubmission parse(byte[] body) {
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw ProblemException.invalid("request body must be a JSON object, not " + describe(root));
        }
        List<String> errors = new ArrayList<>();
        String externalId = optionalString(root, "externalId", errors);
        String url = optionalString(root, "url", errors);
        String title = optionalString(root, "title", errors);
        String outlet = optionalString(root, "outlet", errors);
        String publishedAt = optionalString(root, "publishedAt", errors);
        String language = optionalString(root, "language", errors);
        String text = text(root, errors);
        rejectIfAny(errors);

        // Size before the remaining checks: an oversized text is the one thing a resend cannot fix
        // by correcting a field, and it is what a client most needs to hear about.
        if (text.length() > maxTextChars) {
            throw ProblemException.tooLarge("'text' has " + text.length() + " characters; at most "
                    + maxTextChars + " are accepted");
        }
        checkLength("externalId", externalId, MAX_EXTERNAL_ID_CHARS, errors);
        checkLength("title", title, MAX_TITLE_CHARS, errors);
        checkLength("outlet", outlet, MAX_OUTLET_CHARS, errors);
        checkLength("language", language, MAX_LANGUAGE_CHARS, errors);
        String normalisedUrl = null;
        if (checkLength("url", url, MAX_URL_CHARS, errors)) {
            normalisedUrl = normaliseUrl(url, errors);
        }
        String normalisedPublishedAt = null;
        if (checkLength("publishedAt", publishedAt, MAX_PUBLISHED_AT_CHARS, errors) && publishedAt != null) {
            try {
                normalisedPublishedAt = PublishedAtNormaliser.normalise(publishedAt);
            } catch (IllegalArgumentException e) {
                errors.add("'publishedAt' " + e.getMessage());
            }
        }
        rejectIfAny(errors);
        return new ArticleSubmission(externalId, url, normalisedUrl, title, outlet, normalisedPublishedAt, language, text);
    }

    private static JsonNode readTree(byte[] body) {
        if (body == null || isBlank(body)) {
            throw ProblemException.invalid("request body is empty; expected a JSON object with at least a 'text' field");
        }
        try (JsonParser json = MAPPER.createParser(body)) {
            JsonNode root = MAPPER.readTree(json);
            // Checked here rather than with FAIL_ON_TRAILING_TOKENS, whose message names Java types.
            if (json.nextToken() != null) {
                throw ProblemException.invalid("request body is not valid JSON" + JsonErrors.where(json.currentTokenLocation())
                        + ": there is more content after the JSON value");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(JsonErrors.describe(e));
        } catch (IOException e) {
            throw ProblemException.invalid("request body could not be read as JSON");
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** A string field; absent, null and blank all mean "not given". */
    private static String optionalString(JsonNode root, String field, List<String> errors) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add("'" + field + "' must be a string, not " + describe(node));
            return null;
        }
        return node.textValue().isBlank() ? null : node.textValue();
    }

    private static String text(JsonNode root, List<String> errors) {
        JsonNode node = root.get("text");
        if (node == null || node.isNull()) {
            errors.add("'text' is required");
            return null;
        }
        if (!node.isTextual()) {
            errors.add("'text' must be a string, not " + describe(node));
            return null;
        }
        if (node.textValue().isBlank()) {
            errors.add("'text' must not be blank");
            return null;
        }
        return node.textValue();
    }

    /** @return whether the value is within the limit (an absent value is) */
    private static boolean checkLength(String field, String value, int max, List<String> errors) {
        if (value != null && value.length() > max) {
            errors.add("'" + field + "' has " + value.length() + " characters; at most " + max + " are accepted");
            return false;
        }
        return true;
    }

    private static String normaliseUrl(String url, List<String> errors) {
        if (url == null) {
            return null;
        }
        try {
            String normalised = UrlNormaliser.normalise(url);
            // Escaping non-ASCII characters can lengthen a URL; the identity key must stay bounded.
            if (normalised.length() > MAX_URL_CHARS) {
                errors.add("'url' has more than " + MAX_URL_CHARS + " characters once normalised");
                return null;
            }
            return normalised;
        } catch (IllegalArgumentException e) {
            errors.add("'url' " + e.getMessage());
            return null;
        }
    }

    private static void rejectIfAny(List<String> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors));
        }
    }

    private static String describe(JsonNode node) {
        JsonNodeType type = node.getNodeType();
        switch (type) {
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case NULL:
                return "null";
            case STRING:
                return "a string";
            default:
                return type.name().toLowerCase(Locale.ROOT);
        }
    }
}
