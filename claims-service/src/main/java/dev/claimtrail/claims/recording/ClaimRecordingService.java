package dev.claimtrail.claims.recording;

import dev.claimtrail.claims.extraction.ClaimExtractor;
import dev.claimtrail.events.ArticleEvent;
import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimEvent;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one article revision into the events of the claim log: one ClaimRecorded per claim, then
 * exactly one ArticleProcessed that closes the revision for this extractor version. An extractor
 * failure is not allowed to stop the stream: it becomes an ArticleProcessed with outcome
 * {@code failed} and a dead letter, so the article is accounted for and can be re-driven.
 */
@ApplicationScoped
public class ClaimRecordingService {

    private static final Logger LOG = Logger.getLogger(ClaimRecordingService.class);

    private final ClaimExtractor extractor;
    private final Clock clock;

    @Inject
    public ClaimRecordingService(ClaimExtractor extractor) {
        this(extractor, Clock.systemUTC());
    }

    ClaimRecordingService(ClaimExtractor extractor, Clock clock) {
        this.extractor = extractor;
        this.clock = clock;
    }

    public Claim.Extractor extractor() {
        return extractor.descriptor();
    }

    /** What one article revision adds to the claim log, in the order it must be written. */
    public Recording record(ArticleEvent event) {
        ArticleSnapshot article = event.article();
        Claim.Extractor descriptor = extractor.descriptor();
        String processedId = Ids.processedEventId(article.id(), article.revision(), descriptor.version());
        Instant now = clock.instant();
        List<Claim> claims;
        try {
            claims = extractor.extract(article);
        } catch (RuntimeException | StackOverflowError e) {
            // The reason travels with the dead letter; the log keeps the stack for whoever fixes it.
            LOG.errorf(e, "extractor %s failed on article %s revision %d", descriptor.version(), article.id(), article.revision());
            String reason = "extractor failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
            ArticleProcessed failed = new ArticleProcessed(ArticleProcessed.SCHEMA_VERSION, processedId, now,
                    article.id(), article.revision(), descriptor, 0, ArticleProcessed.FAILED, reason);
            return new Recording(List.of(failed), reason);
        }
        List<ClaimEvent> events = new ArrayList<>(claims.size() + 1);
        for (Claim claim : claims) {
            events.add(new ClaimRecorded(ClaimRecorded.SCHEMA_VERSION, claim.id(), now, claim));
        }
        String outcome = claims.isEmpty() ? ArticleProcessed.NO_CLAIMS : ArticleProcessed.EXTRACTED;
        String reason = claims.isEmpty() ? "no attributed claim found" : null;
        events.add(new ArticleProcessed(ArticleProcessed.SCHEMA_VERSION, processedId, now,
                article.id(), article.revision(), descriptor, claims.size(), outcome, reason));
        return new Recording(events, null);
    }

    /**
     * @param events         what goes to the {@code claims} topic, in order
     * @param deadLetterReason non-null when the source record must also go to the dead-letter topic
     */
    public record Recording(List<ClaimEvent> events, String deadLetterReason) {
    }
}
