package dev.claimtrail.claims.extraction.enrich;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Regression guard on the seed gold: prints the agreement figures and fails if they fall well below what the
 * finders reach today. Skipped where the shared gold is not present.
 */
class GoldAgreementTest {

    @Test
    void agreementWithSeedGold() throws Exception {
        // shared/ lies beside the repository; tests run in the module directory.
        Path shared = Path.of("..", "..", "shared").toAbsolutePath().normalize();
        Path gold = shared.resolve("eval/seeds.gold.json");
        Path seeds = shared.resolve("seeds");
        assumeTrue(Files.isReadable(gold) && Files.isDirectory(seeds), "seed gold not available");
        GoldAgreement.Result r = GoldAgreement.measure(gold, seeds, false);
        GoldAgreement.print(r);
        // regression floors a little under today's figures (subjects 1.00, quantities 1.00, occasion dates 1.00)
        assertTrue(r.subjects() >= 0.9, "subjects exact " + r.subjects());
        assertTrue(r.quantities() >= 0.9, "quantities " + r.quantities());
        assertTrue(r.occasion() >= 0.85, "claimed_at with carry-over " + r.occasion());
        assertTrue(r.extraQuantities() <= 2, "figures where gold has none: " + r.extraQuantities());
    }
}
