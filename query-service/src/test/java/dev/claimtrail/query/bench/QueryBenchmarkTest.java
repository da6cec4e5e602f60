package dev.claimtrail.query.bench;

import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.query.claims.ClaimQueryService;
import dev.claimtrail.query.figures.FigureQueryService;
import dev.claimtrail.query.rebuild.RebuildService;
import dev.claimtrail.query.support.LiveConsumersPaused;
import dev.claimtrail.query.stories.StoryQueryService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The query benchmark of BENCHMARKS.md: fills the kept benchmark database up to
 * {@code benchmark.claims} claims through the real projections (resuming where an earlier run stopped;
 * {@code benchmark.fill-minutes} bounds the time spent filling in this run), then measures the main
 * queries over HTTP and prints the table. Runs only with {@code -Dbenchmark=query}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = BenchmarkDatabase.class, initArgs = @ResourceArg(name = "mode", value = "kept"))
@TestProfile(LiveConsumersPaused.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "query")
class QueryBenchmarkTest {

    /** The corpus: its daily volume is that of a million claims over three years. */
    static final long CORPUS_CLAIMS = 1_000_000L;
    static final long SEED = 42L;

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

    @Inject
    RebuildService rebuilds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URL base;

    private long claimsInReadModel() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM query.claim")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void fillAndMeasure() throws Exception {
        long target = Long.getLong("benchmark.claims", CORPUS_CLAIMS);
        double minutes = Double.parseDouble(System.getProperty("benchmark.fill-minutes", "100000"));
        int partitions = Integer.getInteger("benchmark.fill-partitions", 4);
        long present = claimsInReadModel();
        if (present >= target) {
            System.out.printf("fill: the read model already holds %,d claims%n", present);
        } else if ("projections".equals(System.getProperty("benchmark.fill", "logs"))) {
            ReadModelFiller.Result fill = filler.fill(SEED, CORPUS_CLAIMS, target, partitions, 20_000,
                    (long) (minutes * 60e9));
            System.out.printf("fill: %s (%.0f claim-topic records/s)%n", fill, fill.claimsPerSecond());
        } else {
            LogFiller.Result fill = LogFiller.fill(bootstrapServers, rebuilds, SEED, CORPUS_CLAIMS, target);
            System.out.printf("fill: %,d claims of %,d articles published in %.1f s, read model rebuilt from the "
                            + "logs in %.1f s (%,d records, %.0f/s)%n", fill.claims(), fill.articles(),
                    fill.publishSeconds(), fill.rebuildSeconds(), fill.rebuild().applied(),
                    fill.rebuild().applied() / fill.rebuildSeconds());
        }

        int requests = Integer.getInteger("benchmark.requests", 1000);
        QueryBenchmark bench = new QueryBenchmark(base.toURI(), dataSource, claims, stories, figures);
        bench.loadParameters();
        System.out.println("read model: " + bench.sizes());
        List<QueryBenchmark.Stats> stats = new ArrayList<>();
        for (String kind : List.of("claims", "story", "figures", "search")) {
            bench.run(bench.requests(kind, Math.max(50, requests / 5))); // warm-up
            List<QueryBenchmark.Request> measured = bench.requests(kind, requests);
            List<QueryBenchmark.Sample> samples = bench.run(measured);
            List<Long> inProcess = bench.runInProcess(measured, samples);
            stats.addAll(QueryBenchmark.byKind(kind, samples, inProcess));
            QueryBenchmark.failures(samples).forEach(f -> System.out.printf("  failed: %d %s%n", f.status(), f.path()));
            QueryBenchmark.slowest(samples, 5).forEach(s ->
                    System.out.printf("  slow: %.1f ms, %d rows: %s%n", s.nanos() / 1e6, s.rows(), s.path()));
        }
        System.out.println();
        System.out.println(QueryBenchmark.table(stats));
    }
}
