package dev.claimtrail.query.served;

import dev.claimtrail.events.Claim;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceIdentityTest {

    @Test
    void transliterationVariantsCaseAccentsAndTitlesGiveOneName() {
        assertEquals("andrei serdyukov", SourceIdentity.canonical("Andrey Serdyukov"));
        assertEquals("andrei serdyukov", SourceIdentity.canonical("General Andrei Serdyukov"));
        assertEquals(SourceIdentity.canonical("Alexander Bortnikov"), SourceIdentity.canonical("Aleksandr Bortnikov"));
        assertEquals(SourceIdentity.canonical("Anatoly Sidorov"), SourceIdentity.canonical("Anatoliy Sidorov"));
        assertEquals(SourceIdentity.canonical("Semyon Grigoryev"), SourceIdentity.canonical("Semen Grigoriev"));
        assertEquals("csto", SourceIdentity.canonical("the CSTO"));
        assertEquals("karim abadi", SourceIdentity.canonical("Karim Abadí"));
    }

    @Test
    void aBodyAndSomeoneSpeakingForItAreTheSameSourceTwoOfItsPeopleAreNot() {
        Claim.Source csto = source("CSTO", Claim.Source.ORGANISATION, null);
        Claim.Source sidorov = source("Anatoly Sidorov", Claim.Source.PERSON, "the CSTO");
        Claim.Source zas = source("Stanislav Zas", Claim.Source.PERSON, "CSTO");
        assertTrue(SourceIdentity.same(csto, sidorov));
        assertTrue(SourceIdentity.same(sidorov, csto));
        assertFalse(SourceIdentity.same(sidorov, zas));
        assertTrue(SourceIdentity.same(sidorov, source("Sidorov", Claim.Source.PERSON, null)));
        assertTrue(SourceIdentity.same(sidorov, source("A. Sidorov", Claim.Source.PERSON, null)));
        assertFalse(SourceIdentity.same(sidorov, source("Ivan Sidorov", Claim.Source.PERSON, null)));
        assertFalse(SourceIdentity.same(csto, source("unnamed source", Claim.Source.UNNAMED, null)));
    }

    @Test
    void sourcesThatCanBeTheSameShareABlockingKey() {
        Claim.Source[] sources = {
                source("CSTO", Claim.Source.ORGANISATION, null),
                source("Anatoly Sidorov", Claim.Source.PERSON, "CSTO"),
                source("Sidorov", Claim.Source.PERSON, null),
                source("Taliban", Claim.Source.PERSON, null),
                source("the Taliban", Claim.Source.GROUP, null),
                source("CSTO Joint Staff", Claim.Source.ORGANISATION, "CSTO")};
        for (Claim.Source a : sources) {
            for (Claim.Source b : sources) {
                if (SourceIdentity.same(a, b)) {
                    Set<String> shared = new HashSet<>(SourceIdentity.blockingKeys(a));
                    shared.retainAll(SourceIdentity.blockingKeys(b));
                    assertFalse(shared.isEmpty(), a.name() + " / " + b.name());
                }
            }
        }
    }

    private static Claim.Source source(String name, String type, String organisation) {
        return new Claim.Source(name, type, null, organisation, null);
    }
}
