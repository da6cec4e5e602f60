package dev.claimtrail.query.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Reads of the read model's rows that tests assert on, straight from the database. */
public final class ReadModelRows {

    private ReadModelRows() {
    }

    /** The single number a query with one text parameter returns (a count). */
    public static long count(DataSource dataSource, String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The position a projection stored for a partition; -1 when it stored none. */
    public static long storedOffset(DataSource dataSource, String group, String topic, int partition) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT next_offset FROM projection_offset WHERE consumer_group = ? AND topic = ? AND partition = ?")) {
            s.setString(1, group);
            s.setString(2, topic);
            s.setInt(3, partition);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
