package dev.claimtrail.query.stories;

import dev.claimtrail.events.Claim;
import dev.claimtrail.query.infra.Jdbc;
import dev.claimtrail.query.infra.ProblemException;
import dev.claimtrail.query.infra.TextCursor;
import dev.claimtrail.query.served.ServedClaim;
import dev.claimtrail.query.served.ServedClaimsProjection;
import dev.claimtrail.query.served.SourceIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** Reads stories: newest first report first, then by id, keyset-paged. */
@ApplicationScoped
public class StoryQueryService {

    static final String CURSOR = "stories";

    /** Stands in for an unknown publication date in the ordering (such stories come last). */
    private static final LocalDate NO_DATE = LocalDate.of(1, 1, 1);

    /** Filters of the story list; a null field does not filter. */
    public record Filter(String subject, String source, LocalDate from, LocalDate to) {
    }

    @Inject
    Jdbc jdbc;

    public StoryViews.StoryPage page(Filter filter, String cursor, int limit) {
        List<String> after = TextCursor.decode(CURSOR, 2, cursor);
        StringBuilder sql = new StringBuilder("""
                SELECT s.id, s.member_count, s.article_count, COALESCE(s.first_published, DATE '0001-01-01') AS fp,
                    s.date_from, s.date_to
                FROM story s WHERE TRUE
                """);
        List<Object> params = new ArrayList<>();
        if (after != null) {
            sql.append("AND (COALESCE(s.first_published, DATE '0001-01-01') < ?"
                    + " OR (COALESCE(s.first_published, DATE '0001-01-01') = ? AND s.id > ?))\n");
            Date date = Date.valueOf(parseCursorDate(after.get(0), cursor));
            params.add(date);
            params.add(date);
            params.add(after.get(1));
        }
        if (filter.subject() != null) {
            sql.append("AND EXISTS (SELECT 1 FROM served_claim m JOIN claim_subject cs"
                    + " ON cs.claim_id = m.claim_id WHERE m.story_id = s.id"
                    + " AND (lower(cs.subject_id) = ? OR lower(cs.alias) = ?))\n");
            String subject = filter.subject().toLowerCase(Locale.ROOT);
            params.add(subject);
            params.add(subject);
        }
        if (filter.source() != null) {
            String source = SourceIdentity.canonical(filter.source());
            sql.append("AND EXISTS (SELECT 1 FROM served_claim m WHERE m.story_id = s.id"
                    + " AND (m.source_key LIKE ? ESCAPE '\\' OR lower(m.source_org) LIKE ? ESCAPE '\\'))\n");
            String like = "%" + escapeLike(source == null ? "" : source) + "%";
            params.add(like);
            params.add("%" + escapeLike(filter.source().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.from() != null) {
            sql.append("AND s.date_to >= ?\n");
            params.add(Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            sql.append("AND s.date_from <= ?\n");
            params.add(Date.valueOf(filter.to()));
        }
        sql.append("ORDER BY fp DESC, s.id LIMIT ?");
        params.add(limit + 1);
        record Row(String id, int members, int articles, LocalDate firstPublished, LocalDate from, LocalDate to) {
        }
        List<Row> rows = jdbc.query(sql.toString(), params, rs -> new Row(rs.getString(1), rs.getInt(2),
                rs.getInt(3), rs.getDate(4).toLocalDate(), date(rs.getDate(5)), date(rs.getDate(6))));
        boolean more = rows.size() > limit;
        List<Row> shown = more ? rows.subList(0, limit) : rows;
        List<StoryViews.StorySummary> items = new ArrayList<>();
        for (Row row : shown) {
            List<StoryViews.Member> members = members(row.id());
            Set<String> outlets = new LinkedHashSet<>();
            Set<String> sources = new LinkedHashSet<>();
            Set<String> subjects = new LinkedHashSet<>();
            for (StoryViews.Member m : members) {
                if (m.outlet() != null) {
                    outlets.add(m.outlet());
                }
                if (m.source() != null && m.source().name() != null) {
                    sources.add(m.source().name());
                }
                m.subjects().forEach(s -> subjects.add(s.id()));
            }
            items.add(new StoryViews.StorySummary(row.id(), row.members(), row.articles(),
                    NO_DATE.equals(row.firstPublished()) ? null : row.firstPublished().toString(),
                    text(row.from()), text(row.to()), List.copyOf(outlets), List.copyOf(sources),
                    List.copyOf(subjects), members.isEmpty() ? null : members.get(0).content().text()));
        }
        String next = null;
        if (more) {
            Row last = shown.get(shown.size() - 1);
            next = TextCursor.encode(CURSOR, last.firstPublished().toString(), last.id());
        }
        return new StoryViews.StoryPage(items, next);
    }

    /** The story with its members in report order, first report first; null when there is none. */
    public StoryViews.StoryDetail story(String id) {
        List<StoryViews.Member> members = members(id);
        if (members.isEmpty()) {
            return null;
        }
        List<StoryViews.Link> links = jdbc.query("""
                        SELECT l.claim_a, l.claim_b, l.basis FROM story_link l
                        JOIN served_claim m ON m.claim_id = l.claim_a
                        WHERE m.story_id = ? ORDER BY l.claim_a, l.claim_b""", List.of(id),
                rs -> new StoryViews.Link(rs.getString(1), rs.getString(2), rs.getString(3)));
        Set<String> articles = new LinkedHashSet<>();
        Set<String> outlets = new LinkedHashSet<>();
        for (StoryViews.Member m : members) {
            articles.add(m.articleId());
            if (m.outlet() != null) {
                outlets.add(m.outlet());
            }
        }
        return new StoryViews.StoryDetail(id, members.size(), articles.size(), List.copyOf(outlets), members.get(0),
                members, figures(members), links);
    }

    /**
     * Members in report order: by publication date, then when the article reached Claimtrail, then
     * article and claim id (so the order is total and the first report well defined).
     */
    List<StoryViews.Member> members(String storyId) {
        return jdbc.query("""
                        SELECT c.claim::text, a.title, a.ingested_at FROM served_claim m
                        JOIN claim c ON c.id = m.claim_id
                        LEFT JOIN article a ON a.id = m.article_id
                        WHERE m.story_id = ?
                        ORDER BY m.published_date NULLS LAST, a.ingested_at NULLS LAST, m.article_id, m.claim_id""",
                List.of(storyId), rs -> {
                    Claim c = ServedClaimsProjection.readClaim(rs.getString(1));
                    var ingested = rs.getTimestamp(3);
                    Claim.ArticleRef ref = c.article();
                    return new StoryViews.Member(c.id(), ref.id(), ref.externalId(), ref.outlet(), rs.getString(2),
                            ref.url(), ref.publishedAt(), ingested == null ? null : ingested.toInstant().toString(),
                            c.claimedAt(), c.source(), c.cue(), c.stance(), c.content(), c.subjects(), c.quantities());
                });
    }

    /** Every figure of the members, grouped by value, with how each report words it. */
    static List<StoryViews.Figure> figures(List<StoryViews.Member> members) {
        Map<String, Map<List<String>, List<String>>> byValue = new TreeMap<>(Comparator.comparing(BigDecimal::new));
        Map<String, Claim.Quantity> sample = new LinkedHashMap<>();
        for (StoryViews.Member m : members) {
            for (Claim.Quantity q : m.quantities()) {
                if (q == null || q.value() == null) {
                    continue;
                }
                String value = ServedClaim.figureKey(q.value());
                sample.putIfAbsent(value, q);
                List<String> wording = Arrays.asList(q.qualifier(), q.unit(), q.of(), q.text());
                List<String> claims = byValue.computeIfAbsent(value, k -> new LinkedHashMap<>())
                        .computeIfAbsent(wording, k -> new ArrayList<>());
                if (!claims.contains(m.claimId())) {
                    claims.add(m.claimId());
                }
            }
        }
        List<StoryViews.Figure> out = new ArrayList<>();
        byValue.forEach((value, wordings) -> {
            List<StoryViews.Variant> variants = new ArrayList<>();
            Set<String> qualifiers = new LinkedHashSet<>();
            wordings.forEach((w, claims) -> {
                variants.add(new StoryViews.Variant(w.get(0), w.get(1), w.get(2), w.get(3), claims));
                qualifiers.add(Objects.toString(w.get(0), ""));
            });
            Claim.Quantity q = sample.get(value);
            out.add(new StoryViews.Figure(q.value(), q.valueTo(), qualifiers.size() > 1, variants));
        });
        return out;
    }

    private static LocalDate parseCursorDate(String value, String cursor) {
        try {
            return LocalDate.parse(value);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(
                    "cursor '" + cursor + "' is not a cursor this API issued for this list");
        }
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
