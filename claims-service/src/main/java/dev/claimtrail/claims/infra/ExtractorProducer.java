package dev.claimtrail.claims.infra;

import dev.claimtrail.claims.extraction.ClaimExtractor;
import dev.claimtrail.claims.extraction.CoreNlpClaimExtractor;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Loads the CoreNLP pipeline when the service starts (several seconds) rather than on the first
 * article, so readiness means the service can actually extract.
 */
public class ExtractorProducer {

    private static final Logger LOG = Logger.getLogger(ExtractorProducer.class);

    @Produces
    @Singleton
    @Startup
    ClaimExtractor claimExtractor(ExtractionConfig config) {
        long started = System.nanoTime();
        // A mismatch would file a new version's claims under the old version's consumer group; only the
        // code's own version, or it plus a re-run label (1.0.0+rerun2), is accepted.
        ClaimExtractor extractor = RelabelledExtractor.forVersion(new CoreNlpClaimExtractor(), config.version());
        LOG.infof("extractor %s %s loaded in %d ms", extractor.descriptor().name(), extractor.descriptor().version(),
                (System.nanoTime() - started) / 1_000_000);
        return extractor;
    }
}
