package dev.claimtrail.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells "the database is unreachable" (try again later: a 503 for a request, a retry in place for a
 * projection) from every other failure (a bug: a 500, a stopped channel). Shared by the services that
 * have a database; plain JDK, so it lives beside the other shared rules.
 * The signal arrives wrapped differently depending on where it surfaced (Hibernate, JTA, Agroal's pool;
 * a failed commit carries it as a suppressed XAException), so causes and suppressed exceptions are
 * searched.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Whether the failure, anywhere in its causes or suppressed exceptions, says the database is unreachable. */
    public static boolean unreachable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (signalsUnreachable(next)) {
                return true;
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            Collections.addAll(pending, next.getSuppressed());
        }
        return false;
    }

    private static boolean signalsUnreachable(Throwable e) {
        if (e instanceof SQLTransientConnectionException
                || e.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
            return true;
        }
        if (e instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08: connection exception (refused, lost); 57P01-03: the server is shutting down or starting.
            if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                return true;
            }
        }
        // Agroal reports an exhausted wait for a connection (the server is down) without a SQLState.
        return e instanceof SQLException && e.getMessage() != null
                && e.getMessage().toLowerCase().contains("acquisition timeout");
    }
}
