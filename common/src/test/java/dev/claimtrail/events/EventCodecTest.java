package dev.claimtrail.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {

    @Test
    void readsABodyWithFieldsAddedByALaterVersion() {
        String json = EventCodec.toJson(EventFixtures.articleProcessed());
        String withNewField = json.substring(0, json.length() - 1) + ",\"someFutureField\":{\"x\":1}}";
        assertEquals(EventFixtures.articleProcessed(), EventCodec.fromJson(ArticleProcessed.TYPE, withNewField));
    }

    @Test
    void readsABodyWithoutSchemaVersionAsVersionOne() {
        String json = EventCodec.toJson(EventFixtures.articleIngested()).replace("\"schemaVersion\":1,", "");
        assertEquals(1, EventCodec.fromJson(ArticleIngested.TYPE, json).schemaVersion());
    }

    @Test
    void refusesUnknownTypesAndBrokenBodies() {
        assertThrows(EventDecodingException.class, () -> EventCodec.fromJson("dev.claimtrail.nope", "{}"));
        assertThrows(EventDecodingException.class, () -> EventCodec.fromJson((String) null, "{}"));
        assertThrows(EventDecodingException.class, () -> EventCodec.fromJson(ArticleIngested.TYPE, "{\"eventId\":"));
        assertThrows(EventDecodingException.class, () -> EventCodec.fromJson(ArticleIngested.TYPE, "[1,2]"));
        assertThrows(EventDecodingException.class, () -> EventCodec.fromJson(ArticleIngested.TYPE, ""));
    }

    @Test
    void refusesBodiesMissingWhatGivesThemMeaning() {
        assertThrows(EventDecodingException.class,
                () -> EventCodec.fromJson(ArticleIngested.TYPE, "{\"schemaVersion\":1,\"eventId\":\"e1\"}"));
        assertThrows(EventDecodingException.class,
                () -> EventCodec.fromJson(ClaimRecorded.TYPE, "{\"schemaVersion\":1,\"eventId\":\"e1\",\"claim\":{}}"));
        assertThrows(EventDecodingException.class,
                () -> EventCodec.fromJson(ArticleProcessed.TYPE, "{\"schemaVersion\":1,\"eventId\":\"e1\"}"));
    }

    @Test
    void binaryModeHeadersCarryTypeIdSubjectAndSchemaVersion() {
        ClaimRecorded event = EventFixtures.claimRecorded();
        Map<String, String> headers = CloudEvents.headers(event, "/claimtrail/claims-service", Instant.parse("2024-03-04T10:15:31Z"));
        assertEquals("1.0", headers.get("ce_specversion"));
        assertEquals(ClaimRecorded.TYPE, headers.get("ce_type"));
        assertEquals(event.eventId(), headers.get("ce_id"));
        assertEquals(EventFixtures.ARTICLE_ID, headers.get("ce_subject"));
        assertEquals("2024-03-04T10:15:31Z", headers.get("ce_time"));
        assertEquals("1", headers.get("ce_schemaversion"));
        assertEquals("application/json", headers.get("content-type"));
    }

    @Test
    void claimListsAreNeverNull() {
        Claim claim = new Claim("id", Claim.ATTRIBUTED, null, null, null, null, Claim.ASSERTS, false,
                null, null, null, null, null, null, null);
        assertTrue(claim.subjects().isEmpty() && claim.quantities().isEmpty()
                && claim.locations().isEmpty() && claim.via().isEmpty());
    }
}
