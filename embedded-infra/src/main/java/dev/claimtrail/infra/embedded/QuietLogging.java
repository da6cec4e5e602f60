package dev.claimtrail.infra.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lowers the chatty categories of the embedded servers to WARN, unless someone configured them already
 * (a Quarkus {@code quarkus.log.category} entry is applied later and still wins). Works on the JUL tree,
 * which is the JBoss LogManager's inside Quarkus; the standalone mains configure slf4j-simple instead.
 */
final class QuietLogging {

    /** Strong references: JUL forgets the level of a logger that is garbage collected. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private QuietLogging() {
    }

    static synchronized void warnAndAbove(List<String> categories) {
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
                QUIETED.add(logger);
            }
        }
    }
}
