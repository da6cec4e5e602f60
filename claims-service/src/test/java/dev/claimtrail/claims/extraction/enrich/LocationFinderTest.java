package dev.claimtrail.claims.extraction.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.claimtrail.events.Claim;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocationFinderTest {

    private final LocationFinder finder = LocationFinder.curated();

    private List<String> names(String text, List<int[]> ner) {
        return finder.find(text, 0, text.length(), ner).stream().map(Claim.Location::name).toList();
    }

    @Test
    void gazetteerNamesAreCanonicalAndDeduplicated() {
        assertEquals(List.of("Tajikistan", "Kunduz", "Kyrgyzstan"),
                names("Fighters from the Republic of Tajikistan moved to Kunduz province; Tajikistan and the Kyrgyz "
                        + "Republic protested.", List.of()));
    }

    @Test
    void compassWordsMakePartsOfACountry() {
        assertEquals(List.of("northern Afghanistan", "southern Pakistan"),
                names("Camps in the northern provinces of Afghanistan and in southern Pakistan grew.", List.of()));
    }

    @Test
    void adjectivesArePlacesOnlyBeforePlaceNouns() {
        assertEquals(List.of("Uzbekistan"), names("Uzbek territory was shelled.", List.of()));
        assertEquals(List.of(), names("Uzbek refugees and Kyrgyz nationals fled.", List.of()));
        assertEquals(List.of("Kyrgyz-Tajik border"), names("Clashes on the Kyrgyz-Tajik border resumed.", List.of()));
        assertEquals(List.of("Central Asia"), names("It threatens the Central Asian states.", List.of()));
    }

    @Test
    void placesInsideEntityNamesAreNotPlaces() {
        assertEquals(List.of("Iran"), names("The Tehrik-e-Taliban Pakistan and Jaish al-Adl met in Iran.", List.of()));
    }

    @Test
    void capitalisationAndAcronymsMatter() {
        assertEquals(List.of("Turkey", "United States"), names("They ate turkey with us in Turkey and the US.",
                List.of()));
    }

    @Test
    void nerSpansAddUnknownPlacesAsWritten() {
        String text = "A madrassa in the Shighnan district near Khorog was named.";
        int s = text.indexOf("Shighnan");
        int k = text.indexOf("Khorog");
        List<Claim.Location> found = finder.find(text, 0, text.length(),
                List.of(new int[] {s, s + "Shighnan district".length()}, new int[] {k, k + 6}));
        assertEquals(List.of("Shighnan district", "Khorog"), found.stream().map(Claim.Location::name).toList());
        assertEquals(s, found.get(0).start());
        assertEquals(k + 6, found.get(1).end());
    }

    @Test
    void onlyTheRangeIsRead() {
        String text = "Kabul said so. Tashkent agreed.";
        int s = text.indexOf("Tashkent");
        assertEquals(List.of("Tashkent"), finder.find(text, s, text.length(), List.of()).stream()
                .map(Claim.Location::name).toList());
    }
}
