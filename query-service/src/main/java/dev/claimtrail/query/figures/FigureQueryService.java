package dev.claimtrail.query.figures;

import dev.claimtrail.events.Claim;
import dev.claimtrail.query.infra.Jdbc;
import dev.claimtrail.query.served.ServedClaimsProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Every served figure about one entity, over time. */
@ApplicationScoped
public class FigureQueryService {

    /**
     * One figure: the day it is dated by ({@code dateBasis} "claimed" when the text says when it was
     * said, else "published"), what it is and who gave it where.
     */
    public record FigurePoint(String date, String dateBasis, BigDecimal value, BigDecimal valueTo, String qualifier,
                              String unit, String of, String text, Claim.Source source, String outlet,
                              String claimId, String articleId, String externalId, String publishedAt,
                              Claim.ClaimedAt claimedAt, String storyId) {
    }

    @Inject
    Jdbc jdbc;

    public boolean known(String subject) {
        return !jdbc.query("SELECT 1 FROM served_term WHERE kind = 'subject' AND term = ? LIMIT 1",
                List.of(subject.toLowerCase(Locale.ROOT)), rs -> 1).isEmpty();
    }

    /** Ordered by the claim's date (claimedAt, else publication), undated last, then as recorded. */
    public List<FigurePoint> timeline(String subject) {
        return jdbc.query("""
                        SELECT sc.claim_date, f.value, f.value_to, f.qualifier, f.unit, f.of, f.text, sc.story_id,
                            c.claim::text
                        FROM served_figure f
                        JOIN served_claim sc ON sc.claim_id = f.claim_id
                        JOIN claim c ON c.id = f.claim_id
                        WHERE lower(f.subject_id) = ?
                        ORDER BY sc.claim_date NULLS LAST, sc.claim_seq, f.ordinal""",
                List.of(subject.toLowerCase(Locale.ROOT)), rs -> {
                    Claim claim = ServedClaimsProjection.readClaim(rs.getString(9));
                    var date = rs.getDate(1);
                    return new FigurePoint(date == null ? null : date.toLocalDate().toString(),
                            date == null ? null : claim.claimedAt() != null ? "claimed" : "published",
                            rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), claim.source(), claim.article().outlet(), claim.id(),
                            claim.article().id(), claim.article().externalId(), claim.article().publishedAt(),
                            claim.claimedAt(), rs.getString(8));
                });
    }
}
