package dev.claimtrail.query.claims;

import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ClaimEvent;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.EventDecodingException;
import dev.claimtrail.query.infra.DatabaseOutages;
import dev.claimtrail.query.infra.DeadLetters;
import dev.claimtrail.query.infra.KafkaRecords;
import dev.claimtrail.query.infra.ProjectionMode;
import dev.claimtrail.query.infra.ProjectionOffsetStore;
import dev.claimtrail.query.infra.StoredInstants;
import dev.claimtrail.query.served.ServedClaimsProjection;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Projects the {@code claims} log: every ClaimRecorded becomes a {@code claim} row (the history of
 * every extractor version is kept), every ArticleProcessed an {@code article_processing} row that may
 * change which revision and extractor version of the article is served.
 */
@ApplicationScoped
public class ClaimProjection {

    private static final Logger LOG = Logger.getLogger(ClaimProjection.class);

    /** The newest revision first, then the newest extractor version. */
    public static final Comparator<ArticleProcessingEntity> SERVING_ORDER =
            Comparator.<ArticleProcessingEntity>comparingInt(p -> p.revision)
                    .thenComparing(p -> p.extractorVersion, ExtractorVersions.ORDER)
                    .reversed();

    @ConfigProperty(name = "mp.messaging.incoming.claims-in.group.id")
    String consumerGroup;

    @Inject
    ProjectionOffsetStore offsets;

    @Inject
    EntityManager entityManager;

    @Inject
    ServedClaimsProjection servedClaims;

    @Inject
    @Channel("claims-dlq")
    MutinyEmitter<String> deadLetters;

    /**
     * The live consumer: applies each record in a transaction of its own, waiting out a database outage
     * in place rather than stopping the channel.
     */
    @Incoming("claims-in")
    @Blocking
    @WithSpan("project claims record") // a child of the record's trace (the connector's consumer span is current)
    public void consume(ConsumerRecord<String, String> record) {
        DatabaseOutages.retryWhileUnreachable("claims " + record.partition() + "/" + record.offset(),
                () -> QuarkusTransaction.requiringNew().run(() -> onRecord(record)));
    }

    /** Applies one record, its rows and its offset in one transaction (the caller's, if it has one). */
    @Transactional
    public void onRecord(ConsumerRecord<String, String> record) {
        if (offsets.alreadyApplied(consumerGroup, record)) {
            return;
        }
        apply(record);
        offsets.advance(consumerGroup, record);
    }

    /** The consumer group whose positions this projection stores (a rebuild stores its under the same key). */
    public String consumerGroup() {
        return consumerGroup;
    }

    /**
     * Applies one record's rows in the caller's transaction, without touching its stored offset: the live
     * handler above wraps it with the redelivery check and the offset, a rebuild applies many records per
     * transaction and stores the offsets per batch. An undecodable record is dead-lettered only live; a
     * rebuild reads it again long after it was dead-lettered and passes over it.
     */
    public void apply(ConsumerRecord<String, String> record) {
        ClaimEvent event;
        try {
            event = KafkaRecords.decode(record, ClaimEvent.class);
        } catch (EventDecodingException e) {
            if (ProjectionMode.live()) {
                LOG.warnf("claims %d/%d dead-lettered: %s", record.partition(), record.offset(), e.getMessage());
                DeadLetters.send(deadLetters, consumerGroup, record, e);
            }
            return;
        }
        if (event instanceof ClaimRecorded recorded) {
            record(recorded);
        } else if (event instanceof ArticleProcessed processed) {
            processed(processed);
        }
    }

    /**
     * Applies an event an operator sent back from the dead-letter topic (admin redrive). Its offset was
     * advanced when it was dead-lettered; claims and processings are keyed by deterministic ids, so a
     * repeated redrive changes nothing.
     */
    @Transactional
    public void applyRedriven(ClaimEvent event) {
        if (event instanceof ClaimRecorded recorded) {
            record(recorded);
        } else if (event instanceof ArticleProcessed processed) {
            processed(processed);
        }
    }

    /**
     * Inserts the claim unless its id is known: claim ids are deterministic, so a claim recorded again
     * (a re-run of the same extractor version, a producer retry) is the same row.
     */
    void record(ClaimRecorded event) {
        ClaimRow row = ClaimRow.of(event);
        Object[] values = row.values();
        var insert = entityManager.createNativeQuery("INSERT INTO claim (" + ClaimRow.COLUMNS + """
                        ) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                            CAST(?17 AS jsonb), ?18)
                        ON CONFLICT (id) DO NOTHING""");
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof LocalDate date) {
                value = Date.valueOf(date);
            } else if (value instanceof Instant instant) {
                value = Timestamp.from(instant);
            }
            insert.setParameter(i + 1, value);
        }
        if (insert.executeUpdate() == 0) {
            return;
        }
        for (String[] subject : row.subjects()) {
            entityManager.createNativeQuery(
                            "INSERT INTO claim_subject (claim_id, subject_id, alias) VALUES (?1, ?2, ?3)")
                    .setParameter(1, row.id())
                    .setParameter(2, subject[0])
                    .setParameter(3, subject[1])
                    .executeUpdate();
        }
        String articleId = row.articleId();
        String extractorName = row.extractorName();
        String extractorVersion = row.extractorVersion();
        // Claims normally precede their ArticleProcessed; one recorded late for the version already
        // served joins the cross-article views now.
        ArticleServingEntity serving = ArticleServingEntity.findById(articleId);
        if (serving != null && serving.revision == row.articleRevision()
                && serving.extractorName.equals(extractorName) && serving.extractorVersion.equals(extractorVersion)) {
            servedClaims.sync(articleId);
        }
    }

    /**
     * Whether a processing event whose id is already stored replaces the stored one. The same event id
     * again is a redelivery, unless a failed run was redriven by an operator: claims-service then closes
     * the revision again, same id, with the outcome that replaces it.
     */
    public static boolean replaces(String outcome, String storedOutcome) {
        return ArticleProcessed.FAILED.equals(storedOutcome) && !ArticleProcessed.FAILED.equals(outcome);
    }

    /**
     * Records the processing and re-decides what the article serves: the newest revision that any
     * extractor version completed, and for it the newest version. A failed run completes nothing, so
     * it never displaces a version that worked.
     */
    void processed(ArticleProcessed event) {
        String name = event.extractor().name();
        String version = event.extractor().version();
        ArticleProcessingEntity processing = ArticleProcessingEntity.findById(event.eventId());
        if (processing != null) {
            if (!replaces(event.outcome(), processing.outcome)) {
                return;
            }
        } else if (ArticleProcessingEntity.exists(event.articleId(), event.articleRevision(), name, version)) {
            return;
        } else {
            processing = new ArticleProcessingEntity();
            processing.eventId = event.eventId();
        }
        processing.articleId = event.articleId();
        processing.revision = event.articleRevision();
        processing.extractorName = name;
        processing.extractorVersion = version;
        processing.claimCount = event.claimCount();
        processing.outcome = event.outcome();
        processing.reason = event.reason();
        processing.processedAt = StoredInstants.of(event.processedAt());
        processing.persist();
        entityManager.flush();

        List<ArticleProcessingEntity> runs = ArticleProcessingEntity.ofArticle(event.articleId());
        Optional<ArticleProcessingEntity> best = runs.stream()
                .filter(run -> !ArticleProcessed.FAILED.equals(run.outcome))
                .min(SERVING_ORDER);
        if (best.isEmpty()) {
            return;
        }
        ArticleProcessingEntity chosen = best.get();
        ArticleServingEntity serving = ArticleServingEntity.findById(event.articleId());
        if (serving == null) {
            serving = new ArticleServingEntity();
            serving.articleId = event.articleId();
        }
        serving.revision = chosen.revision;
        serving.extractorName = chosen.extractorName;
        serving.extractorVersion = chosen.extractorVersion;
        serving.claimCount = chosen.claimCount;
        serving.processedAt = chosen.processedAt;
        serving.persist();
        servedClaims.sync(event.articleId());
    }
}
