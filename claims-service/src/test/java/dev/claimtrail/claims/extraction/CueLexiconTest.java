package dev.claimtrail.claims.extraction;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CueLexiconTest {

    private final CueLexicon lexicon = CueLexicon.standard();

    @Test
    void reportingVerbsAreKnownByLemmaWithTheirStance() {
        assertTrue(lexicon.verb("say").isPresent());
        assertTrue(lexicon.verb("caution").isPresent());
        assertEquals("denies", lexicon.verb("deny").orElseThrow().stance());
        assertTrue(lexicon.verb("reject").orElseThrow().isDenial());
        assertTrue(lexicon.verb("insist").orElseThrow().isReply());
        assertTrue(lexicon.verb("deny").orElseThrow().npContent());
        assertFalse(lexicon.verb("say").orElseThrow().npContent());
        assertTrue(lexicon.particleVerb("play", "down").isPresent());
        assertTrue(lexicon.concernNoun("concern").isPresent());
        assertTrue(lexicon.noun("claim").isPresent());
    }

    @Test
    void everydayVerbsAreNotCues() {
        assertFalse(lexicon.verb("walk").isPresent());
        assertFalse(lexicon.verb("threaten").isPresent()); // "were threatening to take" is an action
        assertFalse(lexicon.particleVerb("point", "at").isPresent());
    }

    @Test
    void triggerFormsSelectSentencesCaseInsensitively() {
        assertTrue(lexicon.isTriggerForm("Said"));
        assertTrue(lexicon.isTriggerForm("according"));
        assertTrue(lexicon.isTriggerForm("reportedly"));
        assertFalse(lexicon.isTriggerForm("bridge"));
    }
}
