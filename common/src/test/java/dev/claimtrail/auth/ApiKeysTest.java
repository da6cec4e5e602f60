package dev.claimtrail.auth;

import dev.claimtrail.auth.ApiKeys.Role;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeysTest {

    private static String entry(String name, String salt, String key) {
        return name + ":" + salt + ":" + HexFormat.of().formatHex(ApiKeys.hash(salt, key));
    }

    @Test
    void identifiesTheCallerAndItsRole() {
        ApiKeys keys = ApiKeys.parse(List.of(entry("desk", "a1", "reader-key")), List.of(entry("ops", "b2", "operator-key")));
        assertEquals(new ApiKeys.Caller("desk", Role.READER), keys.callerOf("reader-key").orElseThrow());
        assertEquals(new ApiKeys.Caller("ops", Role.OPERATOR), keys.callerOf("operator-key").orElseThrow());
        assertTrue(keys.callerOf("reader-keyx").isEmpty());
        assertTrue(keys.callerOf("").isEmpty());
        assertTrue(Role.OPERATOR.grants(Role.READER));
        assertFalse(Role.READER.grants(Role.OPERATOR));
    }

    @Test
    void knowsWhichRolesAreConfigured() {
        ApiKeys readersOnly = ApiKeys.parse(List.of(entry("desk", "a1", "k")), List.of());
        assertTrue(readersOnly.has(Role.READER));
        assertFalse(readersOnly.has(Role.OPERATOR));
        assertFalse(ApiKeys.parse(List.of(), List.of()).has(Role.READER));
    }

    @Test
    void malformedEntriesAreNamedWithoutTheirHash() {
        String hash = "zz" + "0".repeat(62);
        IllegalArgumentException notHex = assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.parse(List.of(), List.of("ops:salt:" + hash)));
        assertTrue(notHex.getMessage().contains("claimtrail.auth.operator-keys entry 1"), notHex.getMessage());
        assertFalse(notHex.getMessage().contains(hash));
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(List.of("no-salt"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(List.of("desk:s:abcd"), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.parse(List.of(entry("desk", "a", "k1")), List.of(entry("desk", "b", "k2"))));
    }
}
