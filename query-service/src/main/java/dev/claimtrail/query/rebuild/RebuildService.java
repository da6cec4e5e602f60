package dev.claimtrail.query.rebuild;

import dev.claimtrail.query.articles.ArticleProjection;
import dev.claimtrail.query.claims.ClaimProjection;
import dev.claimtrail.query.infra.ProblemException;
import dev.claimtrail.query.infra.ProjectionMode;
import dev.claimtrail.query.infra.ProjectionOffsetStore;
import dev.claimtrail.query.infra.observability.RebuildMetrics;
import dev.claimtrail.query.served.ViewsConfig;
import dev.claimtrail.query.stories.StoryProjection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Rebuilds the read models from the logs while the live ones keep serving, then swaps them in.
 *
 * <p>A fresh schema gets the live schema's migrations; both logs are read from their beginning with
 * consumers of the rebuild's own, and every record goes through the live projections' own
 * {@code apply}, many records per transaction, in transactions whose search_path names the new schema
 * and with live side effects off ({@link ProjectionMode#asRebuild}). The stored offsets are written
 * under the live consumer groups' keys, so after the swap the live consumers simply carry on from them.
 *
 * <p>The swap is one database transaction: it locks the live projection_offset table, which every live
 * projection transaction locks a row of first, so it waits for those in flight and holds back new ones;
 * applies what the logs gained since; carries the tables that are not derived from the logs over; and
 * renames the schemas. A live transaction held back resolves its tables again once the lock is granted
 * (PostgreSQL re-checks a name after locking; a schema rename invalidates every cached plan), finds the
 * new schema's offsets past its record and skips it as already applied — no pause, seek or restart of
 * the live consumers is needed, and none of them can apply a record twice or miss one.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    @Inject
    ArticleProjection articles;

    @Inject
    ClaimProjection claims;

    @Inject
    ProjectionOffsetStore offsets;

    @Inject
    ReadModelSchemas schemas;

    @Inject
    EntityManager entityManager;

    @Inject
    RebuildConfig config;

    @Inject
    RebuildMetrics metrics;

    @Inject
    ViewsConfig views;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.articles-in.topic")
    String articlesTopic;

    @ConfigProperty(name = "mp.messaging.incoming.claims-in.topic")
    String claimsTopic;

    private final Map<String, Rebuild> rebuilds = new LinkedHashMap<>();
    private Rebuild running;

    /**
     * Starts a rebuild from the beginning of the logs on a thread of its own.
     *
     * @param from where a partial rebuild would start; always refused, see the problem's detail
     * @throws ProblemException 400 for {@code from}, 409 while another rebuild runs
     */
    public synchronized RebuildStatus start(Instant from) {
        if (from != null) {
            throw new ProblemException(400, "/problems/partial-rebuild-unsupported", "Partial rebuild not supported",
                    "A rebuild from a point in time is not supported by the article and claim read models: their "
                            + "rows do not record the log position they came from, so the rows of the events after "
                            + from + " cannot be taken out and derived again, and replaying those events over a copy "
                            + "of the current tables would skip every one of them as already applied. "
                            + "Rebuild from the beginning of the logs (no 'from').");
        }
        if (running != null && !running.status().finished()) {
            throw new ProblemException(409, "/problems/rebuild-running", "A rebuild is running",
                    "Rebuild " + running.id + " is " + running.status().state() + "; one rebuild runs at a time.");
        }
        schemas.dropAbandonedRebuilds();
        Rebuild rebuild = new Rebuild(schemas.nextId());
        running = rebuild;
        rebuilds.put(rebuild.id, rebuild);
        Thread thread = new Thread(() -> run(rebuild), "query-rebuild-" + rebuild.id);
        thread.setDaemon(true);
        thread.start();
        return rebuild.status();
    }

    public synchronized List<RebuildStatus> list() {
        return rebuilds.values().stream().map(Rebuild::status).toList();
    }

    public synchronized RebuildStatus get(String id) {
        Rebuild rebuild = rebuilds.get(id);
        if (rebuild == null) {
            throw ProblemException.notFound("No rebuild " + id + " has run since this instance started.");
        }
        return rebuild.status();
    }

    private void run(Rebuild rebuild) {
        String schema = ReadModelSchemas.rebuildSchema(rebuild.number);
        String retired = ReadModelSchemas.retiredSchema(rebuild.number);
        String group = "query-service-rebuild-" + rebuild.id;
        try {
            schemas.create(schema);
            try (LogReader articleLog = new LogReader(bootstrapServers, articlesTopic, group, config.batchSize());
                 LogReader claimLog = new LogReader(bootstrapServers, claimsTopic, group, config.batchSize())) {
                rebuild.logs = List.of(articleLog, claimLog);
                publish(rebuild);
                // The articles and claims read models share no table, so one log after the other is as good
                // as any interleaving the live consumers happened to take.
                if (config.bulk()) {
                    buildInBulk(rebuild, schema, articleLog, claimLog);
                } else {
                    readToEnd(rebuild, schema, articleLog, articles::apply, articles.consumerGroup());
                    readToEnd(rebuild, schema, claimLog, claims::apply, claims.consumerGroup());
                }

                schemas.analyze(schema);

                rebuild.state = RebuildStatus.CATCHING_UP;
                // Each round reads what was published during the previous one; live traffic slower than a
                // rebuild shrinks the lag every round.
                for (int round = 0; round < 10; round++) {
                    articleLog.extendToEnd();
                    claimLog.extendToEnd();
                    if (articleLog.lag() + claimLog.lag() <= config.swapLag()) {
                        break;
                    }
                    readToEnd(rebuild, schema, articleLog, articles::apply, articles.consumerGroup());
                    readToEnd(rebuild, schema, claimLog, claims::apply, claims.consumerGroup());
                }

                rebuild.state = RebuildStatus.SWAPPING;
                publish(rebuild);
                QuarkusTransaction.requiringNew().timeout(config.transactionTimeoutSeconds()).run(() ->
                        ProjectionMode.asRebuild(() -> {
                            schemas.holdLiveProjections();
                            schemas.useInTransaction(schema);
                            articleLog.extendToEnd();
                            claimLog.extendToEnd();
                            drain(rebuild, articleLog, articles::apply, articles.consumerGroup());
                            drain(rebuild, claimLog, claims::apply, claims.consumerGroup());
                            for (String table : config.carriedTables()) {
                                if (schemas.carry(table, schema)) {
                                    LOG.infof("rebuild %s: carried %s over", rebuild.id, table);
                                }
                            }
                            schemas.swap(schema, retired);
                        }));
                rebuild.measure();
                rebuild.logs = List.of();
            }
            rebuild.finish(null);
            // Plans cached against the retired tables were invalidated by the rename itself; dropping is
            // only about space, and failing to drop does not undo the swap.
            try {
                schemas.dropRetiredExcept(config.keepRetired() ? retired : null);
            } catch (RuntimeException e) {
                LOG.warnf(e, "rebuild %s: could not drop retired schemas", rebuild.id);
            }
            LOG.infof("rebuild %s done: %d records in %.1f s, retired schema %s", rebuild.id, rebuild.applied(),
                    rebuild.seconds(), config.keepRetired() ? retired + " kept" : "dropped");
        } catch (RuntimeException | OutOfMemoryError e) {
            // A bulk rebuild holds what the views need of every claim (see BulkRebuild): a log too large for
            // the heap fails the rebuild, not the service, and the status says so.
            LOG.errorf(e, "rebuild %s failed", rebuild.id);
            rebuild.finish(e instanceof OutOfMemoryError
                    ? "out of memory: give query-service more heap, or set claimtrail.rebuild.bulk=false"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            try {
                schemas.drop(schema);
            } catch (RuntimeException dropFailure) {
                LOG.warnf(dropFailure, "rebuild %s: could not drop %s", rebuild.id, schema);
            }
        } finally {
            rebuild.logs = List.of();
            metrics.finished(rebuild.id, RebuildStatus.DONE.equals(rebuild.state));
        }
    }

    /**
     * Builds the new schema from the logs up to their current ends with {@link BulkRebuild}; what is
     * published meanwhile is then caught up record by record on top, like any live record.
     */
    private void buildInBulk(Rebuild rebuild, String schema, LogReader articleLog, LogReader claimLog) {
        BulkRebuild bulk = new BulkRebuild(StoryProjection.matcher(views), views.undatedWindowDays());
        long start = System.nanoTime();
        readToEndInBulk(rebuild, schema, articleLog, BulkRebuild::decodeArticles, bulk::applyArticles,
                articles.consumerGroup());
        runInSchema(schema, bulk::writeArticles);
        long articlesDone = System.nanoTime();
        readToEndInBulk(rebuild, schema, claimLog, bulk::decodeClaims, bulk::applyClaims, claims.consumerGroup());
        runInSchema(schema, bulk::writeServing);
        long claimsDone = System.nanoTime();
        List<BulkRebuild.StoryLink> links = bulk.links();
        List<BulkRebuild.Story> stories = bulk.stories(links);
        Map<String, String> storyOf = BulkRebuild.storyOf(stories);
        long matched = System.nanoTime();
        int next = 0;
        while (next >= 0) {
            int from = next;
            next = inSchema(schema, connection -> bulk.writeServed(connection, storyOf, from));
        }
        runInSchema(schema, connection -> BulkRebuild.writeStories(connection, links, stories));
        LOG.infof("rebuild %s in bulk: articles %.1f s, claims %.1f s, %d links and %d stories matched %.1f s, "
                        + "%d served claims written %.1f s", rebuild.id, (articlesDone - start) / 1e9,
                (claimsDone - articlesDone) / 1e9, links.size(), stories.size(), (matched - claimsDone) / 1e9,
                bulk.servedCount(), (System.nanoTime() - matched) / 1e9);
    }

    /**
     * Reads the log up to its current end into the bulk build, one transaction per batch with its offsets.
     * Each batch is decoded on a second thread while the one before is loaded: on two cores the JSON work
     * then overlaps PostgreSQL's.
     */
    private <D> void readToEndInBulk(Rebuild rebuild, String schema, LogReader log,
                                     Function<List<ConsumerRecord<String, String>>, D> decode, BulkStep<D> step,
                                     String group) {
        ExecutorService decoder = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "query-rebuild-" + rebuild.id + "-decode");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<D> pending = null;
            List<ConsumerRecord<String, String>> pendingRecords = null;
            while (true) {
                List<ConsumerRecord<String, String>> records = log.caughtUp() ? null : log.poll();
                Future<D> decoding = null;
                if (records != null && !records.isEmpty()) {
                    decoding = decoder.submit(() -> decode.apply(records));
                }
                if (pending != null) {
                    D decoded = await(pending);
                    List<ConsumerRecord<String, String>> applied = pendingRecords;
                    runInSchema(schema, connection -> {
                        step.apply(decoded, connection);
                        advanceOffsets(applied, group);
                    });
                    publish(rebuild);
                }
                pending = decoding;
                pendingRecords = records;
                if (records == null) {
                    break;
                }
            }
        } finally {
            decoder.shutdownNow();
        }
    }

    private static <D> D await(Future<D> decoding) {
        try {
            return decoding.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        }
    }

    /** Runs JDBC work in a transaction of its own on the new schema, with live side effects off. */
    private <T> T inSchema(String schema, SchemaWork<T> work) {
        return QuarkusTransaction.requiringNew().timeout(config.transactionTimeoutSeconds()).call(() ->
                ProjectionMode.asRebuild(() -> {
                    schemas.useInTransaction(schema);
                    return entityManager.unwrap(Session.class).doReturningWork(connection -> {
                        try {
                            return work.run(connection);
                        } catch (SQLException e) {
                            throw new IllegalStateException("bulk rebuild into " + schema + " failed: "
                                    + e.getMessage(), e);
                        }
                    });
                }));
    }

    private void runInSchema(String schema, SchemaAction action) {
        inSchema(schema, connection -> {
            action.run(connection);
            return null;
        });
    }

    @FunctionalInterface
    private interface SchemaWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface SchemaAction {
        void run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface BulkStep<D> {
        void apply(D decoded, Connection connection) throws SQLException;
    }

    /** Reads the log up to its current end, one transaction per batch. */
    private void readToEnd(Rebuild rebuild, String schema, LogReader log,
                           Consumer<ConsumerRecord<String, String>> projection, String group) {
        while (!log.caughtUp()) {
            List<ConsumerRecord<String, String>> records = log.poll();
            for (int from = 0; from < records.size(); from += config.batchSize()) {
                List<ConsumerRecord<String, String>> batch =
                        records.subList(from, Math.min(records.size(), from + config.batchSize()));
                QuarkusTransaction.requiringNew().timeout(config.transactionTimeoutSeconds()).run(() ->
                        ProjectionMode.asRebuild(() -> {
                            schemas.useInTransaction(schema);
                            apply(batch, projection, group);
                        }));
            }
            publish(rebuild);
        }
    }

    /** Reads the log up to its current end inside the caller's transaction. */
    private void drain(Rebuild rebuild, LogReader log, Consumer<ConsumerRecord<String, String>> projection,
                       String group) {
        while (!log.caughtUp()) {
            apply(log.poll(), projection, group);
            // Nothing read is needed again: keep the persistence context from growing over the whole log.
            entityManager.flush();
            entityManager.clear();
            publish(rebuild);
        }
    }

    /** Applies the records in order, then stores each partition's position once. */
    private void apply(List<ConsumerRecord<String, String>> records,
                       Consumer<ConsumerRecord<String, String>> projection, String group) {
        records.forEach(projection);
        advanceOffsets(records, group);
    }

    /** Stores each partition's position past the last of these records, once per partition. */
    private void advanceOffsets(List<ConsumerRecord<String, String>> records, String group) {
        Map<Integer, ConsumerRecord<String, String>> lastOfPartition = new LinkedHashMap<>();
        records.forEach(record -> lastOfPartition.put(record.partition(), record));
        lastOfPartition.values().forEach(last -> offsets.advance(group, last));
    }

    /** Measures on the rebuild's thread (the only one that may touch its consumers) and updates the metrics. */
    private void publish(Rebuild rebuild) {
        rebuild.measure();
        metrics.progress(rebuild.id, rebuild.applied, rebuild.target);
    }

    /** One rebuild's progress, written by its thread and read by requests. */
    private static final class Rebuild {
        final long number;
        final String id;
        final Instant startedAt = Instant.now();
        final long startedNanos = System.nanoTime();
        volatile String state = RebuildStatus.RUNNING;
        volatile List<LogReader> logs = List.of();
        volatile long applied;
        volatile long target;
        volatile Instant finishedAt;
        volatile String error;
        volatile long finishedNanos;

        Rebuild(long number) {
            this.number = number;
            this.id = Long.toString(number);
        }

        /** Only the rebuild's thread touches the consumers; requests read the figures it copied. */
        void measure() {
            long a = 0;
            long t = 0;
            for (LogReader log : logs) {
                a += log.read();
                t += log.target();
            }
            applied = a;
            target = t;
        }

        long applied() {
            return applied;
        }

        double seconds() {
            long until = finishedAt == null ? System.nanoTime() : finishedNanos;
            return (until - startedNanos) / 1e9;
        }

        void finish(String failure) {
            finishedNanos = System.nanoTime();
            error = failure;
            if (failure == null) {
                target = applied;
            }
            state = failure == null ? RebuildStatus.DONE : RebuildStatus.FAILED;
            finishedAt = Instant.now();
        }

        RebuildStatus status() {
            double seconds = seconds();
            long a = applied;
            long t = target;
            double rate = seconds > 0 ? a / seconds : 0;
            Long eta = finishedAt != null || rate == 0 ? null : (long) Math.ceil(Math.max(0, t - a) / rate);
            return new RebuildStatus(id, state, a, t, Math.round(rate * 10) / 10.0, eta, startedAt, finishedAt,
                    error);
        }
    }
}
