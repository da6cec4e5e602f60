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
        List<Object> params = new ArrayList<>();
        String sql = sql(filter, after, limit, params);
        List<Row> rows = new ArrayList<>(Math.min(limit, 1024));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Date dateTo = rs.getDate(5);
                    rows.add(new Row(rs.getLong(1), dateTo == null ? null : dateTo.toLocalDate(),
                            ClaimView.of(readClaim(rs.getString(2)), rs.getString(3), rs.getString(4))));
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

    static String sql(ClaimFilter filter, After after, int limit, List<Object> params) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.seq, c.claim::text, a.title, sc.story_id, c.claim_date_to
                FROM claim c
                LEFT JOIN article a ON a.id = c.article_id
                LEFT JOIN served_claim sc ON sc.claim_id = c.id
                """);
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
        }
        if (filter.text() != null) {
            sql.append("AND c.content_tsv @@ websearch_to_tsquery('english', ?)\n");
            params.add(filter.text());
        }
        sql.append(filter.chronological() ? "ORDER BY c.claim_date_to, c.seq\nLIMIT ?" : "ORDER BY c.seq\nLIMIT ?");
        params.add(limit);
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
