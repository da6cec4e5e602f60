package dev.claimtrail.query.stories;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.events.Ids;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import dev.claimtrail.query.claims.ClaimProjection;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Measurement, not a check (not run by the build): projects a dump of /api/claims (ndjson, e.g. the
 * system test's seeds-claims.ndjson) through the real claims projection into the database, then
 * writes /api/claims back out (now with storyId) for shared/eval/score.py and prints the stories,
 * conflicts and denials the API serves. Run with
 * {@code -Dtest=SeedViewsReport -Dclaimtrail.seeds.claims=IN.ndjson -Dclaimtrail.seeds.out=OUT.ndjson}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class SeedViewsReport {

    @Inject
    ClaimProjection projection;

    @Test
    void projectTheDumpAndReadTheViews() throws Exception {
        String in = System.getProperty("claimtrail.seeds.claims");
        String out = System.getProperty("claimtrail.seeds.out");
        Assumptions.assumeTrue(in != null && out != null, "no dump given");
        Map<String, List<Claim>> byArticle = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(in))) {
            if (!line.isBlank()) {
                Claim claim = EventCodec.mapper().readValue(line, Claim.class);
                byArticle.computeIfAbsent(claim.article().id(), k -> new ArrayList<>()).add(claim);
            }
        }
        String topic = "seeds-" + UUID.randomUUID();
        long offset = 0;
        for (List<Claim> claims : byArticle.values()) {
            for (Claim claim : claims) {
                projection.onRecord(record(topic, offset++, new ClaimRecorded(ClaimRecorded.SCHEMA_VERSION, claim.id(),
                        Instant.now(), claim)));
            }
            Claim first = claims.get(0);
            projection.onRecord(record(topic, offset++, new ArticleProcessed(ArticleProcessed.SCHEMA_VERSION,
                    Ids.processedEventId(first.article().id(), first.article().revision(), first.extractor().version()),
                    Instant.now(), first.article().id(), first.article().revision(), first.extractor(), claims.size(),
                    ArticleProcessed.EXTRACTED, null)));
        }
        StringBuilder dump = new StringBuilder();
        for (String article : byArticle.keySet()) {
            String ndjson = given().accept("application/x-ndjson").queryParam("articleId", article).get("/api/claims")
                    .then().statusCode(200).extract().asString();
            dump.append(ndjson);
        }
        Files.writeString(Path.of(out), dump);
        for (JsonNode story : EventCodec.mapper().readTree(given().queryParam("limit", 500).get("/api/stories").asString())
                .get("items")) {
            System.out.println("STORY " + story);
        }
        System.out.println("CONFLICTS " + given().get("/api/conflicts").asString());
        for (JsonNode denial : EventCodec.mapper().readTree(given().get("/api/denials").asString()).get("items")) {
            System.out.println("DENIAL " + denial.at("/denial/externalId") + " " + denial.at("/denial/source/name")
                    + ": " + denial.at("/denial/content"));
            for (JsonNode denied : denial.get("denies")) {
                System.out.println("    denies " + denied.get("externalId") + " " + denied.at("/source/name") + ": "
                        + denied.get("content"));
            }
        }
    }

    private static ConsumerRecord<String, String> record(String topic, long offset, Event event) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, offset, event.articleId(),
                EventCodec.toJson(event));
        CloudEvents.headers(event, "/seeds", Instant.now()).forEach((name, value) ->
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
