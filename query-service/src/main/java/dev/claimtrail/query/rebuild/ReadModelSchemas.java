package dev.claimtrail.query.rebuild;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schemas a rebuild works with. The live read models are schema {@value #LIVE}, the schema every
 * connection's search_path names; a rebuild fills {@code query_rebuild_<id>}, and the swap renames the
 * live one to {@code query_retired_<id>} and the rebuilt one to {@value #LIVE}. Schema names are built
 * here from numbers only, never from input, which is what makes splicing them into SQL safe.
 */
@ApplicationScoped
public class ReadModelSchemas {

    public static final String LIVE = "query";
    private static final String REBUILD_PREFIX = "query_rebuild_";
    private static final String RETIRED_PREFIX = "query_retired_";
    private static final Pattern NUMBERED = Pattern.compile("query_(rebuild|retired)_(\\d+)");

    private static final Logger LOG = Logger.getLogger(ReadModelSchemas.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Inject
    Flyway flyway;

    public static String rebuildSchema(long id) {
        return REBUILD_PREFIX + id;
    }

    public static String retiredSchema(long id) {
        return RETIRED_PREFIX + id;
    }

    /** One more than the highest id of any rebuilt or retired schema, so names are never reused. */
    long nextId() {
        long max = 0;
        for (String schema : numberedSchemas()) {
            Matcher m = NUMBERED.matcher(schema);
            if (m.matches()) {
                max = Math.max(max, Long.parseLong(m.group(2)));
            }
        }
        return max + 1;
    }

    /** Drops what rebuilds that did not finish (a crash, a restart) left behind. */
    void dropAbandonedRebuilds() {
        for (String schema : numberedSchemas()) {
            if (schema.startsWith(REBUILD_PREFIX)) {
                LOG.infof("dropping %s, left behind by a rebuild that did not finish", schema);
                drop(schema);
            }
        }
    }

    /** Drops every retired schema but the given one (null: all). */
    void dropRetiredExcept(String keep) {
        for (String schema : numberedSchemas()) {
            if (schema.startsWith(RETIRED_PREFIX) && !schema.equals(keep)) {
                drop(schema);
            }
        }
    }

    /**
     * Creates the schema with the very migrations the live one was made with, through Quarkus' own
     * Flyway configuration (its build-time list of migration resources), pointed at the new schema.
     */
    void create(String schema) {
        Flyway.configure()
                .configuration(flyway.getConfiguration())
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .load()
                .migrate();
    }

    void drop(String schema) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /**
     * Gathers planner statistics on every table of the schema. Tables filled by a rebuild have none until
     * autovacuum comes round, and the swap must not hand the API tables it would plan blind.
     */
    void analyze(String schema) {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement list = c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ?")) {
            list.setString(1, schema);
            try (ResultSet rows = list.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of " + schema, e);
        }
        for (String table : tables) {
            execute("ANALYZE " + schema + ".\"" + table + "\"");
        }
    }

    /**
     * Makes every unqualified table of the current transaction resolve to the schema. Cached plans of
     * prepared statements follow: PostgreSQL re-plans a statement when the search_path it was planned
     * under no longer matches.
     */
    void useInTransaction(String schema) {
        entityManager.createNativeQuery("SET LOCAL search_path TO " + schema).executeUpdate();
    }

    /**
     * Waits for the live projections' transactions in flight and holds back new ones until the current
     * transaction ends: each of them begins by locking its row of the live projection_offset table.
     * Readers of the API are not held back.
     */
    void holdLiveProjections() {
        entityManager.createNativeQuery("LOCK TABLE " + LIVE + ".projection_offset IN ACCESS EXCLUSIVE MODE")
                .executeUpdate();
    }

    /**
     * Replaces the rows of a table that is not derived from the logs in the rebuilt schema with the live
     * schema's (the columns both have, generated ones excepted, identity values included), and sets its
     * identity sequences where the live ones stand, so that ids handed out later (SSE event ids that
     * clients resume from) never go back. Returns false when either schema lacks the table.
     */
    boolean carry(String table, String into) {
        List<?> columns = entityManager.createNativeQuery("""
                        SELECT n.column_name FROM information_schema.columns n
                        JOIN information_schema.columns o ON o.table_schema = :live AND o.table_name = n.table_name
                            AND o.column_name = n.column_name
                        WHERE n.table_schema = :into AND n.table_name = :table AND n.is_generated = 'NEVER'
                        ORDER BY n.ordinal_position""")
                .setParameter("live", LIVE).setParameter("into", into).setParameter("table", table)
                .getResultList();
        if (columns.isEmpty()) {
            return false;
        }
        String target = into + ".\"" + table + "\"";
        String source = LIVE + ".\"" + table + "\"";
        StringBuilder list = new StringBuilder();
        for (Object column : columns) {
            list.append(list.isEmpty() ? "" : ", ").append('"').append(column).append('"');
        }
        // The migrations may have seeded the table (a singleton row): the live rows replace whatever it holds.
        entityManager.createNativeQuery("DELETE FROM " + target).executeUpdate();
        entityManager.createNativeQuery("INSERT INTO " + target + " (" + list + ") OVERRIDING SYSTEM VALUE SELECT "
                + list + " FROM " + source).executeUpdate();
        for (Object column : columns) {
            List<?> sequences = entityManager.createNativeQuery(
                            "SELECT pg_get_serial_sequence(:source, :column), pg_get_serial_sequence(:target, :column)")
                    .setParameter("source", source).setParameter("target", target).setParameter("column", column)
                    .getResultList();
            Object[] pair = (Object[]) sequences.get(0);
            if (pair[0] != null && pair[1] != null) {
                // Names from the catalog, already quoted by PostgreSQL where needed.
                entityManager.createNativeQuery("SELECT setval(CAST(:target AS regclass), last_value, is_called) FROM " + pair[0])
                        .setParameter("target", pair[1]).getResultList();
            }
        }
        return true;
    }

    /** Renames the live schema to the retired name and the rebuilt one to the live name, in the caller's transaction. */
    void swap(String rebuilt, String retired) {
        entityManager.createNativeQuery("ALTER SCHEMA " + LIVE + " RENAME TO " + retired).executeUpdate();
        entityManager.createNativeQuery("ALTER SCHEMA " + rebuilt + " RENAME TO " + LIVE).executeUpdate();
    }

    private List<String> numberedSchemas() {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname ~ '^query_(rebuild|retired)_[0-9]+$'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the read-model schemas", e);
        }
        return out;
    }

    private void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }
}
