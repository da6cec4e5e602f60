package dev.claimtrail.query.support;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;

/** How long tests wait for the projections to catch up with what they published. */
public final class Await {

    private Await() {
    }

    public static ConditionFactory projection() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions();
    }
}
