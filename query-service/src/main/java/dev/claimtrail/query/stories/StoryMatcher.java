package dev.claimtrail.query.stories;

import dev.claimtrail.query.served.ContentTokens;
import dev.claimtrail.query.served.ServedClaim;
import dev.claimtrail.query.served.SourceIdentity;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether two claims report the same statement on the same occasion (claims.md, "Across
 * articles" and rule 6). A pure, symmetric function of the two claims: the set of links between a
 * set of claims does not depend on the order they were seen in, and neither do the stories, which
 * are the connected groups of linked claims.
 *
 * <p>Two claims are linked when all of these hold:
 * <ul>
 *   <li>they come from different articles and have the same stance;</li>
 *   <li>their sources can be the same speaker ({@link SourceIdentity#same}); two unnamed sources only
 *       when the claims share a subject or a figure;</li>
 *   <li>the times they can have been made overlap, within {@code maxGapDays} (an undated claim was made
 *       at most {@code undatedWindowDays} before its article appeared: see {@link ServedClaim});</li>
 *   <li>what they say agrees: a shared figure about compatible subjects (paraphrase around the same
 *       number: "amassed up to 6,500 members" / "has about 6,500 fighters"), or enough shared words.</li>
 * </ul>
 */
public final class StoryMatcher {

    /** Why two claims were linked. */
    public enum Basis { FIGURE, TEXT }

    private final int maxGapDays;
    private final double minOverlap;
    private final int minSharedWords;

    public StoryMatcher(int maxGapDays, double minOverlap, int minSharedWords) {
        this.maxGapDays = maxGapDays;
        this.minOverlap = minOverlap;
        this.minSharedWords = minSharedWords;
    }

    /** How many days apart two statements' windows may lie and still be the same occasion. */
    public int maxGapDays() {
        return maxGapDays;
    }

    /** The basis of the link between two claims, or null when they are not the same statement. */
    public Basis match(ServedClaim a, ServedClaim b) {
        // Every test below must hold; the cheap ones come first, the source comparison (name folding) last,
        // because most pairs that share a speaker's key and a time window say different things.
        if (a.articleId().equals(b.articleId()) || !Objects.equals(a.claim().stance(), b.claim().stance())) {
            return null;
        }
        if (!overlapInTime(a, b)) {
            return null;
        }
        boolean sharedSubject = !Collections.disjoint(a.subjects(), b.subjects());
        boolean subjectsAgree = sharedSubject || a.subjects().isEmpty() || b.subjects().isEmpty();
        if (!subjectsAgree) {
            return null; // both say whom they are about, and it is not the same
        }
        boolean sharedFigure = sharesFigure(a, b);
        if (SourceIdentity.unnamed(a.claim().source()) && !sharedSubject && !sharedFigure) {
            return null;
        }
        int shared = ContentTokens.shared(a.tokens(), b.tokens());
        Basis basis;
        if (sharedFigure && (sharedSubject || shared >= 2)) {
            basis = Basis.FIGURE;
        } else if (shared >= minSharedWords && ContentTokens.overlap(a.tokens(), b.tokens()) >= minOverlap) {
            basis = Basis.TEXT;
        } else {
            return null;
        }
        return SourceIdentity.same(a.claim().source(), b.claim().source()) ? basis : null;
    }

    public boolean overlapInTime(ServedClaim a, ServedClaim b) {
        return before(a.windowFrom(), b.windowTo()) && before(b.windowFrom(), a.windowTo());
    }

    private boolean before(LocalDate from, LocalDate to) {
        return from == null || to == null || !from.isAfter(to.plusDays(maxGapDays));
    }

    static boolean sharesFigure(ServedClaim a, ServedClaim b) {
        if (a.figures().isEmpty() || b.figures().isEmpty()) {
            return false; // most claims give no figure: spare the set below
        }
        Set<String> values = new HashSet<>();
        a.figures().forEach(f -> values.add(ServedClaim.figureKey(f.quantity().value())));
        for (ServedClaim.Figure f : b.figures()) {
            if (values.contains(ServedClaim.figureKey(f.quantity().value()))) {
                return true;
            }
        }
        return false;
    }
}
