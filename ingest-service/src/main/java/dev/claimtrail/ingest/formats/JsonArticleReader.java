package dev.claimtrail.ingest.formats;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one article from a JSON object in any of the field layouts ingest knows, told apart by their
 * fields (see {@link JsonDialect}). The object is read as a tree and checked field by field rather
 * than bound to a class: binding would quietly turn {@code "text": 5} into {@code "5"} and would report
 * problems in terms of Java types; here every error names the field as the client spelled it.
 * Unknown fields are ignored so that feeds can send more than ingest uses.
 */
public final class JsonArticleReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** news-please writes {@code date_publish} as a local date-time with a space, {@code 2024-02-14 10:31:00}. */
    private static final Pattern NEWS_PLEASE_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}(:\\d{2})?)");

    /**
     * NewsAPI cuts {@code content} to about 200 characters and appends how much it left out; the marker
     * is the API's, not the article's, and would otherwise be read as part of the last sentence.
     */
    private static final Pattern NEWSAPI_TRUNCATION = Pattern.compile("\\s*(?:…|\\.\\.\\.)?\\s*\\[\\+\\d+ chars]\\s*$");

    private JsonArticleReader() {
    }

    /**
     * Parses bytes that must hold exactly one JSON value.
     *
     * @param subject    how errors name the input: {@code request body}, {@code line 3}
     * @param singleLine whether errors should give only a column
     * @throws ProblemException 400 when the bytes are empty or not valid JSON
     */
    public static JsonNode readTree(byte[] body, int offset, int length, String subject, boolean singleLine) {
        if (body == null || isBlank(body, offset, length)) {
            throw ProblemException.invalid(subject + " is empty; expected a JSON object with at least a 'text' field");
        }
        try (JsonParser json = MAPPER.createParser(body, offset, length)) {
            JsonNode root = MAPPER.readTree(json);
            // Checked here rather than with FAIL_ON_TRAILING_TOKENS, whose message names Java types.
            if (json.nextToken() != null) {
                throw ProblemException.invalid(subject + " is not valid JSON"
                        + (singleLine ? "" : JsonErrors.where(json.currentTokenLocation()))
                        + ": there is more content after the JSON value");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(JsonErrors.describe(e, subject, singleLine));
        } catch (IOException e) {
            throw ProblemException.invalid(subject + " could not be read as JSON");
        }
    }

    /**
     * Maps a parsed JSON value to article fields. Type errors (a number where a string belongs, a
     * missing text) are added to {@code errors} naming the client's field; the caller decides what
     * to do with them.
     *
     * @param subject how to name the input if it is not an object at all
     */
    public static ArticleFields read(JsonNode root, String subject, List<String> errors) {
        if (!root.isObject()) {
            throw ProblemException.invalid(subject + " must be a JSON object, not " + describe(root));
        }
        switch (JsonDialect.of(root)) {
            case NEWS_PLEASE:
                return newsPlease(root, errors);
            case NEWSAPI:
                return newsApi(root, errors);
            default:
                return claimtrail(root, errors);
        }
    }

    private static ArticleFields claimtrail(JsonNode root, List<String> errors) {
        String externalId = optionalString(root, "externalId", errors);
        String url = optionalString(root, "url", errors);
        String title = optionalString(root, "title", errors);
        String outlet = optionalString(root, "outlet", errors);
        String publishedAt = optionalString(root, "publishedAt", errors);
        String language = optionalString(root, "language", errors);
        if (root.hasNonNull("html") && root.hasNonNull("text")) {
            errors.add("send either 'text' or 'html', not both");
            return new ArticleFields(externalId, url, title, outlet, publishedAt, language, null, null);
        }
        if (!root.hasNonNull("html")) {
            String text = requiredText(root, "text", errors);
            return new ArticleFields(externalId, url, title, outlet, publishedAt, language, text, null);
        }
        String html = requiredText(root, "html", errors);
        if (html == null) {
            return new ArticleFields(externalId, url, title, outlet, publishedAt, language, null, Map.of("text", "html"));
        }
        // The page's own metadata fills in what the JSON left out; what the feed said wins.
        HtmlArticle page = HtmlTextExtractor.extractPage(html, url);
        String text = page.text();
        if (text.isBlank()) {
            errors.add("'html' has no readable text");
            text = null;
        }
        return new ArticleFields(externalId, firstNonNull(url, page.canonicalUrl()), firstNonNull(title, page.title()),
                firstNonNull(outlet, page.outlet()), firstNonNull(publishedAt, page.publishedAt()),
                firstNonNull(language, page.language()), text, Map.of("text", "html"));
    }

    /**
     * news-please's article record. {@code authors}, {@code description} and the crawl metadata have no
     * place in the article event and are ignored.
     */
    private static ArticleFields newsPlease(JsonNode root, List<String> errors) {
        String url = optionalString(root, "url", errors);
        String title = optionalString(root, "title", errors);
        String outlet = optionalString(root, "source_domain", errors);
        String published = optionalString(root, "date_publish", errors);
        String language = optionalString(root, "language", errors);
        String text = requiredText(root, "maintext", errors);
        if (published != null) {
            Matcher local = NEWS_PLEASE_DATE.matcher(published.strip());
            // news-please writes the page's local time without a zone; read as UTC, as ingest reads
            // every date-time without offset.
            published = local.matches() ? local.group(1) + "T" + local.group(2) : published;
        }
        return new ArticleFields(null, url, title, outlet, published, language, text,
                Map.of("text", "maintext", "outlet", "source_domain", "publishedAt", "date_publish"));
    }

    /** A NewsAPI {@code articles[]} item. {@code author}, {@code description} and {@code urlToImage} are ignored. */
    private static ArticleFields newsApi(JsonNode root, List<String> errors) {
        String url = optionalString(root, "url", errors);
        String title = optionalString(root, "title", errors);
        String publishedAt = optionalString(root, "publishedAt", errors);
        String outlet = null;
        JsonNode source = root.get("source");
        if (source != null && !source.isNull()) {
            if (source.isObject()) {
                outlet = optionalString(source, "name", "source.name", errors);
            } else {
                errors.add("'source' must be an object, not " + describe(source));
            }
        }
        String text = requiredText(root, "content", errors);
        if (text != null) {
            text = NEWSAPI_TRUNCATION.matcher(text).replaceFirst("");
            if (text.isBlank()) {
                errors.add("'content' has no text besides NewsAPI's truncation marker");
                text = null;
            }
        }
        Map<String, String> names = new HashMap<>();
        names.put("text", "content");
        names.put("outlet", "source.name");
        return new ArticleFields(null, url, title, outlet, publishedAt, null, text, names);
    }

    private static String optionalString(JsonNode root, String field, List<String> errors) {
        return optionalString(root, field, field, errors);
    }

    /** A string field; absent, null and blank all mean "not given". */
    private static String optionalString(JsonNode root, String field, String name, List<String> errors) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add("'" + name + "' must be a string, not " + describe(node));
            return null;
        }
        return node.textValue().isBlank() ? null : node.textValue();
    }

    private static String requiredText(JsonNode root, String field, List<String> errors) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            errors.add("'" + field + "' is required");
            return null;
        }
        if (!node.isTextual()) {
            errors.add("'" + field + "' must be a string, not " + describe(node));
            return null;
        }
        if (node.textValue().isBlank()) {
            errors.add("'" + field + "' must not be blank");
            return null;
        }
        return node.textValue();
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }

    private static boolean isBlank(byte[] body, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    static String describe(JsonNode node) {
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
