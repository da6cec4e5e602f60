package dev.claimtrail.query.rebuild;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A checksum of every table of a read-model schema: the md5 of all its rows as text, in primary-key order,
 * with the row count. Left out are only what legitimately differs between two builds from the same logs:
 * values drawn from identity sequences in the order the rows happened to be inserted ({@code article.seq},
 * {@code claim.seq} and its copies {@code served_claim.claim_seq} and {@code served_figure.claim_seq}; the live
 * consumers interleave partitions differently from a rebuild), the wall-clock {@code projection_offset.updated_at}, and Flyway's own
 * history table (when and how fast the migrations ran).
 */
final class ReadModelChecksums {

    static final Set<String> LEFT_OUT = Set.of("article.seq", "claim.seq", "served_claim.claim_seq",
            "served_figure.claim_seq", "projection_offset.updated_at");
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    /** A table's row count and checksum. */
    record Sum(long rows, String md5) {
    }

    private ReadModelChecksums() {
    }

    /** Table name → checksum, for every table of the schema. */
    static Map<String, Sum> of(DataSource dataSource, String schema) {
        Map<String, Sum> sums = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : strings(c, """
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name""", schema)) {
                if (table.equals(FLYWAY_HISTORY)) {
                    continue;
                }
                String qualified = schema + "." + table;
                List<String> columns = new ArrayList<>();
                for (String column : strings(c, """
                        SELECT column_name FROM information_schema.columns
                        WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position""", schema, table)) {
                    if (!LEFT_OUT.contains(table + "." + column)) {
                        columns.add('"' + column + '"');
                    }
                }
                List<String> key = strings(c, """
                        SELECT a.attname FROM pg_index i
                        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                        WHERE i.indrelid = CAST(? AS regclass) AND i.indisprimary
                        ORDER BY array_position(CAST(i.indkey AS int2[]), a.attnum)""", qualified);
                if (key.isEmpty()) {
                    throw new AssertionError(qualified + " has no primary key to order its rows by");
                }
                String orderBy = String.join(", ", key.stream().map(k -> '"' + k + '"').toList());
                String sql = "SELECT count(*), md5(coalesce(string_agg(ROW(" + String.join(", ", columns)
                        + ")::text, E'\\n' ORDER BY " + orderBy + "), '')) FROM " + qualified;
                try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                    rs.next();
                    sums.put(table, new Sum(rs.getLong(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot checksum " + schema, e);
        }
        return sums;
    }

    private static List<String> strings(Connection c, String sql, String... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
