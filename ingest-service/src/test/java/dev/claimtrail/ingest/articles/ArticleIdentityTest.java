package dev.claimtrail.ingest.articles;

import dev.claimtrail.events.Ids;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ArticleIdentityTest {

    @Test
    void urlWinsOverExternalIdAndText() {
        ArticleIdentity identity = ArticleIdentity.of("https://example.org/a", "feed-42", "Some text.");
        assertEquals("url:https://example.org/a", identity.key());
        assertEquals(Ids.articleId("url:https://example.org/a"), identity.articleId());
    }

    @Test
    void externalIdWhenThereIsNoUrl() {
        ArticleIdentity identity = ArticleIdentity.of(null, " feed-42 ", "Some text.");
        assertEquals("ext:feed-42", identity.key());
        assertEquals(Ids.articleId("ext:feed-42"), identity.articleId());
    }

    @Test
    void contentHashWhenThereIsNeither() {
        ArticleIdentity identity = ArticleIdentity.of(null, null, "Some text.");
        assertEquals("hash:" + Ids.sha256Hex("Some text."), identity.key());
        assertEquals(Ids.articleId(identity.key()), identity.articleId());
    }

    @Test
    void sameUrlDifferentTextIsOneArticle() {
        assertEquals(ArticleIdentity.of("https://example.org/a", null, "v1").articleId(),
                ArticleIdentity.of("https://example.org/a", null, "v2").articleId());
    }

    @Test
    void withoutUrlOrIdDifferentTextsAreDifferentArticles() {
        assertNotEquals(ArticleIdentity.of(null, null, "v1").articleId(), ArticleIdentity.of(null, null, "v2").articleId());
    }

    @Test
    void submissionUsesTheNormalisedUrl() {
        ArticleSubmission submission = new ArticleSubmissionParser(1000).parse(
                "{\"url\":\"HTTPS://Example.org/a?utm_source=x\",\"externalId\":\"e1\",\"text\":\"t\"}".getBytes());
        assertEquals("url:https://example.org/a", submission.identity().key());
        assertEquals("HTTPS://Example.org/a?utm_source=x", submission.url());
    }
}
