package dev.claimtrail.query.conflicts;

import dev.claimtrail.events.Claim;
import dev.claimtrail.query.infra.Jdbc;
import dev.claimtrail.query.infra.ProblemException;
import dev.claimtrail.query.infra.TextCursor;
import dev.claimtrail.query.served.ServedClaimsProjection;
import dev.claimtrail.query.served.SourceIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Attribution conflicts (claims.md, "Across articles"): one figure about one entity credited to
 * different sources in different articles — "ISKP has 6,500 members" from Bortnikov in one report and
 * from Sidorov in another. Computed on read from the served figures, so it always agrees with them.
 * Unnamed sources credit no one and take no part.
 */
@ApplicationScoped
public class ConflictQueryService {

    /** Count nouns that name the same kind of thing for a group: "6,500 members" and "6,500 fighters". */
    private static final Set<String> HEADCOUNT = Set.of("member", "members", "fighter", "fighters", "militant",
            "militants", "troop", "troops", "soldier", "soldiers", "men", "people", "combatant", "combatants",
            "recruit", "recruits", "personnel");

    /** One report of the figure. */
    public record Report(String claimId, String articleId, String externalId, String outlet, String publishedAt,
                         Claim.ClaimedAt claimedAt, String qualifier, String unit, String text, String content,
                         String storyId) {
    }

    /** One source the figure is credited to, as named in its reports. */
    public record Attribution(String source, String type, String organisation, List<Report> reports) {
    }

    public record Conflict(String subject, BigDecimal value, List<Attribution> attributions) {
    }

    /** A served figure with its claim. */
    public record FigureReport(String subject, BigDecimal value, String qualifier, String unit, String text,
                               String storyId, Claim claim) {
    }

    @Inject
    Jdbc jdbc;

    /** A page of conflicts; {@code next} is the cursor of the following page, null on the last one. */
    public record ConflictPage(List<Conflict> items, String next) {
    }

    static final String CURSOR = "conflicts";

    /**
     * Conflicts by subject (lower case) then value, keyset-paged on that pair. A figure reported by
     * several sources need not conflict (one source spelled two ways, units that count different
     * things), so candidate figures are read in batches until the page is full.
     */
    public ConflictPage page(String subject, String cursor, int limit) {
        List<String> after = TextCursor.decode(CURSOR, 2, cursor);
        String afterSubject = after == null ? null : after.get(0);
        BigDecimal afterValue = after == null ? null : cursorValue(after.get(1), cursor);
        int batch = Math.max(limit + 1, 50);
        List<Conflict> out = new ArrayList<>();
        while (out.size() <= limit) {
            List<FigureReport> rows = candidates(subject, afterSubject, afterValue, batch);
            if (rows.isEmpty()) {
                break;
            }
            for (Conflict conflict : among(rows)) {
                out.add(conflict);
            }
            Set<String> figures = new HashSet<>();
            rows.forEach(r -> figures.add(r.subject().toLowerCase(Locale.ROOT) + '\u0000' + r.value().stripTrailingZeros()));
            if (figures.size() < batch) {
                break;
            }
            FigureReport last = rows.get(rows.size() - 1);
            afterSubject = last.subject().toLowerCase(Locale.ROOT);
            afterValue = last.value();
        }
        boolean more = out.size() > limit;
        List<Conflict> shown = more ? out.subList(0, limit) : out;
        String next = null;
        if (more) {
            Conflict last = shown.get(shown.size() - 1);
            next = TextCursor.encode(CURSOR, last.subject().toLowerCase(Locale.ROOT), last.value().toPlainString());
        }
        return new ConflictPage(List.copyOf(shown), next);
    }

    /**
     * The reports of up to {@code figures} figures after (afterSubject, afterValue) that two or more
     * sources in two or more articles report, in (subject, value) order.
     */
    private List<FigureReport> candidates(String subject, String afterSubject, BigDecimal afterValue, int figures) {
        List<Object> params = new ArrayList<>();
        StringBuilder groups = new StringBuilder("""
                SELECT lower(f.subject_id) AS subj, f.value FROM served_figure f
                JOIN served_claim sc ON sc.claim_id = f.claim_id
                WHERE f.subject_id <> '' AND sc.source_key IS NOT NULL
                """);
        if (subject != null) {
            groups.append("AND lower(f.subject_id) = ?\n");
            params.add(subject.toLowerCase(Locale.ROOT));
        }
        if (afterSubject != null) {
            groups.append("AND (lower(f.subject_id), f.value) > (?, ?)\n");
            params.add(afterSubject);
            params.add(afterValue);
        }
        groups.append("GROUP BY 1, 2 HAVING count(DISTINCT sc.article_id) > 1 AND count(DISTINCT sc.source_key) > 1\n"
                + "ORDER BY 1, 2 LIMIT ?");
        params.add(figures);
        String sql = "WITH g AS (" + groups + ")\n" + """
                SELECT g.subj, f.subject_id, f.value, f.qualifier, f.unit, f.text, sc.story_id, c.claim::text
                FROM g JOIN served_figure f ON lower(f.subject_id) = g.subj AND f.value = g.value
                JOIN served_claim sc ON sc.claim_id = f.claim_id AND sc.source_key IS NOT NULL
                JOIN claim c ON c.id = f.claim_id
                ORDER BY g.subj, g.value, sc.claim_date NULLS LAST, sc.claim_seq""";
        return jdbc.query(sql, params, rs -> new FigureReport(rs.getString(2),
                rs.getBigDecimal(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                ServedClaimsProjection.readClaim(rs.getString(8))));
    }

    private static BigDecimal cursorValue(String value, String cursor) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("cursor '" + cursor + "' is not a cursor this API issued for this list");
        }
    }

    /**
     * The conflicts among figure reports: reports of one value about one entity (case aside), grouped
     * into attributions of sources that can be the same speaker ("CSTO" and Sidorov of the CSTO); a
     * conflict needs two attributions with reports in different articles whose units can count the
     * same thing. Reports of unnamed sources are ignored. Groups come in the order of their first report.
     */
    public static List<Conflict> among(List<FigureReport> reports) {
        Map<String, List<FigureReport>> byFigure = new LinkedHashMap<>();
        for (FigureReport r : reports) {
            if (r.subject() == null || r.subject().isEmpty() || SourceIdentity.unnamed(r.claim().source())) {
                continue;
            }
            String key = r.subject().toLowerCase(Locale.ROOT) + '\u0000' + r.value().stripTrailingZeros().toPlainString();
            byFigure.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Conflict> out = new ArrayList<>();
        for (List<FigureReport> figure : byFigure.values()) {
            List<List<FigureReport>> attributions = new ArrayList<>();
            for (FigureReport r : figure) {
                List<FigureReport> home = null;
                for (List<FigureReport> a : attributions) {
                    if (SourceIdentity.same(a.get(0).claim().source(), r.claim().source())) {
                        home = a;
                        break;
                    }
                }
                if (home == null) {
                    home = new ArrayList<>();
                    attributions.add(home);
                }
                home.add(r);
            }
            if (!conflicting(attributions)) {
                continue;
            }
            List<Attribution> shown = new ArrayList<>();
            for (List<FigureReport> a : attributions) {
                Claim.Source source = a.get(0).claim().source();
                shown.add(new Attribution(source.name(), source.type(), source.organisation(), a.stream().map(r ->
                        new Report(r.claim().id(), r.claim().article().id(), r.claim().article().externalId(),
                                r.claim().article().outlet(), r.claim().article().publishedAt(), r.claim().claimedAt(),
                                r.qualifier(), r.unit(), r.text(),
                                r.claim().content() == null ? null : r.claim().content().text(), r.storyId())).toList()));
            }
            out.add(new Conflict(figure.get(0).subject(), figure.get(0).value(), shown));
        }
        return out;
    }

    /** Two attributions in different articles whose units can count the same thing. */
    private static boolean conflicting(List<List<FigureReport>> attributions) {
        for (int i = 0; i < attributions.size(); i++) {
            for (int j = i + 1; j < attributions.size(); j++) {
                for (FigureReport a : attributions.get(i)) {
                    for (FigureReport b : attributions.get(j)) {
                        if (!a.claim().article().id().equals(b.claim().article().id()) && unitsAgree(a, b)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean unitsAgree(FigureReport a, FigureReport b) {
        String ua = unit(a);
        String ub = unit(b);
        return ua == null || ub == null || ua.equals(ub) || (HEADCOUNT.contains(ua) && HEADCOUNT.contains(ub));
    }

    private static String unit(FigureReport row) {
        return row.unit() == null || row.unit().isBlank() ? null : row.unit().trim().toLowerCase(Locale.ROOT);
    }
}
