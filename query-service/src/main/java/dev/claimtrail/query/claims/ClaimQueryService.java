package dev.claimtrail.query.claims;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.EventCodec;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads claims by keyset on {@code claim.seq}. Plain JDBC on purpose: the query is assembled from
 * optional filters with full-text search, and the ndjson stream calls it from the response writer,
 * outside any request-scoped persistence context.
 */
@ApplicationScoped
public class ClaimQueryService {

    /** A claim with its position in the keyset. */
    /** A claim and its place in the list's order. */
    public record Row(long seq, LocalDate dateTo, ClaimView claim) {
        public After position() {
            return new After(dateTo, seq);
        }
    }

    /**
     * Where a page starts: after this claim. In recording order only {@code seq} counts; in date order
     * ({@link ClaimFilter#chronological}) the claim's last day then {@code seq}, and a null day is the start.
     */
    public record After(LocalDate dateTo, long seq) {
        public static final After START = new After(null, 0);
    }

    @Inject
    AgroalDataSource dataSource;

    /** Up to {@code limit} claims after {@code after}, in the filter's order (recording or date order). */
    public List<Row> page(ClaimFilter filter, After after, int limit) {
        List<Row> rows = new ArrayList<>(Math.min(limit, 1024));
        try (Connection connection = dataSource.getConnection()) {
            boolean narrowing = filter.source() != null || filter.subject() != null || filter.text() != null;
            boolean fenced = narrowing && fewMatches(connection, filter, after);
            List<Object> params = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql(filter, after, limit, params, fenced))) {
                bind(statement, params);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Date dateTo = rs.getDate(5);
                        rows.add(new Row(rs.getLong(1), dateTo == null ? null : dateTo.toLocalDate(),
                                ClaimView.of(readClaim(rs.getString(2)), rs.getString(3), rs.getString(4))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claim query failed", e);
        }
        return rows;
    }

    /**
     * Hands every matching claim after {@code afterSeq} to {@code sink}, reading {@code chunkSize} rows at a time so that memory
     * stays bounded whatever the result size. Each chunk is its own short query: no connection or
     * snapshot is held while the client reads slowly.
     */
    public void forEach(ClaimFilter filter, After start, int chunkSize, Consumer<ClaimView> sink) {
        After after = start;
        while (true) {
            List<Row> chunk = page(filter, after, chunkSize);
            for (Row row : chunk) {
                sink.accept(row.claim());
            }
            if (chunk.size() < chunkSize) {
                return;
            }
            after = chunk.get(chunk.size() - 1).position();
        }
    }

    /** The longest period a claim can be dated in (a year, leap or not), in days beyond its first. */
    static final int MAX_PERIOD_DAYS = 366;

    /**
     * Filters that match few claims need a plan the database does not choose by itself. It assumes the
     * matches of a filter lie evenly along the list's order and walks that order's index until a page is
     * full; a filter matching a few hundred claims in a million then reads most of the table (200-900 ms
     * at a million claims). So a list filtered by source, subject or words first counts its matches up to
     * {@value #FEW}, in a query without order whose plan the database does choose well (an index for few,
     * a scan that stops early for many); when there are no more than that, the page is cut from all of them
     * in a query that cannot walk the order ({@link #sql} fenced).
     */
    static final int FEW = 2_000;

    private boolean fewMatches(Connection connection, ClaimFilter filter, After after) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT count(*) FROM (SELECT 1 " + fromWhere(filter, after, params) + "LIMIT ?) m";
        params.add(FEW + 1);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) <= FEW;
            }
        }
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }

    static String sql(ClaimFilter filter, After after, int limit, List<Object> params) {
        return sql(filter, after, limit, params, false);
    }

    /**
     * The page query. Fenced, the page's claims are chosen by their numbers alone in a materialised step
     * whose order is an expression (so no index can supply it: every match is read and sorted, which is
     * what is wanted for few), and only the page's rows are then read whole.
     */
    static String sql(ClaimFilter filter, After after, int limit, List<Object> params, boolean fenced) {
        String order = filter.chronological() ? "c.claim_date_to, c.seq" : "c.seq";
        String columns = "c.seq, c.claim::text, a.title, sc.story_id, c.claim_date_to\n";
        String joins = """
                LEFT JOIN article a ON a.id = c.article_id
                LEFT JOIN served_claim sc ON sc.claim_id = c.id
                """;
        if (!fenced) {
            String where = fromWhere(filter, after, params);
            params.add(limit);
            return "SELECT " + columns + where.replaceFirst("FROM claim c\n", "FROM claim c\n" + joins)
                    + "ORDER BY " + order + "\nLIMIT ?";
        }
        String inner = "SELECT c.seq " + fromWhere(filter, after, params) + "ORDER BY "
                + (filter.chronological() ? "c.claim_date_to + 0, c.seq + 0" : "c.seq + 0") + "\nLIMIT ?";
        params.add(limit);
        return "WITH page AS MATERIALIZED (" + inner + ")\nSELECT " + columns + "FROM page p\n"
                + "JOIN claim c ON c.seq = p.seq\n" + joins + "ORDER BY " + order;
    }

    /** FROM and WHERE of every claims query: the claims the filter and the position select. */
    private static String fromWhere(ClaimFilter filter, After after, List<Object> params) {
        StringBuilder sql = new StringBuilder("FROM claim c\n");
        if (!filter.history() && filter.version() != null) {
            // A chosen version: its claims of the revision each article serves, whichever version is served.
            sql.append("""
                    JOIN article_serving s ON s.article_id = c.article_id
                        AND s.revision = c.article_revision
                    """);
        } else if (!filter.history()) {
            sql.append("""
                    JOIN article_serving s ON s.article_id = c.article_id
                        AND s.revision = c.article_revision
                        AND s.extractor_name = c.extractor_name
                        AND s.extractor_version = c.extractor_version
                    """);
        }
        if (!filter.chronological()) {
            sql.append("WHERE c.seq > ?\n");
            params.add(after.seq());
        } else if (after.dateTo() != null) {
            sql.append("WHERE (c.claim_date_to, c.seq) > (?, ?)\n");
            params.add(Date.valueOf(after.dateTo()));
            params.add(after.seq());
        } else {
            sql.append("WHERE true\n");
        }
        if (filter.articleId() != null) {
            sql.append("AND c.article_id = ?\n");
            params.add(filter.articleId());
        }
        if (filter.version() != null) {
            sql.append("AND c.extractor_version = ?\n");
            params.add(filter.version());
        }
        if (filter.externalId() != null) {
            sql.append("AND c.external_id = ?\n");
            params.add(filter.externalId());
        }
        if (filter.source() != null) {
            sql.append("AND c.source_name_norm LIKE ? ESCAPE '\\'\n");
            params.add("%" + escapeLike(SourceNames.normalise(filter.source())) + "%");
        }
        if (filter.subject() != null) {
            sql.append("AND EXISTS (SELECT 1 FROM claim_subject cs WHERE cs.claim_id = c.id"
                    + " AND (lower(cs.subject_id) = ? OR lower(cs.alias) = ?))\n");
            String subject = filter.subject().toLowerCase(Locale.ROOT);
            params.add(subject);
            params.add(subject);
        }
        if (filter.from() != null) {
            sql.append("AND c.claim_date_to >= ?\n");
            params.add(Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            sql.append("AND c.claim_date_from <= ?\n");
            params.add(Date.valueOf(filter.to()));
            if (filter.chronological()) {
                // Implied, not a new condition: a claim is dated to a day, a month or a year at most
                // (ClaimDates), so one that began by 'to' ended within a year of it. Said out loud, it bounds
                // the walk along claim_date_to, which could otherwise run to the end of the index.
                sql.append("AND c.claim_date_to <= ?\n");
                params.add(Date.valueOf(filter.to().plusDays(MAX_PERIOD_DAYS)));
            }
        }
        if (filter.text() != null) {
            sql.append("AND c.content_tsv @@ websearch_to_tsquery('english', ?)\n");
            params.add(filter.text());
        }
        return sql.toString();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Claim readClaim(String json) {
        try {
            return EventCodec.mapper().readValue(json, Claim.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored claim is not readable", e);
        }
    }
}
