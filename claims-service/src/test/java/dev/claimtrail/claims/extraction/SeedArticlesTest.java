package dev.claimtrail.claims.extraction;

import dev.claimtrail.events.Claim;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Structural invariants on the seed articles (when the shared seeds are present): the scoring itself
 * is the Python scorer run by {@link SeedScoring}; this guards the shape every consumer relies on.
 */
class SeedArticlesTest {

    /** shared/ lies beside the repository; tests run in the module directory. */
    private static final Path SEEDS = Path.of("..", "..", "shared", "seeds").toAbsolutePath().normalize();

    @Test
    void everyClaimPointsIntoItsArticle() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "shared seeds not present");
        List<Path> files;
        try (Stream<Path> s = Files.list(SEEDS)) {
            files = s.filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.txt")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            List<Claim> claims = Extraction.claims(text, null);
            assertFalse(claims.isEmpty(), f.toString());
            Set<String> ids = new HashSet<>();
            for (Claim c : claims) {
                assertTrue(ids.add(c.id()), "duplicate id in " + f);
                assertEquals(c.content().text(), text.substring(c.content().start(), c.content().end()));
                assertEquals(c.evidence().text(), text.substring(c.evidence().start(), c.evidence().end()));
                assertTrue(c.evidence().start() <= c.content().start() && c.content().end() <= c.evidence().end());
                assertFalse(c.content().text().isBlank());
                assertFalse(c.source().name().isBlank());
                assertTrue(Set.of("person", "organisation", "document", "unnamed", "group").contains(c.source().type()));
                assertTrue(Set.of(Claim.ASSERTS, Claim.DENIES).contains(c.stance()));
                if (c.source().mention() != null) {
                    assertEquals(c.source().mention().text(), text.substring(c.source().mention().start(), c.source().mention().end()));
                }
            }
        }
    }
}
