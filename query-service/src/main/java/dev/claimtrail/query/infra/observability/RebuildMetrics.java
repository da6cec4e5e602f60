package dev.claimtrail.query.infra.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of read-model rebuilds, for whoever runs one to report and for Prometheus to show:
 * {@code claimtrail_rebuild_applied_events{rebuild}}, {@code claimtrail_rebuild_target_events{rebuild}}
 * and {@code claimtrail_rebuild_progress_ratio{rebuild}} (0..1) while a rebuild runs, and
 * {@code claimtrail_rebuilds_total{outcome}} once it ended. A rebuild's gauges disappear when it ends,
 * so a finished rebuild never looks stuck at its last value.
 */
@ApplicationScoped
public class RebuildMetrics {

    public static final String APPLIED = "claimtrail.rebuild.applied.events";
    public static final String TARGET = "claimtrail.rebuild.target.events";
    public static final String RATIO = "claimtrail.rebuild.progress.ratio";
    public static final String REBUILDS = "claimtrail.rebuilds";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    private final MeterRegistry registry;
    private final Map<String, Progress> running = new ConcurrentHashMap<>();

    public RebuildMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Reports how far a rebuild got; call as often as convenient (it only sets two numbers).
     *
     * @param applied events applied to the new read model so far
     * @param target  events the rebuild has to apply (the log's end when it started), 0 if not known yet
     */
    public void progress(String rebuildId, long applied, long target) {
        Progress progress = running.computeIfAbsent(rebuildId, this::register);
        progress.applied.set(applied);
        progress.target.set(target);
    }

    /** Ends a rebuild's gauges and counts it as {@link #SUCCEEDED} or {@link #FAILED}. */
    public void finished(String rebuildId, boolean succeeded) {
        Progress progress = running.remove(rebuildId);
        if (progress != null) {
            progress.meters.forEach(registry::remove);
        }
        Counter.builder(REBUILDS)
                .description("Read-model rebuilds that ended, by outcome")
                .tag("outcome", succeeded ? SUCCEEDED : FAILED)
                .register(registry)
                .increment();
    }

    private Progress register(String rebuildId) {
        AtomicLong applied = new AtomicLong();
        AtomicLong target = new AtomicLong();
        List<Meter> meters = List.of(
                Gauge.builder(APPLIED, applied, AtomicLong::doubleValue)
                        .description("Events a running rebuild has applied").tag("rebuild", rebuildId).register(registry),
                Gauge.builder(TARGET, target, AtomicLong::doubleValue)
                        .description("Events a running rebuild has to apply").tag("rebuild", rebuildId).register(registry),
                Gauge.builder(RATIO, () -> target.get() <= 0 ? 0.0 : Math.min(1.0, (double) applied.get() / target.get()))
                        .description("Share of its events a running rebuild has applied").tag("rebuild", rebuildId)
                        .register(registry));
        return new Progress(applied, target, meters);
    }

    private record Progress(AtomicLong applied, AtomicLong target, List<Meter> meters) {
    }
}
