package dev.claimtrail.query.live;

import dev.claimtrail.query.infra.QueryConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves {@code live_event} to the connected SSE clients. There is no in-memory queue of events: each
 * client keeps a position (the last seq it has been shown or scanned past) and, when woken, reads the
 * table after it. Replay after a reconnect and live delivery are therefore one code path, and a client
 * can neither miss an event nor see one twice, because seq values become visible in order (see
 * {@link LiveEvents}). Clients are woken right after this instance commits events, by a poll of the
 * newest seq for what other instances commit, and by the heartbeat.
 */
@ApplicationScoped
public class LiveStream {

    private static final Logger LOG = Logger.getLogger(LiveStream.class);

    /** Where {@link LiveResource} serves the stream. */
    static final String PATH = "/api/stream";

    /** What a client asked to see; null fields do not filter. */
    public record Filter(String kind, String subject) {
    }

    /** One stored event. */
    record Row(long seq, String kind, String payload) {
    }

    @Inject
    LiveConfig config;

    @Inject
    QueryConfig queryConfig;

    @Inject
    AgroalDataSource dataSource;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timers;
    private ExecutorService senders;
    private volatile long lastPolledHead = -1;

    void start(@Observes StartupEvent event) {
        timers = Executors.newSingleThreadScheduledExecutor(threads("live-timer"));
        // One sender per client being served at the moment; a slow client holds only its own.
        senders = Executors.newCachedThreadPool(threads("live-sender"));
        long poll = config.pollInterval().toMillis();
        timers.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        long beat = config.heartbeat().toMillis();
        timers.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        long purge = config.purgeInterval().toMillis();
        timers.scheduleWithFixedDelay(() -> {
            try {
                purge(config.retention().toSeconds());
            } catch (RuntimeException e) {
                LOG.warn("purging old live events failed; will retry", e);
            }
        }, purge, purge, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        subscribers.forEach(Subscriber::close);
        if (timers != null) {
            timers.shutdownNow();
            senders.shutdownNow();
        }
    }

    /** Nothing may cache the stream, and a proxy (nginx) must pass events on as they come, not buffer them. */
    void streamHeaders(@Observes Filters filters) {
        filters.register(rc -> {
            if (PATH.equals(rc.normalizedPath())) {
                rc.response().putHeader("Cache-Control", "no-cache").putHeader("X-Accel-Buffering", "no");
            }
            rc.next();
        }, 900);
    }

    /** This instance committed events: wake everyone at once rather than at the next poll. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) LiveEvents.Written written) {
        subscribers.forEach(Subscriber::wake);
    }

    /**
     * Starts serving a client: first what it missed after {@code since} (null: only what comes from
     * now on), then live. An id the table cannot resume from (purged, or from another database) gets a
     * {@code reset} event, and the client continues from now.
     */
    public void subscribe(SseEventSink sink, Sse sse, Long since, Filter filter) {
        Subscriber subscriber = new Subscriber(sink, sse, since, filter);
        subscribers.add(subscriber);
        subscriber.wake();
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private void poll() {
        try {
            long head = head();
            if (head != lastPolledHead) {
                lastPolledHead = head;
                subscribers.forEach(Subscriber::wake);
            }
        } catch (RuntimeException e) {
            LOG.debug("polling live events failed", e);
        }
    }

    private void heartbeat() {
        for (Subscriber s : subscribers) {
            s.heartbeatDue.set(true);
            s.wake();
        }
    }

    /**
     * Deletes events older than the retention, never the newest one (whose seq shows that ids up to it
     * were issued by this database), and records how far it deleted.
     *
     * @return how many events were deleted
     */
    int purge(long retentionSeconds) {
        String sql = """
                WITH gone AS (
                    DELETE FROM live_event
                    WHERE created_at < now() - make_interval(secs => ?)
                      AND seq < (SELECT max(seq) FROM live_event)
                    RETURNING seq),
                horizon AS (
                    UPDATE live_event_horizon SET purged_through = GREATEST(purged_through, (SELECT max(seq) FROM gone))
                    WHERE EXISTS (SELECT 1 FROM gone))
                SELECT count(*) FROM gone""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, retentionSeconds);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge live events", e);
        }
    }

    /** The newest committed seq, 0 when there has been none. */
    long head() {
        return single("SELECT COALESCE(max(seq), 0) FROM live_event");
    }

    private long purgedThrough() {
        return single("SELECT purged_through FROM live_event_horizon");
    }

    private long single(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read live events", e);
        }
    }

    /** Up to {@code limit} events in (after, upTo] that pass the filter, in seq order. */
    List<Row> read(long after, long upTo, Filter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT seq, kind, payload::text FROM live_event WHERE seq > ? AND seq <= ?");
        List<Object> params = new ArrayList<>(List.of(after, upTo));
        if (filter.kind() != null) {
            sql.append(" AND kind = ?");
            params.add(filter.kind());
        }
        if (filter.subject() != null) {
            sql.append(" AND (subjects IS NULL OR ? = ANY (subjects))");
            params.add(filter.subject());
        }
        sql.append(" ORDER BY seq LIMIT ?");
        params.add(limit);
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read live events", e);
        }
        return rows;
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One connected client. Its sends run one at a time, so events go out in order. */
    private final class Subscriber {
        private final SseEventSink sink;
        private final Sse sse;
        private final Long since;
        private final Filter filter;
        private final AtomicBoolean running = new AtomicBoolean();
        private final AtomicBoolean dirty = new AtomicBoolean();
        final AtomicBoolean heartbeatDue = new AtomicBoolean();
        /** Every event up to here has been sent or does not pass the filter; -1 until the first drain. */
        private long position = -1;

        Subscriber(SseEventSink sink, Sse sse, Long since, Filter filter) {
            this.sink = sink;
            this.sse = sse;
            this.since = since;
            this.filter = filter;
        }

        void wake() {
            dirty.set(true);
            if (running.compareAndSet(false, true)) {
                try {
                    senders.execute(this::drain);
                } catch (RuntimeException e) { // shutting down
                    running.set(false);
                }
            }
        }

        private void drain() {
            try {
                while (dirty.getAndSet(false)) {
                    if (!sendPending()) {
                        close();
                        return;
                    }
                }
            } catch (RuntimeException e) {
                LOG.debugf(e, "live stream client dropped");
                close();
                return;
            } finally {
                running.set(false);
            }
            if (dirty.get()) {
                wake(); // woken between the last check and clearing running
            }
        }

        /** False when the client has gone. */
        private boolean sendPending() {
            if (sink.isClosed()) {
                return false;
            }
            boolean sent = false;
            long head = head();
            if (position < 0) {
                position = start(head);
                // An event right away commits the response, so the client knows it is connected.
                sent = send(sse.newEventBuilder().comment("claimtrail live events from " + position).build());
            }
            int chunk = queryConfig.maxPageSize();
            while (position < head) {
                List<Row> rows = read(position, head, filter, chunk);
                for (Row row : rows) {
                    if (!send(sse.newEventBuilder().id(Long.toString(row.seq())).name(row.kind())
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(row.payload()).build())) {
                        return false;
                    }
                    position = row.seq();
                    sent = true;
                }
                if (rows.size() < chunk) {
                    position = head;
                }
            }
            if (heartbeatDue.getAndSet(false) && !sent) {
                return send(sse.newEventBuilder().comment("keep-alive").build());
            }
            return true;
        }

        private long start(long head) {
            if (since == null) {
                return head;
            }
            String reason = null;
            if (since > head) {
                reason = "unknown";
            } else if (since < purgedThrough()) {
                reason = "expired";
            }
            if (reason == null) {
                return since;
            }
            String detail = "expired".equals(reason)
                    ? "events after " + since + " are no longer retained; reload, then follow from here"
                    : "event id " + since + " was not issued by this stream; reload, then follow from here";
            send(sse.newEventBuilder().id(Long.toString(head)).name("reset")
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data("{\"reason\":\"" + reason + "\",\"detail\":\"" + detail + "\",\"resumeAfter\":" + head + "}")
                    .build());
            return head;
        }

        private boolean send(OutboundSseEvent event) {
            try {
                sink.send(event).toCompletableFuture().get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                return false;
            }
        }

        void close() {
            subscribers.remove(this);
            try {
                sink.close();
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }
}
