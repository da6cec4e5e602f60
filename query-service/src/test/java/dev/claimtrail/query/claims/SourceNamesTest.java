package dev.claimtrail.query.claims;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SourceNamesTest {

    @Test
    void ignoresCaseAccentsAndExtraSpace() {
        assertEquals("jose maria alvarez", SourceNames.normalise("  José  María ÁLVAREZ "));
    }

    @Test
    void keepsNull() {
        assertNull(SourceNames.normalise(null));
    }
}
