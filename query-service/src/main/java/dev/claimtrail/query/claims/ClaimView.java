package dev.claimtrail.query.claims;

import dev.claimtrail.events.Claim;

import java.util.List;

/**
 * A claim as the API returns it: the shape the evaluation scorer reads (shared/eval/README.md), so a
 * dump of {@code /api/claims} in ndjson is a prediction file. Spans are UTF-16 offsets into the text
 * of the article revision named in {@code article}.
 */
public record ClaimView(
        String id,
        String articleId,
        String externalId,
        String kind,
        Claim.Source source,
        Claim.Cue cue,
        String stance,
        boolean direct,
        Claim.Span content,
        Claim.Span evidence,
        List<Claim.Subject> subjects,
        List<Claim.Quantity> quantities,
        List<Claim.Location> locations,
        Claim.ClaimedAt claimedAt,
        List<String> via,
        Claim.Extractor extractor,
        ArticleView article,
        String storyId) {

    /** What a claim shows of its article; the title comes from the articles projection, if it has it. */
    public record ArticleView(String id, int revision, String externalId, String outlet, String url,
                              String publishedAt, String title) {
    }

    /** @param storyId the story the claim is in, null when in none (or not served) */
    public static ClaimView of(Claim claim, String articleTitle, String storyId) {
        Claim.ArticleRef ref = claim.article();
        return new ClaimView(claim.id(), ref.id(), ref.externalId(), claim.kind(), claim.source(), claim.cue(),
                claim.stance(), claim.direct(), claim.content(), claim.evidence(), claim.subjects(),
                claim.quantities(), claim.locations(), claim.claimedAt(), claim.via(), claim.extractor(),
                new ArticleView(ref.id(), ref.revision(), ref.externalId(), ref.outlet(), ref.url(),
                        ref.publishedAt(), articleTitle),
                storyId);
    }
}
