package dev.claimtrail.query.infra;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the read model stores them: PostgreSQL keeps microseconds, and events carry nanoseconds.
 * Left to the database, a nanosecond instant is rounded once by the JDBC driver's formatting (the live
 * projections) and once by the server's parsing of COPY text (a bulk rebuild), which disagree at the half;
 * truncated here, in the derivations both writers share, every path stores the same value.
 */
public final class StoredInstants {

    private StoredInstants() {
    }

    public static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
