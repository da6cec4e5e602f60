package dev.claimtrail.query.claims;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractorVersionsTest {

    @Test
    void comparesSegmentsNumericallyNotAsText() {
        assertTrue(ExtractorVersions.compare("1.10.0", "1.9.2") > 0);
        assertTrue(ExtractorVersions.compare("2", "10") < 0);
        assertTrue(ExtractorVersions.compare("0.2.0", "0.11.0") < 0);
    }

    @Test
    void missingSegmentsCountAsZeroAndLeadingZerosDoNotMatter() {
        assertEquals(0, ExtractorVersions.compare("1.2", "1.2.0"));
        assertEquals(0, ExtractorVersions.compare("1.02", "1.2"));
        assertTrue(ExtractorVersions.compare("1.2.1", "1.2") > 0);
    }

    @Test
    void aReleaseIsNewerThanItsPreRelease() {
        assertTrue(ExtractorVersions.compare("1.0.0", "1.0.0-rc1") > 0);
        assertTrue(ExtractorVersions.compare("1.0.0-rc2", "1.0.0-rc1") > 0);
        assertTrue(ExtractorVersions.compare("1.0.1-rc1", "1.0.0") > 0);
    }

    @Test
    void hugeNumbersDoNotOverflow() {
        assertTrue(ExtractorVersions.compare("1.99999999999999999999", "1.9999999999999999999") > 0);
    }

    @Test
    void sortsAListOfVersions() {
        List<String> versions = new ArrayList<>(List.of("1.10", "1.2", "1.0.0-rc1", "0.9", "1.0"));
        versions.sort(ExtractorVersions.ORDER);
        assertEquals(List.of("0.9", "1.0.0-rc1", "1.0", "1.2", "1.10"), versions);
    }

    /** A re-run of the same code under a label ({@code ./claimtrail reextract --version 1.0.0+rerun2}). */
    @Test
    void buildMetadataIsNewerThanTheBareVersionAndOlderThanTheNextRelease() {
        assertTrue(ExtractorVersions.compare("1.0.0+rerun2", "1.0.0") > 0);
        assertTrue(ExtractorVersions.compare("1.0.0", "1.0.0+rerun2") < 0);
        assertTrue(ExtractorVersions.compare("1.0.1", "1.0.0+rerun2") > 0);
        assertTrue(ExtractorVersions.compare("1.0.0+rerun10", "1.0.0+rerun2") > 0);
        assertTrue(ExtractorVersions.compare("1.0.0+b.2", "1.0.0+a.9") > 0);
        assertEquals(0, ExtractorVersions.compare("1.0.0+rerun2", "1.0.0+rerun2"));
        assertTrue(ExtractorVersions.compare("1.0.0+rerun02", "1.0.0+rerun2") != 0, "a total order: distinct labels differ");
        assertEquals(Integer.signum(ExtractorVersions.compare("1.0.0+rerun02", "1.0.0+rerun2")),
                -Integer.signum(ExtractorVersions.compare("1.0.0+rerun2", "1.0.0+rerun02")));
        List<String> versions = new ArrayList<>(List.of("1.0.0+rerun10", "1.1.0", "1.0.0", "1.0.0+rerun2", "1.0.0-rc1"));
        versions.sort(ExtractorVersions.ORDER);
        assertEquals(List.of("1.0.0-rc1", "1.0.0", "1.0.0+rerun2", "1.0.0+rerun10", "1.1.0"), versions);
    }
}
