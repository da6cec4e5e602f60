package dev.claimtrail.query.infra;

import java.util.function.Supplier;

/**
 * Whether the current thread applies events live or as part of a rebuild. The read-model rows are the
 * same either way; what differs are side effects meant for people watching the live system (server-sent
 * events, notifications): a rebuild replays the whole history and must not announce it again as new.
 */
public final class ProjectionMode {

    private static final ThreadLocal<Boolean> REBUILDING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private ProjectionMode() {
    }

    /** True unless the current thread is inside {@link #asRebuild}: live side effects may fire. */
    public static boolean live() {
        return !REBUILDING.get();
    }

    /** Runs {@code work} with live side effects suppressed on this thread. */
    public static <T> T asRebuild(Supplier<T> work) {
        Boolean previous = REBUILDING.get();
        REBUILDING.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            REBUILDING.set(previous);
        }
    }

    /** Runs {@code work} with live side effects suppressed on this thread. */
    public static void asRebuild(Runnable work) {
        asRebuild(() -> {
            work.run();
            return null;
        });
    }
}
