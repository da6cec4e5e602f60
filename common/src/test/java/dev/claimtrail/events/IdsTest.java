package dev.claimtrail.events;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class IdsTest {

    @Test
    void idsAreDeterministicSoReplaysAgree() {
        assertEquals(Ids.articleId("url:https://a.example/x"), Ids.articleId("url:https://a.example/x"));
        assertEquals(Ids.claimId("a", 1, "1.0.0", 0, 5, 6, 10, 11, 40), Ids.claimId("a", 1, "1.0.0", 0, 5, 6, 10, 11, 40));
    }

    @Test
    void claimIdsDependOnVersionRevisionAndEverySpan() {
        String base = Ids.claimId("a", 1, "1.0.0", 0, 5, 6, 10, 11, 40);
        assertNotEquals(base, Ids.claimId("a", 1, "1.0.1", 0, 5, 6, 10, 11, 40));
        assertNotEquals(base, Ids.claimId("a", 2, "1.0.0", 0, 5, 6, 10, 11, 40));
        assertNotEquals(base, Ids.claimId("b", 1, "1.0.0", 0, 5, 6, 10, 11, 40));
        assertNotEquals(base, Ids.claimId("a", 1, "1.0.0", 1, 5, 6, 10, 11, 40));
        assertNotEquals(base, Ids.claimId("a", 1, "1.0.0", 0, 5, 7, 10, 11, 40));
        assertNotEquals(base, Ids.claimId("a", 1, "1.0.0", 0, 5, 6, 10, 11, 41));
    }

    @Test
    void idsAreVersionFiveUuids() {
        UUID id = UUID.fromString(Ids.articleId("ext:feed-1"));
        assertEquals(5, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void sha256MatchesTheKnownVector() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Ids.sha256Hex("abc"));
    }
}
