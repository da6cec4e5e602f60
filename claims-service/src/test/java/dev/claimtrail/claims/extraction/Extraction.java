package dev.claimtrail.claims.extraction;

import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.Ids;

import java.util.List;
import java.util.Optional;

/** Test helper: one pipeline per test JVM (loading CoreNLP takes seconds), and small lookups over claims. */
final class Extraction {

    private static CoreNlpClaimExtractor extractor;

    private Extraction() {
    }

    static synchronized CoreNlpClaimExtractor extractor() {
        if (extractor == null) {
            extractor = new CoreNlpClaimExtractor();
        }
        return extractor;
    }

    static List<Claim> claims(String text) {
        return claims(text, "2024-05-15");
    }

    static List<Claim> claims(String text, String publishedAt) {
        ArticleSnapshot article = new ArticleSnapshot(Ids.articleId("test:" + text.hashCode()), 1, "test", null, null,
                "Test Outlet", publishedAt, "en", text, Ids.sha256Hex(text));
        return extractor().extract(article);
    }

    /** The claim whose content contains the given words. */
    static Optional<Claim> about(List<Claim> claims, String words) {
        return claims.stream().filter(c -> c.content().text().contains(words)).findFirst();
    }

    static Claim only(List<Claim> claims, String words) {
        List<Claim> found = claims.stream().filter(c -> c.content().text().contains(words)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one claim about '" + words + "', got " + describe(claims));
        }
        return found.get(0);
    }

    static String describe(List<Claim> claims) {
        StringBuilder sb = new StringBuilder();
        for (Claim c : claims) {
            sb.append("\n  ").append(c.source().name()).append(" [").append(c.source().type()).append("] ")
                    .append(c.cue().text()).append(": ").append(c.content().text());
        }
        return sb.toString();
    }
}
