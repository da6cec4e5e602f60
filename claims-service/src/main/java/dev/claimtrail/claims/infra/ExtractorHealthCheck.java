package dev.claimtrail.claims.infra;

import dev.claimtrail.claims.extraction.ClaimExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the NLP pipeline is loaded: before that, nothing could be extracted. */
@Readiness
@ApplicationScoped
public class ExtractorHealthCheck implements HealthCheck {

    private final ClaimExtractor extractor;

    public ExtractorHealthCheck(ClaimExtractor extractor) {
        this.extractor = extractor;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("extractor")
                .withData("name", extractor.descriptor().name())
                .withData("version", extractor.descriptor().version())
                .up().build();
    }
}
