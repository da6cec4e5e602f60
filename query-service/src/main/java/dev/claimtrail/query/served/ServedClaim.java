package dev.claimtrail.query.served;

import dev.claimtrail.events.Claim;
import dev.claimtrail.query.claims.ClaimDates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the cross-article views compare of one served claim, derived from the claim alone (never
 * from another projection's state), so that any replay of the same claims derives the same thing.
 *
 * @param windowFrom first day the statement can have been made; null when unbounded
 * @param windowTo   last day the statement can have been made; null when unbounded
 * @param claimDate  the day timelines order by: claimedAt's first day, else the publication date
 */
public record ServedClaim(
        Claim claim,
        String sourceKey,
        Set<String> blockingKeys,
        Set<String> subjects,
        Set<String> locations,
        List<Figure> figures,
        Set<String> tokens,
        LocalDate claimDate,
        LocalDate publishedDate,
        LocalDate windowFrom,
        LocalDate windowTo) {

    /** A figure with the entity it counts ('' when it is about no known entity). */
    public record Figure(int ordinal, String subject, Claim.Quantity quantity) {
    }

    public String id() {
        return claim.id();
    }

    public String articleId() {
        return claim.article().id();
    }

    /**
     * @param undatedWindowDays how long before its article's publication an undated statement can have
     *                          been made and still be the same occasion as a dated one
     */
    public static ServedClaim of(Claim claim, int undatedWindowDays) {
        ClaimDates.Period published = ClaimDates.of(null, claim.article().publishedAt());
        ClaimDates.Period claimed = claim.claimedAt() == null ? null : ClaimDates.of(claim.claimedAt().value(), null);
        LocalDate from;
        LocalDate to;
        if (claimed != null) {
            from = claimed.from();
            to = claimed.to();
        } else if (published != null) {
            // Reported, so made by publication; how long before is unknown, bounded for "same occasion".
            from = published.from().minusDays(undatedWindowDays);
            to = published.to();
        } else {
            from = null;
            to = null;
        }
        Set<String> subjects = new LinkedHashSet<>();
        for (Claim.Subject s : claim.subjects()) {
            if (s != null && s.id() != null && !s.id().isBlank()) {
                subjects.add(s.id());
            }
        }
        Set<String> locations = new LinkedHashSet<>();
        for (Claim.Location l : claim.locations()) {
            String name = l == null ? null : SourceIdentity.canonical(l.name());
            if (name != null) {
                locations.add(name);
            }
        }
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < claim.quantities().size(); i++) {
            Claim.Quantity q = claim.quantities().get(i);
            if (q == null || q.value() == null) {
                continue;
            }
            if (q.of() != null && !q.of().isBlank()) {
                figures.add(new Figure(i, q.of(), q));
            } else if (subjects.isEmpty()) {
                figures.add(new Figure(i, "", q));
            } else {
                for (String subject : subjects) {
                    figures.add(new Figure(i, subject, q));
                }
            }
        }
        Set<String> keys = new LinkedHashSet<>(SourceIdentity.blockingKeys(claim.source()));
        if (SourceIdentity.unnamed(claim.source())) {
            // Unnamed sources say little about who spoke; two of them are compared only when the claims
            // share what they are about.
            subjects.forEach(s -> keys.add("unnamed-subject:" + s.toLowerCase(Locale.ROOT)));
            figures.forEach(f -> keys.add("unnamed-figure:" + figureKey(f.quantity().value())));
        }
        ClaimDates.Period dated = claimed != null ? claimed : published;
        return new ServedClaim(claim, SourceIdentity.key(claim.source()), keys, subjects, locations, figures,
                ContentTokens.of(claim.content() == null ? null : claim.content().text()),
                dated == null ? null : dated.from(), published == null ? null : published.from(), from, to);
    }

    /**
     * This served claim as story matching and story cutting see it: everything derived, and of the claim
     * only what they read (id, article, source, stance). A fraction of the memory, for holding many.
     */
    public ServedClaim forMatching() {
        Claim c = claim;
        Claim.Source s = c.source();
        Claim slim = new Claim(c.id(), c.kind(), new Claim.ArticleRef(c.article().id(), c.article().revision(),
                null, null, null, null), null,
                s == null ? null : new Claim.Source(s.name(), s.type(), s.role(), s.organisation(), null),
                null, c.stance(), c.direct(), null, null, null, null, null, null, null);
        return new ServedClaim(slim, sourceKey, blockingKeys, subjects, Set.of(), figures, tokens, claimDate,
                publishedDate, windowFrom, windowTo);
    }

    /** A figure's value as text that is equal for equal numbers (6500 and 6500.0). */
    public static String figureKey(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
