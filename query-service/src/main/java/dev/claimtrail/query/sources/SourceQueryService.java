package dev.claimtrail.query.sources;

import dev.claimtrail.query.infra.Jdbc;
import dev.claimtrail.query.infra.TextCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who is quoted, and what is quoted about: served claims per source (spellings such as Andrei and
 * Andrey merged under one canonical name) and per entity (every alias seen).
 */
@ApplicationScoped
public class SourceQueryService {

    public record SourceSummary(String key, List<String> names, List<String> types, List<String> roles,
                                List<String> organisations, long claimCount, long articleCount) {
    }

    public record EntitySummary(String id, List<String> aliases, long claimCount, long articleCount) {
    }

    public record Page<T>(List<T> items, String next) {
    }

    @Inject
    Jdbc jdbc;

    public Page<SourceSummary> sources(String cursor, int limit) {
        List<String> after = TextCursor.decode("sources", 1, cursor);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT source_key,
                    array_agg(DISTINCT source_name) FILTER (WHERE source_name IS NOT NULL),
                    array_agg(DISTINCT source_type) FILTER (WHERE source_type IS NOT NULL),
                    array_agg(DISTINCT source_role) FILTER (WHERE source_role IS NOT NULL),
                    array_agg(DISTINCT source_org) FILTER (WHERE source_org IS NOT NULL),
                    count(*), count(DISTINCT article_id)
                FROM served_claim WHERE source_key IS NOT NULL
                """);
        if (after != null) {
            sql.append("AND source_key > ?\n");
            params.add(after.get(0));
        }
        sql.append("GROUP BY source_key ORDER BY source_key LIMIT ?");
        params.add(limit + 1);
        List<SourceSummary> rows = jdbc.query(sql.toString(), params, rs -> new SourceSummary(rs.getString(1),
                strings(rs.getArray(2)), strings(rs.getArray(3)), strings(rs.getArray(4)), strings(rs.getArray(5)),
                rs.getLong(6), rs.getLong(7)));
        boolean more = rows.size() > limit;
        List<SourceSummary> shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(shown, more ? TextCursor.encode("sources", shown.get(shown.size() - 1).key()) : null);
    }

    public Page<EntitySummary> entities(String cursor, int limit) {
        List<String> after = TextCursor.decode("entities", 1, cursor);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT cs.subject_id,
                    array_agg(DISTINCT cs.alias) FILTER (WHERE cs.alias <> ''),
                    count(DISTINCT cs.claim_id), count(DISTINCT sc.article_id)
                FROM claim_subject cs JOIN served_claim sc ON sc.claim_id = cs.claim_id
                """);
        if (after != null) {
            sql.append("WHERE cs.subject_id > ?\n");
            params.add(after.get(0));
        }
        sql.append("GROUP BY cs.subject_id ORDER BY cs.subject_id LIMIT ?");
        params.add(limit + 1);
        List<EntitySummary> rows = jdbc.query(sql.toString(), params, rs -> new EntitySummary(rs.getString(1),
                strings(rs.getArray(2)), rs.getLong(3), rs.getLong(4)));
        boolean more = rows.size() > limit;
        List<EntitySummary> shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(shown, more ? TextCursor.encode("entities", shown.get(shown.size() - 1).id()) : null);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
