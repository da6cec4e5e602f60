package dev.claimtrail.query.stories;

import dev.claimtrail.events.Claim;

import java.math.BigDecimal;
import java.util.List;

/** What the stories API returns. */
public final class StoryViews {

    private StoryViews() {
    }

    /**
     * A story in a list: who said it (as each outlet names the source), where, when, and the content
     * of its first report.
     */
    public record StorySummary(String id, int memberCount, int articleCount, String firstPublished,
                               String dateFrom, String dateTo, List<String> outlets, List<String> sources,
                               List<String> subjects, String content) {
    }

    /** A page of stories; {@code next} is the cursor of the following page, null on the last one. */
    public record StoryPage(List<StorySummary> items, String next) {
    }

    /** One report of the statement: the outlet, the article, the date and the source as written there. */
    public record Member(String claimId, String articleId, String externalId, String outlet, String title,
                         String url, String publishedAt, String ingestedAt, Claim.ClaimedAt claimedAt,
                         Claim.Source source, Claim.Cue cue, String stance, Claim.Span content,
                         List<Claim.Subject> subjects, List<Claim.Quantity> quantities) {
    }

    /** How one figure is given across the reports: "about 6,500" in one, "up to 6,500" in another. */
    public record Figure(BigDecimal value, BigDecimal valueTo, boolean varies, List<Variant> variants) {
    }

    /** One wording of a figure with the claims that use it. */
    public record Variant(String qualifier, String unit, String of, String text, List<String> claimIds) {
    }

    /** Why two members are in one story. */
    public record Link(String claimA, String claimB, String basis) {
    }

    public record StoryDetail(String id, int memberCount, int articleCount, List<String> outlets,
                              Member firstReport, List<Member> members, List<Figure> figures, List<Link> links) {
    }
}
