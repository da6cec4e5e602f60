package dev.claimtrail.query.served;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;

/**
 * A database migrated from before the cross-article views holds served articles but no served claims:
 * the claims projection only fills the views as articles are (re)processed, and the log positions are
 * already past them. Fills the views once from the stored claims on start.
 */
@ApplicationScoped
public class ServedViewsStartup {

    private static final Logger LOG = Logger.getLogger(ServedViewsStartup.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ServedClaimsProjection servedClaims;

    void onStart(@Observes StartupEvent event) {
        if (needsFill()) {
            LOG.info("cross-article views are empty while articles are served: building them from the stored claims");
            servedClaims.rebuild(Comparator.naturalOrder());
        }
    }

    private boolean needsFill() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM article_serving)"
                     + " AND NOT EXISTS (SELECT 1 FROM served_claim)")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inspect the cross-article views", e);
        }
    }
}
