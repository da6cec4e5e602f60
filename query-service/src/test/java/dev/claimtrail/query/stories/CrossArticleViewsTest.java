package dev.claimtrail.query.stories;

import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import dev.claimtrail.query.served.ServedClaimsProjection;
import dev.claimtrail.query.support.Await;
import dev.claimtrail.query.support.EventProducer;
import dev.claimtrail.query.support.TestEvents;
import dev.claimtrail.query.support.ValleyFrontReports;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stories, attribution conflicts, denials, figure timelines, sources and entities built from the
 * written reports of {@link ValleyFrontReports}, published to the real broker and projected into the
 * real database.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossArticleViewsTest {

    @Inject
    ServedClaimsProjection servedClaims;

    @Inject
    AgroalDataSource dataSource;

    ValleyFrontReports reports;
    String storyId;

    /** Once per class; in {@code @BeforeEach} because REST Assured only knows the port from then on. */
    @BeforeEach
    void publishTheReports() {
        if (reports != null) {
            return;
        }
        reports = new ValleyFrontReports(UUID.randomUUID().toString().substring(0, 8));
        publish(reports);
        storyId = List.of(reports.kalininFigure.eventId(), reports.kalininCrossing.eventId(),
                reports.commandFigure.eventId(), reports.highlandBoth.eventId()).stream().sorted().findFirst().get();
    }

    @Test
    void theSameBriefingReportedByThreeOutletsIsOneStory() {
        JsonPath story = given().get("/api/stories/" + storyId).then().statusCode(200).extract().jsonPath();
        assertEquals(storyId, story.getString("id"));
        assertEquals(List.of(reports.kalininFigure.eventId(), reports.kalininCrossing.eventId(),
                        reports.commandFigure.eventId(), reports.highlandBoth.eventId()).stream().sorted().toList(),
                story.getList("members.claimId", String.class).stream().sorted().toList());
        assertEquals(3, story.getInt("articleCount"));
        assertEquals(List.of("Steppe Post", "Caspian Wire", "Highland Herald"), story.getList("outlets"));
        // the first report is the earliest article; members come in report order, each as written there
        assertEquals("Steppe Post", story.getString("firstReport.outlet"));
        assertEquals("2024-03-06", story.getString("firstReport.publishedAt"));
        assertEquals(List.of("Andrey Kalinin", "Andrey Kalinin", "Northern Alliance Command", "Andrei Kalinin"),
                story.getList("members.source.name"));
        assertEquals("The Northern Alliance Command", story.getString("members[2].source.mention.text"));
        assertEquals("2024-03-05", story.getString("members[3].claimedAt.value"));
        // "about 6,500" in two reports, "up to 6,500" in one; 1,200 worded alike
        JsonPath figures = JsonPath.from(given().get("/api/stories/" + storyId).asString());
        assertEquals(List.of(1200, 6500), figures.getList("figures.value"));
        assertEquals(List.of(false, true), figures.getList("figures.varies"));
        assertEquals(List.of("about", "up to"), figures.getList("figures[1].variants.qualifier"));
        assertEquals(List.of(reports.commandFigure.eventId()), figures.getList("figures[1].variants[1].claimIds"));
        assertTrue(story.getList("links.basis").contains("FIGURE"));
    }

    @Test
    void everyServedClaimCarriesItsStoryId() {
        Map<String, String> storyOf = new TreeMap<>();
        for (ArticleSnapshot article : reports.articles()) {
            JsonPath page = given().queryParam("articleId", article.id()).get("/api/claims").then().statusCode(200)
                    .extract().jsonPath();
            List<String> ids = page.getList("items.id");
            for (int i = 0; i < ids.size(); i++) {
                storyOf.put(ids.get(i), page.getString("items[" + i + "].storyId"));
            }
        }
        assertEquals(storyId, storyOf.get(reports.kalininFigure.eventId()));
        assertEquals(storyId, storyOf.get(reports.kalininCrossing.eventId()));
        assertEquals(storyId, storyOf.get(reports.commandFigure.eventId()));
        assertEquals(storyId, storyOf.get(reports.highlandBoth.eventId()));
        // the same figure from the minister, an older figure, the denial and the analysts: in no story
        assertNull(storyOf.get(reports.ministerFigure.eventId()));
        assertNull(storyOf.get(reports.januaryFigure.eventId()));
        assertNull(storyOf.get(reports.groupDenial.eventId()));
        assertNull(storyOf.get(reports.caspianAnalysts.eventId()));
        assertNull(storyOf.get(reports.districtDenial.eventId()));
        assertEquals(9, storyOf.size());
    }

    @Test
    void storiesAreListedByFilterAndPagedWithACursor() {
        given().queryParam("subject", reports.subject).get("/api/stories").then().statusCode(200)
                .body("items.id", equalTo(List.of(storyId)))
                .body("items[0].memberCount", equalTo(4))
                .body("items[0].firstPublished", equalTo("2024-03-06"))
                .body("items[0].sources", containsInAnyOrder("Andrey Kalinin", "Northern Alliance Command",
                        "Andrei Kalinin"))
                .body("next", nullValue());
        given().queryParam("subject", reports.subject).queryParam("source", "andrei kalinin")
                .get("/api/stories").then().statusCode(200).body("items.id", equalTo(List.of(storyId)));
        given().queryParam("subject", reports.subject).queryParam("source", "Rakhimov")
                .get("/api/stories").then().statusCode(200).body("items", hasSize(0));
        given().queryParam("subject", reports.subject).queryParam("from", "2024-03-06")
                .get("/api/stories").then().statusCode(200).body("items", hasSize(0));
        given().queryParam("subject", reports.subject).queryParam("from", "2024-03-01").queryParam("to", "2024-03-05")
                .get("/api/stories").then().statusCode(200).body("items.id", equalTo(List.of(storyId)));

        // a cursor walks every story once, whatever else the database holds
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/stories").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertTrue(seen.contains(storyId));
        assertEquals(seen.size(), seen.stream().distinct().count());
        given().get("/api/stories/no-such-story").then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        given().queryParam("cursor", "forged").get("/api/stories").then().statusCode(400);
    }

    @Test
    void theSameFigureCreditedToTwoSourcesIsAnAttributionConflict() {
        JsonPath conflicts = given().queryParam("subject", reports.subject).get("/api/conflicts").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(6500), conflicts.getList("items.value"));
        assertEquals(List.of("Andrey Kalinin", "Dilshod Rakhimov"), conflicts.getList("items[0].attributions.source"));
        // the command and both spellings of Kalinin are one attribution: the same speaker
        assertEquals(List.of(reports.kalininFigure.eventId(), reports.commandFigure.eventId(),
                        reports.highlandBoth.eventId()).stream().sorted().toList(),
                conflicts.getList("items[0].attributions[0].reports.claimId", String.class).stream().sorted().toList());
        assertEquals(List.of("Frontier Daily"), conflicts.getList("items[0].attributions[1].reports.outlet"));
        assertEquals(List.of("about"), conflicts.getList("items[0].attributions[1].reports.qualifier"));
    }

    @Test
    void aDenialIsLinkedToTheClaimsItDenies() {
        JsonPath denials = given().queryParam("subject", reports.subject).get("/api/denials").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(reports.groupDenial.eventId()), denials.getList("items.denial.claimId"));
        assertEquals("subject", denials.getString("items[0].linkedBy"));
        List<String> denied = denials.getList("items[0].denies.claimId");
        assertTrue(denied.contains(reports.kalininCrossing.eventId()), denied.toString());
        assertTrue(denied.contains(reports.highlandBoth.eventId()), denied.toString());
        assertFalse(denied.contains(reports.groupDenial.eventId()));
        assertFalse(denied.contains(reports.caspianAnalysts.eventId()), "not about the group");
        denials.getList("items[0].denies.stance").forEach(stance -> assertEquals("asserts", stance));

        // A denial naming only a place ("any militants had crossed into the district") is linked to the reports
        // about that place that share its words (Kalinin's crossing) or name a group as the kind of thing denied
        // (the Highland Herald's fighters of the Valley Front who crossed into Karsu).
        JsonPath all = JsonPath.from(allPages("/api/denials"));
        List<Map<String, Object>> district = all.getList("findAll { it.denial.claimId == '"
                + reports.districtDenial.eventId() + "' }");
        assertEquals(1, district.size());
        assertEquals("location", district.get(0).get("linkedBy"));
        List<?> linked = ((List<?>) district.get(0).get("denies")).stream()
                .map(d -> ((Map<?, ?>) d).get("claimId")).toList();
        assertEquals(List.of(reports.kalininCrossing.eventId(), reports.highlandBoth.eventId()).stream().sorted().toList(),
                linked.stream().map(String::valueOf).sorted().toList());
    }

    @Test
    void aSubjectsFiguresFormATimeline() {
        JsonPath timeline = given().get("/api/subjects/" + reports.subject + "/figures").then().statusCode(200)
                .extract().jsonPath();
        List<String> dates = timeline.getList("items.date");
        assertEquals(7, dates.size(), dates.toString()); // 6,500 ×4, 1,200 ×2, 3,000
        assertEquals(dates.stream().sorted().toList(), dates);
        assertEquals(3000, timeline.getInt("items[0].value"));
        assertEquals("2024-01-09", timeline.getString("items[0].date"));
        assertEquals("claimed", timeline.getString("items[0].dateBasis"));
        assertEquals("Andrey Kalinin", timeline.getString("items[0].source.name"));
        assertEquals("Steppe Post", timeline.getString("items[0].outlet"));
        assertEquals("about", timeline.getString("items[0].qualifier"));
        assertNull(timeline.get("items[0].storyId"));
        List<String> stories = timeline.getList("items.storyId");
        assertEquals(5, stories.stream().filter(storyId::equals).count()); // 4 × 6,500 less the minister's, + 2 × 1,200
        given().get("/api/subjects/NO-SUCH-GROUP/figures").then().statusCode(404);
    }

    @Test
    void sourcesMergeSpellingsAndEntitiesCollectAliases() {
        JsonPath sources = JsonPath.from(allPages("/api/sources"));
        List<Map<String, Object>> kalinin = sources.getList("findAll { it.key == 'andrei kalinin' }");
        assertEquals(1, kalinin.size());
        assertEquals(List.of("Andrei Kalinin", "Andrey Kalinin"), kalinin.get(0).get("names"));
        assertTrue(((List<?>) kalinin.get(0).get("organisations")).contains("Northern Alliance Command"));
        JsonPath entities = JsonPath.from(allPages("/api/entities"));
        List<Map<String, Object>> group = entities.getList("findAll { it.id == '" + reports.subject + "' }");
        assertEquals(1, group.size());
        assertEquals(7, group.get(0).get("claimCount"));
        assertEquals(List.of("Valley Front", "the group", "them"), group.get(0).get("aliases"));
    }

    @Test
    void aReExtractionReplacesTheArticlesStoryMembers() {
        ValleyFrontReports other = new ValleyFrontReports(UUID.randomUUID().toString().substring(0, 8));
        publish(other);
        String before = storyOf(other.commandFigure.eventId());
        assertNotNull(before);
        ClaimRecorded reExtracted = TestEvents.claim(other.caspian, "1.1")
                .source("Northern Alliance Command", Claim.Source.ORGANISATION, "The Northern Alliance Command")
                .cue("warned", "warn").content("up to 6,500 Valley Front militants were massing on the riverbank")
                .subject(other.subject, "Valley Front").quantity(6500, "up to", "militants", other.subject)
                .claimedAt("2024-03-05", "day").recorded();
        try (EventProducer producer = EventProducer.connect()) {
            producer.publishInTransaction(Topics.CLAIMS, reExtracted,
                    ValleyFrontReports.processed(other.caspian, "1.1", 1));
        }
        Await.projection().until(() -> reExtracted.eventId().equals(
                given().queryParam("articleId", other.caspian.id()).get("/api/claims").path("items[0].id")));
        String after = storyOf(reExtracted.eventId());
        assertNotNull(after);
        List<String> members = given().get("/api/stories/" + after).then().statusCode(200).extract()
                .path("members.claimId");
        assertTrue(members.contains(reExtracted.eventId()));
        assertFalse(members.contains(other.commandFigure.eventId()), "the old version's claim left the story");
        assertEquals(4, members.size());
        // the old claim is history now: still listed there, in no story
        given().queryParam("articleId", other.caspian.id()).queryParam("history", true).get("/api/claims").then()
                .body("items.findAll { it.id == '" + other.commandFigure.eventId() + "' }.storyId",
                        equalTo(java.util.Collections.singletonList(null)));
        assertEquals(members.stream().sorted().findFirst().get(), after, "a story is named by its smallest member");
        // The ids are random per run: the name stays only if the new member does not sort before it.
        if (!before.equals(other.commandFigure.eventId()) && before.compareTo(reExtracted.eventId()) < 0) {
            assertEquals(before, after, "the story keeps its id when its smallest member stays");
        }
    }

    @Test
    void rebuildingInAnotherOrderGivesTheSameStories() throws Exception {
        Map<String, List<String>> original = stories();
        assertTrue(original.containsKey(storyId));
        servedClaims.rebuild(Comparator.<String>naturalOrder().reversed());
        assertEquals(original, stories());
        servedClaims.rebuild(Comparator.comparing(id -> Integer.toHexString(id.hashCode() * 31)));
        assertEquals(original, stories());
        assertEquals(storyId, storyOf(reports.highlandBoth.eventId()));
    }

    private void publish(ValleyFrontReports r) {
        try (EventProducer producer = EventProducer.connect()) {
            for (ArticleSnapshot article : r.articles()) {
                producer.publish(Topics.ARTICLES, TestEvents.ingested(article));
                List<ClaimRecorded> claims = r.claimsOf(article);
                List<Event> events = new ArrayList<>(claims);
                events.add(ValleyFrontReports.processed(article, ValleyFrontReports.V1, claims.size()));
                producer.publishInTransaction(Topics.CLAIMS, events.toArray(new Event[0]));
            }
        }
        Await.projection().until(() -> r.allClaims().stream().allMatch(c -> served(c.eventId())));
        Await.projection().until(() -> given().queryParam("subject", r.subject).get("/api/stories")
                .then().extract().path("items[0].memberCount").equals(4));
    }

    private boolean served(String claimId) {
        return query("SELECT claim_id, story_id FROM served_claim WHERE claim_id = ?", claimId).size() == 1;
    }

    private String storyOf(String claimId) {
        List<String[]> rows = query("SELECT claim_id, story_id FROM served_claim WHERE claim_id = ?", claimId);
        return rows.isEmpty() ? null : rows.get(0)[1];
    }

    /** Every story with its sorted members. */
    private Map<String, List<String>> stories() {
        Map<String, List<String>> out = new TreeMap<>();
        for (String[] row : query("SELECT claim_id, story_id FROM served_claim WHERE story_id IS NOT NULL"
                + " ORDER BY claim_id", null)) {
            out.computeIfAbsent(row[1], k -> new ArrayList<>()).add(row[0]);
        }
        return out;
    }

    private List<String[]> query(String sql, String parameter) {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** The items of every page of a list, as one JSON array. */
    private static String allPages(String path) {
        List<Object> items = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            cursor = page.getString("next");
        } while (cursor != null);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(items);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
