package dev.claimtrail.query.denials;

import dev.claimtrail.events.Claim;
import dev.claimtrail.query.infra.Jdbc;
import dev.claimtrail.query.infra.KeysetCursor;
import dev.claimtrail.query.served.ServedClaim;
import dev.claimtrail.query.served.ServedClaimsProjection;
import dev.claimtrail.query.served.SourceIdentity;
import dev.claimtrail.query.served.ViewsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Denials with the claims they deny (claims.md: a claim and a later denial of it form a
 * contradiction). A served claim of stance {@code denies} is linked to served assertions that are
 * about the same subjects — or, for a denial that names no subject ("denied the presence of
 * terrorist groups in Afghanistan"), about the same place as {@link DenialMatcher} decides — from a
 * different source, made within {@code denial-window-days} of it. Computed on read, so it always
 * agrees with the served claims.
 */
@ApplicationScoped
public class DenialQueryService {

    /** A claim as the denial views show it. */
    public record ClaimRef(String claimId, String articleId, String externalId, String outlet, String publishedAt,
                           Claim.ClaimedAt claimedAt, Claim.Source source, String stance, String content,
                           List<String> subjects, String storyId) {
    }

    /** A denial and the assertions it contradicts, with what links them. */
    public record Denial(ClaimRef denial, String linkedBy, List<ClaimRef> denies) {
    }

    public record DenialPage(List<Denial> items, String next) {
    }

    @Inject
    Jdbc jdbc;

    @Inject
    ViewsConfig config;

    private record Row(long seq, Claim claim, String storyId) {
    }

    public DenialPage page(String subject, long afterSeq, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT sc.claim_seq, c.claim::text, sc.story_id FROM served_claim sc
                JOIN claim c ON c.id = sc.claim_id
                WHERE sc.stance = 'denies' AND sc.claim_seq > ?
                """);
        params.add(afterSeq);
        if (subject != null) {
            sql.append("AND EXISTS (SELECT 1 FROM claim_subject cs WHERE cs.claim_id = sc.claim_id"
                    + " AND (lower(cs.subject_id) = ? OR lower(cs.alias) = ?))\n");
            params.add(subject.toLowerCase(Locale.ROOT));
            params.add(subject.toLowerCase(Locale.ROOT));
        }
        sql.append("ORDER BY sc.claim_seq LIMIT ?");
        params.add(limit + 1);
        List<Row> rows = jdbc.query(sql.toString(), params, rs -> new Row(rs.getLong(1),
                ServedClaimsProjection.readClaim(rs.getString(2)), rs.getString(3)));
        boolean more = rows.size() > limit;
        List<Row> shown = more ? rows.subList(0, limit) : rows;
        List<Denial> items = new ArrayList<>();
        for (Row row : shown) {
            items.add(linked(row));
        }
        return new DenialPage(items, more ? KeysetCursor.encode(shown.get(shown.size() - 1).seq()) : null);
    }

    private Denial linked(Row denialRow) {
        ServedClaim denial = ServedClaim.of(denialRow.claim(), config.undatedWindowDays());
        boolean bySubject = !denial.subjects().isEmpty();
        Set<String> terms = new HashSet<>();
        if (bySubject) {
            denial.subjects().forEach(s -> terms.add(s.toLowerCase(Locale.ROOT)));
        } else {
            terms.addAll(denial.locations());
        }
        if (terms.isEmpty()) {
            return new Denial(ref(denialRow.claim(), denialRow.storyId()), null, List.of());
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT sc.claim_seq, c.claim::text, sc.story_id, sc.claim_date FROM served_claim sc
                JOIN claim c ON c.id = sc.claim_id
                WHERE sc.stance = 'asserts'
                AND (EXISTS (SELECT 1 FROM served_term t WHERE t.claim_id = sc.claim_id AND t.kind = ? AND t.term = ANY (?))
                """);
        params.add(bySubject ? "subject" : "location");
        params.add(terms.toArray(new String[0]));
        List<String> prefixes = bySubject ? List.of() : DenialMatcher.searchPrefixes(terms);
        if (!prefixes.isEmpty()) {
            // claims that name the place only in their text, perhaps as an adjective ("Afghan militants")
            sql.append("    OR c.content_tsv @@ to_tsquery('simple', ?)\n");
            params.add(String.join(" | ", prefixes.stream().map(p -> p + ":*").toList()));
        }
        sql.append(")\n");
        // When each can have been made (an undated claim: some time before its article appeared), at most
        // the window apart: an undated denial can answer a report from months before it was published.
        int window = config.denialWindowDays();
        if (denial.windowFrom() != null) {
            sql.append("AND (sc.window_to IS NULL OR sc.window_to >= ?)\n");
            params.add(Date.valueOf(denial.windowFrom().minusDays(window)));
        }
        if (denial.windowTo() != null) {
            sql.append("AND (sc.window_from IS NULL OR sc.window_from <= ?)\n");
            params.add(Date.valueOf(denial.windowTo().plusDays(window)));
        }
        sql.append("ORDER BY sc.claim_date NULLS LAST, sc.claim_seq");
        List<Row> candidates = jdbc.query(sql.toString(), params, rs -> new Row(rs.getLong(1),
                ServedClaimsProjection.readClaim(rs.getString(2)), rs.getString(3)));
        DenialMatcher matcher = new DenialMatcher(config.denialMinSharedWords());
        List<ClaimRef> denies = new ArrayList<>();
        for (Row candidate : candidates) {
            Claim claim = candidate.claim();
            if (SourceIdentity.same(denial.claim().source(), claim.source())
                    && !(SourceIdentity.unnamed(denial.claim().source()) && SourceIdentity.unnamed(claim.source()))) {
                continue; // a source qualifying its own statement is not a contradiction
            }
            if (!bySubject && !matcher.contradicts(denial, terms, claim)) {
                continue;
            }
            denies.add(ref(claim, candidate.storyId()));
        }
        return new Denial(ref(denialRow.claim(), denialRow.storyId()), bySubject ? "subject" : "location", denies);
    }

    private static ClaimRef ref(Claim c, String storyId) {
        return new ClaimRef(c.id(), c.article().id(), c.article().externalId(), c.article().outlet(),
                c.article().publishedAt(), c.claimedAt(), c.source(), c.stance(),
                c.content() == null ? null : c.content().text(),
                c.subjects().stream().map(Claim.Subject::id).distinct().toList(), storyId);
    }
}
