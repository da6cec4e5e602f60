package dev.claimtrail.ingest.articles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlNormaliserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "HTTPS://Example.ORG/News/Story|https://example.org/News/Story",
            "https://example.org/a#comments|https://example.org/a",
            "http://example.org:80/a|http://example.org/a",
            "https://example.org:443/a|https://example.org/a",
            "https://example.org:8443/a|https://example.org:8443/a",
            "http://example.org:443/a|http://example.org:443/a",
            "https://example.org|https://example.org/",
            "https://example.org/a?utm_source=x&id=7&UTM_Medium=y&fbclid=z&gclid=w|https://example.org/a?id=7",
            "https://example.org/a?utm_source=x&fbclid=z|https://example.org/a",
            "https://example.org/a?b=2&a=1&c=3|https://example.org/a?a=1&b=2&c=3",
            "https://example.org/a?tag=z&tag=a&page=2|https://example.org/a?page=2&tag=z&tag=a",
            "https://example.org/a?&b=2&&a=1|https://example.org/a?a=1&b=2",
            "https://example.org/x/../a/./b|https://example.org/a/b",
            "https://example.org/caf%c3%a9|https://example.org/caf%C3%A9",
            "https://example.org/café|https://example.org/caf%C3%A9",
            "  https://example.org/a  |https://example.org/a",
    })
    void normalises(String input, String expected) {
        assertEquals(expected, UrlNormaliser.normalise(input));
    }

    @Test
    void spellingsOfOneArticleAgree() {
        String a = UrlNormaliser.normalise("https://www.example.org/2024/02/story?page=1&utm_campaign=feed#top");
        String b = UrlNormaliser.normalise("HTTPS://WWW.EXAMPLE.ORG:443/2024/02/story?utm_source=rss&page=1");
        assertEquals(a, b);
    }

    @Test
    void pathCaseAndTrailingSlashStaySignificant() {
        assertTrue(!UrlNormaliser.normalise("https://example.org/A").equals(UrlNormaliser.normalise("https://example.org/a")));
        assertTrue(!UrlNormaliser.normalise("https://example.org/a/").equals(UrlNormaliser.normalise("https://example.org/a")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/a", "mailto:editor@example.org", "example.org/a", "/relative/path",
            "https:///no-host", "https://exa mple.org/a", "javascript:alert(1)", "http:opaque"})
    void rejectsWhatIsNotAnAbsoluteHttpUrl(String input) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UrlNormaliser.normalise(input));
        assertTrue(!e.getMessage().isBlank());
    }
}
