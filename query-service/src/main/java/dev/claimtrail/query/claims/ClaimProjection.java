package dev.claimtrail.query.claims;

import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimEvent;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.events.EventDecodingException;
import dev.claimtrail.query.infra.DatabaseOutages;
import dev.claimtrail.query.infra.DeadLetters;
import dev.claimtrail.query.infra.KafkaRecords;
import dev.claimtrail.query.infra.ProjectionMode;
import dev.claimtrail.query.infra.ProjectionOffsetStore;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Projects the {@code claims} log: every ClaimRecorded becomes a {@code claim} row (the history of
 * every extractor version is kept), every ArticleProcessed an {@code article_processing} row that may
 * change which revision and extractor version of the article is served.
 */
@ApplicationScoped
public class ClaimProjection {

    private static final Logger LOG = Logger.getLogger(ClaimProjection.class);

    /** The newest revision first, then the newest extractor version. */
    static final Comparator<ArticleProcessingEntity> SERVING_ORDER =
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
        Claim claim = event.claim();
        // The event id is the claim id by contract; fall back to it should a body omit the latter.
        String claimId = claim.id() != null ? claim.id() : event.eventId();
        Claim.ArticleRef article = claim.article();
        ClaimDates.Period period = ClaimDates.of(
                claim.claimedAt() == null ? null : claim.claimedAt().value(), article.publishedAt());
        String extractorName = claim.extractor() == null ? null : claim.extractor().name();
        String extractorVersion = claim.extractor() == null ? null : claim.extractor().version();
        if (extractorName == null || extractorVersion == null) {
            // Without a version the claim cannot be tied to an ArticleProcessed; keep it as unserved history.
            extractorName = extractorName == null ? "unknown" : extractorName;
            extractorVersion = extractorVersion == null ? "0" : extractorVersion;
        }
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO claim (id, article_id, article_revision, external_id, extractor_name,
                            extractor_version, kind, source_name, source_name_norm, source_type, stance,
                            claimed_at_value, claimed_at_precision, claim_date_from, claim_date_to,
                            content_text, claim, recorded_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                            CAST(?17 AS jsonb), ?18)
                        ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, claimId)
                .setParameter(2, article.id())
                .setParameter(3, article.revision())
                .setParameter(4, article.externalId())
                .setParameter(5, extractorName)
                .setParameter(6, extractorVersion)
                .setParameter(7, claim.kind())
                .setParameter(8, claim.source().name())
                .setParameter(9, SourceNames.normalise(claim.source().name()))
                .setParameter(10, claim.source().type())
                .setParameter(11, claim.stance())
                .setParameter(12, claim.claimedAt() == null ? null : claim.claimedAt().value())
                .setParameter(13, claim.claimedAt() == null ? null : claim.claimedAt().precision())
                .setParameter(14, period == null ? null : Date.valueOf(period.from()))
                .setParameter(15, period == null ? null : Date.valueOf(period.to()))
                .setParameter(16, claim.content().text() == null ? "" : claim.content().text())
                .setParameter(17, EventCodec.mapper().valueToTree(claim).toString())
                .setParameter(18, event.recordedAt() == null ? null : Timestamp.from(event.recordedAt()))
                .executeUpdate();
        if (inserted == 0) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Claim.Subject subject : claim.subjects()) {
            if (subject == null || subject.id() == null) {
                continue;
            }
            String alias = subject.alias() == null ? "" : subject.alias();
            if (seen.add(subject.id() + '\u0000' + alias)) {
                entityManager.createNativeQuery(
                                "INSERT INTO claim_subject (claim_id, subject_id, alias) VALUES (?1, ?2, ?3)")
                        .setParameter(1, claimId)
                        .setParameter(2, subject.id())
                        .setParameter(3, alias)
                        .executeUpdate();
            }
        }
        // Claims normally precede their ArticleProcessed; one recorded late for the version already
        // served joins the cross-article views now.
        ArticleServingEntity serving = ArticleServingEntity.findById(article.id());
        if (serving != null && serving.revision == article.revision()
                && serving.extractorName.equals(extractorName) && serving.extractorVersion.equals(extractorVersion)) {
            servedClaims.sync(article.id());
        }
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
            // The same event id again is a redelivery, unless a failed run was redriven by an operator:
            // claims-service then closes the revision again, same id, with the outcome that replaces it.
            if (!ArticleProcessed.FAILED.equals(processing.outcome) || ArticleProcessed.FAILED.equals(event.outcome())) {
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
        processing.processedAt = event.processedAt();
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
