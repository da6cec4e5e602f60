package dev.claimtrail.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimtrail.ingest.infra.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.claimtrail.ingest.formats.HtmlTextExtractorTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonArticleReaderTest {

    private static JsonNode tree(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return JsonArticleReader.readTree(bytes, 0, bytes.length, "request body", false);
    }

    private static ArticleFields read(String json, List<String> errors) {
        return JsonArticleReader.read(tree(json), "request body", errors);
    }

    private static ArticleFields read(String json) {
        List<String> errors = new ArrayList<>();
        ArticleFields fields = read(json, errors);
        assertEquals(List.of(), errors);
        return fields;
    }

    @Test
    void newsPleaseRecordIsRecognisedByItsFieldsAndMapped() {
        JsonNode record = tree(resource("/samples/news-please.json"));
        assertEquals(JsonDialect.NEWS_PLEASE, JsonDialect.of(record));
        ArticleFields fields = read(resource("/samples/news-please.json"));
        assertEquals("https://courier.example.com/world/2024/02/14/ceasefire-talks", fields.url());
        assertEquals("Ceasefire talks to resume, minister says", fields.title());
        assertEquals("courier.example.com", fields.outlet());
        assertEquals("2024-02-14T10:31:00", fields.publishedAt(), "space-separated local time made ISO");
        assertEquals("en", fields.language());
        assertTrue(fields.text().startsWith("ISLAMABAD — Talks between"));
        assertTrue(fields.text().endsWith("would be released."));
        assertNull(fields.externalId());
        assertEquals("maintext", fields.nameOf("text"));
        assertEquals("date_publish", fields.nameOf("publishedAt"));
    }

    @Test
    void newsApiItemIsRecognisedAndItsTruncationMarkerDropped() {
        ArticleFields fields = read(resource("/samples/newsapi-item.json"));
        assertEquals(JsonDialect.NEWSAPI, JsonDialect.of(tree(resource("/samples/newsapi-item.json"))));
        assertEquals("Valley Ledger", fields.outlet());
        assertEquals("2024-02-14T07:30:00Z", fields.publishedAt());
        assertEquals("Mayor rejects budget cuts", fields.title());
        assertTrue(fields.text().endsWith("the largest in a decade"), fields.text());
        assertEquals("content", fields.nameOf("text"));
    }

    @Test
    void newsApiErrorsNameItsFields() {
        List<String> errors = new ArrayList<>();
        read("{\"source\": \"Dawn\", \"content\": 7}", errors);
        assertEquals(List.of("'source' must be an object, not a string", "'content' must be a string, not a number"), errors);
    }

    @Test
    void newsPleaseWithoutMaintextSaysSo() {
        List<String> errors = new ArrayList<>();
        read("{\"maintext\": null, \"text\": null, \"source_domain\": \"x.org\"}", errors);
        assertEquals(List.of("'maintext' is required"), errors);
    }

    @Test
    void htmlFieldIsExtractedAndThePagesMetadataFillsTheGaps() {
        ArticleFields fields = read("{\"externalId\": \"p-1\", \"title\": \"Our title\", \"html\": "
                + "\"<html lang='fr'><head><title>Page title</title></head><body><nav>Menu</nav>"
                + "<p>Le ministre a dit.</p><p>Deuxième paragraphe.</p><script>x()</script></body></html>\"}");
        assertEquals("Le ministre a dit.\n\nDeuxième paragraphe.", fields.text());
        assertEquals("Our title", fields.title(), "the feed's title wins");
        assertEquals("fr", fields.language(), "the page fills what the feed left out");
        assertEquals("html", fields.nameOf("text"));
    }

    @Test
    void textAndHtmlTogetherAreAmbiguous() {
        List<String> errors = new ArrayList<>();
        read("{\"text\": \"a\", \"html\": \"<p>b</p>\"}", errors);
        assertEquals(List.of("send either 'text' or 'html', not both"), errors);
    }

    @Test
    void aLineIsNamedByItsNumberAndOnlyItsColumn() {
        byte[] line = "{\"text\": \"a\",}".getBytes(StandardCharsets.UTF_8);
        ProblemException e = assertThrows(ProblemException.class,
                () -> JsonArticleReader.readTree(line, 0, line.length, "line 3", true));
        assertTrue(e.detail().startsWith("line 3 is not valid JSON at column 14: "), e.detail());
    }
}
