package dev.claimtrail.query.infra;

import dev.claimtrail.db.DatabaseFailures;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Lets a projection wait out a database outage in place. A record is applied in its own transaction
 * together with its stored offset, so retrying the whole step after the database is back can neither
 * lose nor double it. Only an unreachable database is retried: any other failure is a bug or a poison
 * the projection did not recognise, and stops the channel as before (liveness DOWN, a restart resumes).
 * While it waits, readiness reports the database DOWN, and the connector pauses the consumer once its
 * buffer is full, so nothing is read past the record being retried.
 */
public final class DatabaseOutages {

    private static final Logger LOG = Logger.getLogger(DatabaseOutages.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private DatabaseOutages() {
    }

    public static void retryWhileUnreachable(String what, Runnable step) {
        Duration wait = FIRST_WAIT;
        long outageStarted = 0;
        while (true) {
            try {
                step.run();
                if (outageStarted != 0) {
                    LOG.infof("database reachable again after %d s; %s applied",
                            (System.nanoTime() - outageStarted) / 1_000_000_000L, what);
                }
                return;
            } catch (RuntimeException e) {
                if (!DatabaseFailures.unreachable(e)) {
                    throw e;
                }
                if (outageStarted == 0) {
                    outageStarted = System.nanoTime();
                }
                LOG.warnf("database unreachable while applying %s; retrying in %d ms (%s)", what, wait.toMillis(),
                        e.getMessage());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }
}
