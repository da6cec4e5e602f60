package dev.claimtrail.query.support;

import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;

import java.time.LocalDate;
import java.util.List;

/**
 * Five articles written for these tests, from four outlets, about an invented militant group. Three of
 * them report the same briefing of one commander, each naming him or his command differently and
 * wording the figure differently ("about 6,500 fighters", "up to 6,500 militants"); a fourth credits
 * the same figure to a minister; the group denies; and an earlier article gives an older figure.
 * {@code tag} makes the group's entity id unique, so several copies never meet in one database.
 * Claims that name no group (the analysts, the district's denial) are told apart only by their dates:
 * a copy meant to share a database with another is moved some years back, out of every time window.
 */
public final class ValleyFrontReports {

    public static final String V1 = "1.0";

    public final String subject;
    public final ArticleSnapshot steppe;
    public final ArticleSnapshot caspian;
    public final ArticleSnapshot highland;
    public final ArticleSnapshot frontier;
    public final ArticleSnapshot january;

    /** Kalinin's briefing in the Steppe Post: the figure, the crossing, and the group's denial. */
    public final ClaimRecorded kalininFigure;
    public final ClaimRecorded kalininCrossing;
    public final ClaimRecorded groupDenial;
    /** The same briefing as the Caspian Wire tells it: the command as source, "up to". */
    public final ClaimRecorded commandFigure;
    public final ClaimRecorded caspianAnalysts;
    /** The same briefing in the Highland Herald: "Andrei" for "Andrey", both figures in one sentence. */
    public final ClaimRecorded highlandBoth;
    /** The same figure credited to someone else. */
    public final ClaimRecorded ministerFigure;
    /** A denial that names no group, only the place. */
    public final ClaimRecorded districtDenial;
    /** An older figure from the same commander. */
    public final ClaimRecorded januaryFigure;

    private final int yearsBack;

    public ValleyFrontReports(String tag) {
        this(tag, 0);
    }

    /** @param yearsBack every date this many years earlier than in the default copy */
    public ValleyFrontReports(String tag, int yearsBack) {
        this.yearsBack = yearsBack;
        subject = "VF-" + tag;
        steppe = TestEvents.article("steppe-" + tag, 1, day("2024-03-06"),
                "ALMATY. At a briefing on Tuesday, Colonel Andrey Kalinin, chief of staff of the Northern Alliance "
                        + "Command, said that the Valley Front had assembled about 6,500 fighters along the river. "
                        + "Kalinin added that 1,200 of them had crossed into the Karsu district. "
                        + "A spokesman for the Valley Front denied that the group had any fighters in Karsu.",
                "Steppe Post");
        caspian = TestEvents.article("caspian-" + tag, 1, day("2024-03-07"),
                "The Northern Alliance Command warned on Tuesday that up to 6,500 Valley Front militants were "
                        + "massing on the riverbank. Analysts said the numbers could not be verified independently.",
                "Caspian Wire");
        highland = TestEvents.article("highland-" + tag, 1, day("2024-03-08"),
                "Andrei Kalinin told reporters on March 5 that the Valley Front had assembled about 6,500 "
                        + "fighters along the river and that 1,200 had crossed into Karsu.",
                "Highland Herald");
        frontier = TestEvents.article("frontier-" + tag, 1, day("2024-03-07"),
                "Interior minister Dilshod Rakhimov said on Tuesday that the Valley Front now had about 6,500 "
                        + "members in the border provinces. The Karsu district administration denied that any "
                        + "militants had crossed into the district.",
                "Frontier Daily");
        january = TestEvents.article("january-" + tag, 1, day("2024-01-10"),
                "Andrey Kalinin said on Tuesday that the Valley Front had some 3,000 fighters in the hills.",
                "Steppe Post");

        kalininFigure = TestEvents.claim(steppe, V1).source("Andrey Kalinin", Claim.Source.PERSON, "Colonel Andrey Kalinin")
                .organisation("Northern Alliance Command").cue("said", "say")
                .content("the Valley Front had assembled about 6,500 fighters along the river")
                .subject(subject, "Valley Front").quantity(6500, "about", "fighters", subject)
                .claimedAt(day("2024-03-05"), "day").recorded();
        kalininCrossing = TestEvents.claim(steppe, V1).source("Andrey Kalinin", Claim.Source.PERSON, "Kalinin")
                .organisation("Northern Alliance Command").cue("added", "add")
                .content("1,200 of them had crossed into the Karsu district")
                .subject(subject, "them").quantity(1200, null, "fighters", subject).location("Karsu")
                .claimedAt(day("2024-03-05"), "day").recorded();
        groupDenial = TestEvents.claim(steppe, V1).source("Valley Front", Claim.Source.GROUP, "A spokesman for the Valley Front")
                .cue("denied", "deny").denies()
                .content("the group had any fighters in Karsu").subject(subject, "the group").location("Karsu")
                .recorded();
        commandFigure = TestEvents.claim(caspian, V1).source("Northern Alliance Command", Claim.Source.ORGANISATION,
                        "The Northern Alliance Command").cue("warned", "warn")
                .content("up to 6,500 Valley Front militants were massing on the riverbank")
                .subject(subject, "Valley Front").quantity(6500, "up to", "militants", subject)
                .claimedAt(day("2024-03-05"), "day").recorded();
        caspianAnalysts = TestEvents.claim(caspian, V1).source("unnamed source", Claim.Source.UNNAMED, "Analysts")
                .cue("said", "say").content("the numbers could not be verified independently").recorded();
        highlandBoth = TestEvents.claim(highland, V1).source("Andrei Kalinin", Claim.Source.PERSON, "Andrei Kalinin")
                .cue("told", "tell")
                .content("the Valley Front had assembled about 6,500 fighters along the river and that 1,200 had "
                        + "crossed into Karsu")
                .subject(subject, "Valley Front").quantity(6500, "about", "fighters", subject)
                .quantity(1200, null, "fighters", subject).location("Karsu")
                .claimedAt(day("2024-03-05"), "day").recorded();
        ministerFigure = TestEvents.claim(frontier, V1).source("Dilshod Rakhimov", Claim.Source.PERSON, "Dilshod Rakhimov")
                .cue("said", "say").content("the Valley Front now had about 6,500 members in the border provinces")
                .subject(subject, "Valley Front").quantity(6500, "about", "members", subject)
                .claimedAt(day("2024-03-05"), "day").recorded();
        districtDenial = TestEvents.claim(frontier, V1).source("Karsu district administration",
                        Claim.Source.ORGANISATION, "The Karsu district administration").cue("denied", "deny").denies()
                .content("any militants had crossed into the district").location("Karsu").recorded();
        januaryFigure = TestEvents.claim(january, V1).source("Andrey Kalinin", Claim.Source.PERSON, "Andrey Kalinin")
                .cue("said", "say").content("the Valley Front had some 3,000 fighters in the hills")
                .subject(subject, "Valley Front").quantity(3000, "about", "fighters", subject)
                .claimedAt(day("2024-01-09"), "day").recorded();
    }

    private String day(String iso) {
        return LocalDate.parse(iso).minusYears(yearsBack).toString();
    }

    public List<ArticleSnapshot> articles() {
        return List.of(steppe, caspian, highland, frontier, january);
    }

    /** Each article's claims in recording order. */
    public List<ClaimRecorded> claimsOf(ArticleSnapshot article) {
        return allClaims().stream().filter(c -> c.claim().article().id().equals(article.id())).toList();
    }

    public List<ClaimRecorded> allClaims() {
        return List.of(kalininFigure, kalininCrossing, groupDenial, commandFigure, caspianAnalysts, highlandBoth,
                ministerFigure, districtDenial, januaryFigure);
    }

    public static ArticleProcessed processed(ArticleSnapshot article, String version, int count) {
        return TestEvents.processed(article, version, count, ArticleProcessed.EXTRACTED);
    }
}
