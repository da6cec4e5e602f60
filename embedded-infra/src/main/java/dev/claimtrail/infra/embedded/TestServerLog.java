package dev.claimtrail.infra.embedded;

import java.util.logging.Logger;

/** One INFO line per test server, so a slow test run shows where its start-up time went. */
final class TestServerLog {

    private static final Logger LOG = Logger.getLogger(TestServerLog.class.getName());

    private TestServerLog() {
    }

    static void started(String what, String where, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        LOG.info(() -> what + " for tests started on " + where + " in " + millis + " ms");
    }
}
