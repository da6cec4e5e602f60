package dev.claimtrail.claims.extraction;

import dev.claimtrail.events.Claim;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Several consumer threads share one extractor: results must not depend on who else is extracting. */
class ConcurrentExtractionTest {

    private static final List<String> ARTICLES = List.of(
            "Governor Alan Reyes said on Monday that the dam would be repaired. “We have the money,” Reyes told reporters.",
            "According to the coast guard, 37 migrants were rescued. Officials said the boat had capsized near the reef.",
            "The union warned that the strike would spread. Its leader, Mira Santos, added that talks had collapsed.");

    @Test
    void parallelExtractionGivesTheSameClaimsAsSequential() throws Exception {
        List<List<String>> expected = new ArrayList<>();
        for (String a : ARTICLES) {
            expected.add(ids(Extraction.claims(a)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                for (String a : ARTICLES) {
                    futures.add(pool.submit(() -> ids(Extraction.claims(a))));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % ARTICLES.size()), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        expected.forEach(e -> assertFalse(e.isEmpty()));
    }

    private static List<String> ids(List<Claim> claims) {
        return claims.stream().map(c -> c.id() + "|" + c.source().name()).toList();
    }
}
