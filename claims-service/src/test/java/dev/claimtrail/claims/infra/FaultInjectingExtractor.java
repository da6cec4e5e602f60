package dev.claimtrail.claims.infra;

import dev.claimtrail.claims.extraction.ClaimExtractor;
import dev.claimtrail.claims.extraction.CoreNlpClaimExtractor;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only fault injection: the real extractor, except that it throws on any article whose text holds
 * a marker a test has armed, until the test disarms it (the "fix"). Enabled only by test profiles that
 * also exclude {@link ExtractorProducer}, so the CoreNLP pipeline is loaded once.
 */
@Alternative
@Singleton
public class FaultInjectingExtractor implements ClaimExtractor {

    private static final Set<String> ARMED = ConcurrentHashMap.newKeySet();

    private final ClaimExtractor real;

    public FaultInjectingExtractor(@ConfigProperty(name = "claimtrail.extraction.version") String version) {
        this.real = RelabelledExtractor.forVersion(new CoreNlpClaimExtractor(), version);
    }

    public static void failOn(String marker) {
        ARMED.add(marker);
    }

    public static void fix(String marker) {
        ARMED.remove(marker);
    }

    @Override
    public Claim.Extractor descriptor() {
        return real.descriptor();
    }

    @Override
    public List<Claim> extract(ArticleSnapshot article) {
        for (String marker : ARMED) {
            if (article.text().contains(marker)) {
                throw new IllegalStateException("injected fault on marker " + marker);
            }
        }
        return real.extract(article);
    }
}
