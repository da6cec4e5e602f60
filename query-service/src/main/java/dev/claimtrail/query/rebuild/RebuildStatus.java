package dev.claimtrail.query.rebuild;

import java.time.Instant;

/**
 * What an operator (and the CLI) sees of a rebuild. {@code applied} and {@code target} count log records
 * of both topics; the target grows while the rebuild catches up with records published meanwhile.
 *
 * @param state         running, catching-up, swapping, done or failed
 * @param ratePerSecond records applied per second since the start
 * @param etaSeconds    seconds left at that rate; null once finished or before the first batch
 */
public record RebuildStatus(String id, String state, long applied, long target, double ratePerSecond,
                            Long etaSeconds, Instant startedAt, Instant finishedAt, String error) {

    public static final String RUNNING = "running";
    public static final String CATCHING_UP = "catching-up";
    public static final String SWAPPING = "swapping";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public boolean finished() {
        return DONE.equals(state) || FAILED.equals(state);
    }
}
