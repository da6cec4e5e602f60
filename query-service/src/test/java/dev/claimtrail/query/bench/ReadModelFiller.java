package dev.claimtrail.query.bench;

import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.events.Topics;
import dev.claimtrail.query.articles.ArticleProjection;
import dev.claimtrail.query.claims.ClaimProjection;
import dev.claimtrail.query.infra.ProjectionMode;
import dev.claimtrail.query.infra.ProjectionOffsetStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fills the read model the way production does: every event of {@link SyntheticNews} goes as a Kafka
 * record (JSON body, CloudEvents headers, key = article id) through the projections' own entry points
 * ({@link ArticleProjection#onRecord}, {@link ClaimProjection#onRecord}), so every derived table —
 * served claims, terms, figures, story links, stories — holds exactly what the projections compute.
 *
 * <p>Only the transport is replaced. Records are built here instead of polled, spread over
 * {@code partitions} partitions by Kafka's own key partitioner (murmur2 of the article id), and each
 * partition is applied by a thread of its own, one article (its ingestion, claims and ArticleProcessed)
 * per transaction: what several consumer instances do with a partitioned topic, stories included (their
 * maintenance takes the projection's own lock). Live side effects are off, as in a rebuild
 * ({@link ProjectionMode#asRebuild}): a fill replays history, nobody is watching it live.
 *
 * <p>Offsets are the events' positions in their partitions and the projections store them with the rows
 * as always, so an interrupted fill resumes where the database says each partition stopped.
 */
@ApplicationScoped
public class ReadModelFiller {

    @Inject
    ArticleProjection articleProjection;

    @Inject
    ClaimProjection claimProjection;

    @Inject
    ProjectionOffsetStore offsets;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "mp.messaging.incoming.articles-in.group.id")
    String articlesGroup;

    @ConfigProperty(name = "mp.messaging.incoming.claims-in.group.id")
    String claimsGroup;

    /** What a fill did; {@code complete} is false when the time budget ended it early. */
    public record Result(long claimsGenerated, long claimRecordsApplied, long articleRecordsApplied, double seconds,
                         boolean complete) {
        public double claimsPerSecond() {
            return seconds == 0 ? 0 : claimRecordsApplied / seconds;
        }
    }

    /** One article's records in one partition, those not applied yet. */
    private record Work(List<ConsumerRecord<String, String>> articleRecords,
                        List<ConsumerRecord<String, String>> claimRecords) {
    }

    private static final Work END = new Work(List.of(), List.of());

    /**
     * Generates the first {@code claims} claims of the corpus of about {@code corpusClaims} claims with
     * {@code seed} (its daily volume is that of the whole corpus) and applies whatever the database has
     * not applied yet, printing progress every {@code progressEvery} claim records. Stops handing out
     * work once {@code budgetNanos} are spent: a later fill carries on from there.
     */
    public Result fill(long seed, long corpusClaims, long claims, int partitions, long progressEvery,
                       long budgetNanos) throws InterruptedException {
        long[] articlesDone = new long[partitions];
        long[] claimsDone = new long[partitions];
        Set<TopicPartition> all = new HashSet<>();
        for (int p = 0; p < partitions; p++) {
            all.add(new TopicPartition(Topics.ARTICLES, p));
            all.add(new TopicPartition(Topics.CLAIMS, p));
        }
        offsets.positions(articlesGroup, all).forEach((tp, next) -> articlesDone[tp.partition()] = next);
        offsets.positions(claimsGroup, all).forEach((tp, next) -> claimsDone[tp.partition()] = next);

        AtomicLong claimRecords = new AtomicLong();
        AtomicLong articleRecords = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<BlockingQueue<Work>> queues = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            BlockingQueue<Work> queue = new ArrayBlockingQueue<>(64);
            queues.add(queue);
            Thread worker = new Thread(() -> ProjectionMode.asRebuild(() -> {
                try {
                    for (Work work = queue.take(); work != END; work = queue.take()) {
                        apply(work);
                        articleRecords.addAndGet(work.articleRecords().size());
                        claimRecords.addAndGet(work.claimRecords().size());
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    queue.clear();
                }
            }), "benchmark-fill-" + p);
            worker.start();
            workers.add(worker);
        }

        long[] nextArticleOffset = new long[partitions];
        long[] nextClaimOffset = new long[partitions];
        long started = System.nanoTime();
        long[] lastReport = {0};
        boolean complete = true;
        long generated;
        try {
            generated = new SyntheticNews(seed, corpusClaims).generate(claims, article -> {
                int p = Utils.toPositive(Utils.murmur2(article.ingested().articleId().getBytes(StandardCharsets.UTF_8)))
                        % partitions;
                List<ConsumerRecord<String, String>> articleBatch = new ArrayList<>(1);
                List<ConsumerRecord<String, String>> claimBatch = new ArrayList<>(article.claims().size() + 1);
                long offset = nextArticleOffset[p]++;
                if (offset >= articlesDone[p]) {
                    articleBatch.add(record(Topics.ARTICLES, p, offset, article.ingested()));
                }
                for (ClaimRecorded claim : article.claims()) {
                    offset = nextClaimOffset[p]++;
                    if (offset >= claimsDone[p]) {
                        claimBatch.add(record(Topics.CLAIMS, p, offset, claim));
                    }
                }
                offset = nextClaimOffset[p]++;
                if (offset >= claimsDone[p]) {
                    claimBatch.add(record(Topics.CLAIMS, p, offset, article.processed()));
                }
                if (failure.get() != null) {
                    throw new IllegalStateException("fill failed", failure.get());
                }
                if (System.nanoTime() - started > budgetNanos) {
                    throw new OutOfTime();
                }
                if (!articleBatch.isEmpty() || !claimBatch.isEmpty()) {
                    put(queues.get(p), new Work(articleBatch, claimBatch));
                }
                long applied = claimRecords.get();
                if (applied - lastReport[0] >= progressEvery) {
                    lastReport[0] = applied;
                    double s = (System.nanoTime() - started) / 1e9;
                    System.out.printf("fill: %,d claim-topic records applied in %.0f s (%.0f/s)%n", applied, s,
                            applied / s);
                }
            });
        } catch (OutOfTime e) {
            generated = -1;
            complete = false;
            System.out.println("fill: time budget spent; the next fill resumes where this one stopped");
        } finally {
            for (BlockingQueue<Work> queue : queues) {
                queue.put(END);
            }
            for (Thread worker : workers) {
                worker.join();
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("fill failed", failure.get());
        }
        return new Result(generated, claimRecords.get(), articleRecords.get(), (System.nanoTime() - started) / 1e9,
                complete);
    }

    private void apply(Work work) {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            for (ConsumerRecord<String, String> r : work.articleRecords()) {
                articleProjection.onRecord(r);
            }
            for (ConsumerRecord<String, String> r : work.claimRecords()) {
                claimProjection.onRecord(r);
            }
            // leave nothing in the persistence context for the next transaction on this thread
            entityManager.flush();
            entityManager.clear();
        });
    }

    private static void put(BlockingQueue<Work> queue, Work work) {
        try {
            queue.put(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends generation early when the time budget is spent. */
    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super(null, null, false, false);
        }
    }

    static ConsumerRecord<String, String> record(String topic, int partition, long offset, Event event) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, partition, offset, event.articleId(),
                EventCodec.toJson(event));
        Instant time = event instanceof ClaimRecorded recorded ? recorded.recordedAt() : Instant.EPOCH;
        for (Map.Entry<String, String> h : CloudEvents.headers(event, "/claimtrail/benchmark", time).entrySet()) {
            record.headers().add(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
