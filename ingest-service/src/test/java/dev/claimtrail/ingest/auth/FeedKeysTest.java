package dev.claimtrail.ingest.auth;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedKeysTest {

    private static String entry(String name, String salt, String key) {
        return name + ":" + salt + ":" + HexFormat.of().formatHex(FeedKeys.hash(salt, key));
    }

    @Test
    void findsTheFeedOfAKeyAndNothingForOthers() {
        FeedKeys keys = FeedKeys.parse(List.of(entry("dawn", "a1", "key-one"), entry("ledger", "b2", "key-two")));
        assertEquals(Optional.of("dawn"), keys.feedOf("key-one"));
        assertEquals(Optional.of("ledger"), keys.feedOf("key-two"));
        assertEquals(Optional.empty(), keys.feedOf("key-three"));
        assertEquals(Optional.empty(), keys.feedOf(""));
    }

    @Test
    void theHashIsSha256OfSaltThenKeySoAShellCanMakeIt() {
        // printf '%s%s' "s4lt" "my-feed-key" | sha256sum
        assertEquals("4aeb7dd19250869ef5de0d9b57967b3a0a60b4fb7b353a22463c631980114e52", HexFormat.of().formatHex(FeedKeys.hash("s4lt", "my-feed-key")));
        // The same key under another salt is another hash: a leaked list cannot be matched against a table.
        assertNotEquals(HexFormat.of().formatHex(FeedKeys.hash("a", "k")), HexFormat.of().formatHex(FeedKeys.hash("b", "k")));
    }

    @Test
    void malformedEntriesFailNamingTheEntryButNotTheHash() {
        String badHex = "dawn:salt:" + "zz".repeat(32);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeedKeys.parse(List.of(badHex)));
        assertEquals("claimtrail.auth.feed-keys entry 1 (feed 'dawn') has a hash that is not hex", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FeedKeys.parse(List.of("dawn:" + "ab".repeat(32))));
        assertEquals("claimtrail.auth.feed-keys entry 1 must be name:salt:sha256hex", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FeedKeys.parse(List.of(entry("dawn", "s", "k"), entry("dawn", "t", "l"))));
        assertTrue(e.getMessage().contains("repeats feed 'dawn'"), e.getMessage());
    }
}
