package dev.claimtrail.query.rebuild;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Rows of one table collected in COPY's text format and loaded with one {@code COPY … FROM STDIN}: the
 * bulk rebuild writes every table this way, because one statement per row is what kept the per-record
 * rebuild at a twentieth of PostgreSQL's bulk-load rate.
 */
final class CopyRows {

    private final String target;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;

    /** @param target the table and its columns, as COPY names them: {@code "claim_subject (claim_id, …)"} */
    CopyRows(String target) {
        this.target = target;
    }

    /** Adds one row; null is SQL NULL, dates and instants are written in ISO-8601, anything else as text. */
    CopyRows row(Object... values) {
        fields(text, values);
        text.append('\n');
        rows++;
        return this;
    }

    /** Adds rows rendered before by {@link #fields} (each ended by a line feed). */
    CopyRows rendered(CharSequence lines, int count) {
        text.append(lines);
        rows += count;
        return this;
    }

    /** Renders values as the fields of a row, without the line end: rows can be rendered now, loaded later. */
    static StringBuilder fields(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            append(out, values[i]);
        }
        return out;
    }

    int rows() {
        return rows;
    }

    /** Characters held: callers flush on it to bound memory. */
    int size() {
        return text.length();
    }

    /** Loads the rows collected on the connection (in its transaction) and starts empty again. */
    long copyTo(Connection connection) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        try {
            long loaded = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + target + " FROM STDIN", new StringReader(text.toString()));
            text.setLength(0);
            rows = 0;
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String s = value instanceof Instant || value instanceof LocalDate ? value.toString() : String.valueOf(value);
        // Text format: backslash, and the delimiter and line ends inside a value, are escaped.
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
