package dev.claimtrail.query.infra;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysetCursorTest {

    @Test
    void roundTrips() {
        assertEquals(123456789L, KeysetCursor.decode(KeysetCursor.encode(123456789L)));
    }

    @Test
    void isOpaqueAndUrlSafe() {
        String cursor = KeysetCursor.encode(Long.MAX_VALUE);
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
        assertTrue(!cursor.contains(Long.toString(Long.MAX_VALUE)));
    }

    @Test
    void noCursorStartsAtTheBeginning() {
        assertEquals(0L, KeysetCursor.decode(null));
        assertEquals(0L, KeysetCursor.decode(""));
    }

    @Test
    void foreignCursorsAreBadRequests() {
        for (String bad : new String[] {"12", "not base64!", KeysetCursor.encode(5).substring(1), "c2VxOi0x"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> KeysetCursor.decode(bad), bad);
            assertEquals(400, e.status());
        }
    }
}
