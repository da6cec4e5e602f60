package dev.claimtrail.query.bench;

import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.events.Topics;
import dev.claimtrail.query.rebuild.RebuildService;
import dev.claimtrail.query.rebuild.RebuildStatus;
import dev.claimtrail.query.support.EventProducer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fills the read model as an operator would rebuild it: every event of {@link SyntheticNews} is published
 * to the articles and claims logs as the services publish it (JSON body, CloudEvents headers, key =
 * article id), then a rebuild of the read models (RebuildService, in bulk) derives every table from the
 * logs and swaps them in. RebuildTest proves a rebuild equal to what the live projections compute, table
 * by table; this is how a read model of a million claims can be had in minutes instead of the hours the
 * record-by-record projections would take ({@link ReadModelFiller}, kept for the smoke test).
 */
final class LogFiller {

    private LogFiller() {
    }

    /** What the fill did. */
    record Result(long claims, long articles, double publishSeconds, RebuildStatus rebuild) {
        double rebuildSeconds() {
            return Duration.between(rebuild.startedAt(), rebuild.finishedAt()).toNanos() / 1e9;
        }
    }

    static Result fill(String bootstrapServers, RebuildService rebuilds, long seed, long corpusClaims, long claims)
            throws InterruptedException {
        Properties p = EventProducer.bulkConfig(bootstrapServers);
        long started = System.nanoTime();
        long[] articles = {0};
        AtomicReference<Exception> failure = new AtomicReference<>();
        long generated;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            generated = new SyntheticNews(seed, corpusClaims).generate(claims, article -> {
                send(producer, Topics.ARTICLES, article.ingested(), Instant.EPOCH, failure);
                for (ClaimRecorded claim : article.claims()) {
                    send(producer, Topics.CLAIMS, claim, claim.recordedAt(), failure);
                }
                send(producer, Topics.CLAIMS, article.processed(), Instant.EPOCH, failure);
                if (++articles[0] % 20_000 == 0) {
                    System.out.printf("fill: %,d articles published%n", articles[0]);
                }
            });
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing the corpus failed", failure.get());
        }
        double publishSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("fill: published %,d articles and %,d claims in %.1f s; rebuilding the read model%n",
                articles[0], generated, publishSeconds);
        RebuildStatus status = rebuilds.start(null);
        while (!status.finished()) {
            Thread.sleep(5000);
            status = rebuilds.get(status.id());
            System.out.printf("fill: rebuild %s %,d / %,d records, %.0f/s%n", status.state(), status.applied(),
                    status.target(), status.ratePerSecond());
        }
        if (!RebuildStatus.DONE.equals(status.state())) {
            throw new IllegalStateException("the rebuild that fills the read model failed: " + status.error());
        }
        return new Result(generated, articles[0], publishSeconds, status);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, Event event, Instant time,
                             AtomicReference<Exception> failure) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.articleId(), EventCodec.toJson(event));
        CloudEvents.headers(event, "/claimtrail/benchmark", time).forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }
}
