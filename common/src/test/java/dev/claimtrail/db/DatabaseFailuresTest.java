package dev.claimtrail.db;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    @Test
    void aRefusedOrLostConnectionAnywhereInTheChainIsUnreachable() {
        assertTrue(DatabaseFailures.unreachable(new RuntimeException("tx",
                new IllegalStateException("jpa", new SQLException("Connection refused", "08001")))));
        assertTrue(DatabaseFailures.unreachable(new SQLTransientConnectionException("gone")));
        assertTrue(DatabaseFailures.unreachable(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void aCommitFailedBecauseTheServerShutDownIsUnreachable() {
        // As JTA reports it: a RollbackException with the driver's error suppressed inside an XAException.
        Exception rollback = new IllegalStateException("Could not commit transaction");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);
        assertTrue(DatabaseFailures.unreachable(new RuntimeException("Error invoking subclass method", rollback)));
    }

    @Test
    void otherDatabaseErrorsAndBugsAreNot() {
        assertFalse(DatabaseFailures.unreachable(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseFailures.unreachable(new NullPointerException()));
    }
}
