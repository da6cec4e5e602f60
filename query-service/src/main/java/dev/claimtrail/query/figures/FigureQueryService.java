package dev.claimtrail.query.figures;

import dev.claimtrail.events.Claim;
import dev.claimtrail.query.infra.Jdbc;
import dev.claimtrail.query.infra.ProblemException;
import dev.claimtrail.query.infra.QueryConfig;
import dev.claimtrail.query.infra.TextCursor;
import dev.claimtrail.query.served.ServedClaimsProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
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

    @Inject
    QueryConfig config;

    /** The first page at the default page size: what the endpoint serves without parameters. */
    public List<FigurePoint> timeline(String subject) {
        return timeline(subject, null, config.defaultPageSize()).items();
    }

    /** A page of a timeline; {@code next} is the cursor of the following page, null on the last one. */
    public record Page(List<FigurePoint> items, String next) {
    }

    static final String CURSOR = "figures";

    /** Stands in for "undated" in the keyset, so that undated figures come last as in the order below. */
    private static final LocalDate UNDATED = LocalDate.of(9999, 12, 31);

    /**
     * Ordered by the claim's date (claimedAt, else publication), undated last, then as recorded and by
     * the figure's place in the claim; keyset-paged on that order.
     */
    public Page timeline(String subject, String cursor, int limit) {
        List<String> after = TextCursor.decode(CURSOR, 3, cursor);
        List<Object> params = new ArrayList<>();
        params.add(subject.toLowerCase(Locale.ROOT));
        StringBuilder sql = new StringBuilder("""
                SELECT f.claim_date, f.value, f.value_to, f.qualifier, f.unit, f.of, f.text, sc.story_id,
                    c.claim::text, f.claim_seq, f.ordinal
                FROM served_figure f
                JOIN served_claim sc ON sc.claim_id = f.claim_id
                JOIN claim c ON c.id = f.claim_id
                WHERE lower(f.subject_id) = ?
                """);
        // Order and keyset spelled as served_figure_timeline_idx (V5) indexes them, so a page is an index range.
        if (after != null) {
            sql.append("AND (COALESCE(f.claim_date, DATE '9999-12-31'), f.claim_seq, f.ordinal) > (?, ?, ?)\n");
            try {
                Date date = Date.valueOf(LocalDate.parse(after.get(0)));
                params.add(date);
                params.add(Long.parseLong(after.get(1)));
                params.add(Integer.parseInt(after.get(2)));
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("cursor '" + cursor + "' is not a cursor this API issued for this list");
            }
        }
        sql.append("ORDER BY COALESCE(f.claim_date, DATE '9999-12-31'), f.claim_seq, f.ordinal LIMIT ?");
        params.add(limit + 1);
        record Row(FigurePoint point, LocalDate date, long seq, int ordinal) {
        }
        List<Row> rows = jdbc.query(sql.toString(), params, rs -> {
            Claim claim = ServedClaimsProjection.readClaim(rs.getString(9));
            var date = rs.getDate(1);
            FigurePoint point = new FigurePoint(date == null ? null : date.toLocalDate().toString(),
                    date == null ? null : claim.claimedAt() != null ? "claimed" : "published",
                    rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), claim.source(), claim.article().outlet(), claim.id(),
                    claim.article().id(), claim.article().externalId(), claim.article().publishedAt(),
                    claim.claimedAt(), rs.getString(8));
            return new Row(point, date == null ? UNDATED : date.toLocalDate(), rs.getLong(10), rs.getInt(11));
        });
        boolean more = rows.size() > limit;
        List<Row> shown = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            Row last = shown.get(shown.size() - 1);
            next = TextCursor.encode(CURSOR, last.date().toString(), Long.toString(last.seq()),
                    Integer.toString(last.ordinal()));
        }
        return new Page(shown.stream().map(Row::point).toList(), next);
    }
}
