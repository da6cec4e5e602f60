package dev.claimtrail.query.bench;

import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.query.claims.ClaimQueryService;
import dev.claimtrail.query.figures.FigureQueryService;
import dev.claimtrail.query.stories.StoryQueryService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query benchmark's code on a small fill (the first claims of the same corpus, in a database of
 * its own), so that it keeps working between the runs that measure: the generated events go through
 * the projections, form stories and figure timelines, and every kind of request the benchmark sends
 * answers 200 with rows.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = BenchmarkDatabase.class, initArgs = @ResourceArg(name = "mode", value = "fresh"))
class QueryBenchmarkSmokeTest {

    static final long CLAIMS = 1_500;

    @Inject
    ReadModelFiller filler;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ClaimQueryService claims;

    @Inject
    StoryQueryService stories;

    @Inject
    FigureQueryService figures;

    @TestHTTPResource("/")
    URL base;

    @Test
    void theBenchmarkFillsTheReadModelAndEveryQueryAnswers() throws Exception {
        ReadModelFiller.Result fill = filler.fill(QueryBenchmarkTest.SEED, QueryBenchmarkTest.CORPUS_CLAIMS, CLAIMS, 2,
                Long.MAX_VALUE, Long.MAX_VALUE);
        assertTrue(fill.claimsGenerated() >= CLAIMS, fill.toString());

        QueryBenchmark bench = new QueryBenchmark(base.toURI(), dataSource, claims, stories, figures);
        bench.loadParameters();
        Map<String, Long> sizes = bench.sizes();
        // At least: the application's own consumers also project what other tests publish to the shared broker.
        assertTrue(sizes.get("claim") >= fill.claimsGenerated(), "every generated claim was projected: " + sizes);
        assertTrue(sizes.get("served_claim") >= fill.claimsGenerated(), "every generated claim is served: " + sizes);
        assertTrue(sizes.get("story") > 0 && sizes.get("served_figure") > 0, "stories and figures form: " + sizes);

        for (String kind : List.of("claims", "story", "figures", "search")) {
            List<QueryBenchmark.Request> requests = bench.requests(kind, 25);
            List<QueryBenchmark.Sample> samples = bench.run(requests);
            assertEquals(List.of(), QueryBenchmark.failures(samples), kind);
            List<Long> inProcess = bench.runInProcess(requests, samples);
            QueryBenchmark.Stats all = QueryBenchmark.byKind(kind, samples, inProcess).get(0);
            assertTrue(all.rowsMax() > 0, kind + " returned rows: " + all);
            if (!kind.equals("claims") && !kind.equals("search")) {
                // a story has two members at least; a subject drawn from the figures has one figure at least
                assertTrue(samples.stream().allMatch(s -> s.rows() >= (kind.equals("story") ? 2 : 1)), kind);
            }
        }
    }
}
