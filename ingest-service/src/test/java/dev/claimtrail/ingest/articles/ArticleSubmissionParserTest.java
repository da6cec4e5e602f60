package dev.claimtrail.ingest.articles;

import dev.claimtrail.ingest.infra.ProblemException;
import dev.claimtrail.ingest.infra.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleSubmissionParserTest {

    private final ArticleSubmissionParser parser = new ArticleSubmissionParser(100);

    private ArticleSubmission parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private ProblemException reject(String json) {
        return assertThrows(ProblemException.class, () -> parse(json));
    }

    @Test
    void readsEveryField() {
        ArticleSubmission s = parse("""
                {"externalId":"e-1","url":"https://Example.org/a?utm_source=x","title":"T","outlet":"Dawn",
                 "publishedAt":"Wed, 14 Feb 2024 10:00:00 GMT","language":"en","text":"  Body\\r\\n text  ","extra":{"x":1}}""");
        assertEquals("e-1", s.externalId());
        assertEquals("https://Example.org/a?utm_source=x", s.url());
        assertEquals("https://example.org/a", s.normalisedUrl());
        assertEquals("T", s.title());
        assertEquals("Dawn", s.outlet());
        assertEquals("2024-02-14T10:00:00Z", s.publishedAt());
        assertEquals("en", s.language());
        assertEquals("  Body\r\n text  ", s.text(), "the text is kept exactly, whitespace included");
    }

    @Test
    void blankOrNullOptionalFieldsAreAbsent() {
        ArticleSubmission s = parse("{\"externalId\":\" \",\"url\":null,\"title\":\"\",\"text\":\"x\"}");
        assertNull(s.externalId());
        assertNull(s.url());
        assertNull(s.normalisedUrl());
        assertNull(s.title());
        assertEquals("hash:", s.identity().key().substring(0, 5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``|request body is empty",
            "`   `|request body is empty",
            "`{\"text\":`|ends before the JSON value is complete",
            "`{\"text\":\"a\"`|ends before the JSON value is complete",
            "`{text:\"a\"}`|not valid JSON at line 1, column 2",
            "`{\"text\":\"a\"} {}`|not valid JSON",
            "`{\"text\":\"a\",\"text\":\"b\"}`|not valid JSON",
            "`[{\"text\":\"a\"}]`|must be a JSON object, not an array",
            "`null`|must be a JSON object, not null",
            "`\"text\"`|must be a JSON object, not a string",
            "`{}`|'text' is required",
            "`{\"text\":null}`|'text' is required",
            "`{\"text\":\" \\n\\t \"}`|'text' must not be blank",
            "`{\"text\":5}`|'text' must be a string, not a number",
            "`{\"text\":[\"a\"]}`|'text' must be a string, not an array",
            "`{\"text\":\"a\",\"title\":true}`|'title' must be a string, not a boolean",
            "`{\"text\":\"a\",\"url\":{\"href\":\"x\"}}`|'url' must be a string, not an object",
            "`{\"text\":\"a\",\"url\":\"ftp://example.org/a\"}`|'url' must be an absolute http or https URL",
            "`{\"text\":\"a\",\"url\":\"not a url\"}`|'url' is not a valid URL",
            "`{\"text\":\"a\",\"publishedAt\":\"14/02/2024\"}`|'publishedAt' '14/02/2024' is not an ISO-8601 date",
            "`{\"text\":\"a\",\"publishedAt\":20240214}`|'publishedAt' must be a string, not a number",
    })
    void rejectsWithA400NamingTheProblem(String body, String expectedDetail) {
        ProblemException e = reject(body);
        assertEquals(ProblemType.INVALID_REQUEST, e.type());
        assertTrue(e.detail().contains(expectedDetail), e.detail());
        assertFalse(e.detail().contains("com.fasterxml"), e.detail());
        assertFalse(e.detail().contains("Source:"), e.detail());
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        ProblemException e = reject("{\"title\":1,\"outlet\":false}");
        assertTrue(e.detail().contains("'title' must be a string"), e.detail());
        assertTrue(e.detail().contains("'outlet' must be a string"), e.detail());
        assertTrue(e.detail().contains("'text' is required"), e.detail());
    }

    @Test
    void overlongFieldsAre400() {
        ProblemException e = reject("{\"text\":\"a\",\"title\":\"" + "t".repeat(1001) + "\"}");
        assertEquals(ProblemType.INVALID_REQUEST, e.type());
        assertEquals("'title' has 1001 characters; at most 1000 are accepted", e.detail());
        e = reject("{\"text\":\"a\",\"url\":\"https://example.org/" + "p".repeat(2100) + "\"}");
        assertTrue(e.detail().startsWith("'url' has 2120 characters"), e.detail());
    }

    @Test
    void textOverTheLimitIs413NamingTheLimit() {
        ProblemException e = reject("{\"text\":\"" + "x".repeat(101) + "\"}");
        assertEquals(ProblemType.PAYLOAD_TOO_LARGE, e.type());
        assertEquals("'text' has 101 characters; at most 100 are accepted", e.detail());
        assertEquals(100, parse("{\"text\":\"" + "x".repeat(100) + "\"}").text().length());
    }

    @Test
    void textLengthCountsUtf16UnitsAsClaimOffsetsDo() {
        // U+1F600 is two UTF-16 code units: 50 of them are exactly 100.
        String emoji = "\uD83D\uDE00".repeat(50);
        assertEquals(emoji, parse("{\"text\":\"" + emoji + "\"}").text());
        assertEquals(ProblemType.PAYLOAD_TOO_LARGE, reject("{\"text\":\"" + emoji + "a\"}").type());
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        ProblemException e = assertThrows(ProblemException.class, () -> parser.parse(body));
        assertEquals(ProblemType.INVALID_REQUEST, e.type());
        assertTrue(e.detail().startsWith("request body is not valid JSON"), e.detail());
    }
}
