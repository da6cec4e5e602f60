package dev.claimtrail.query.articles;

import dev.claimtrail.events.ArticleEvent;
import dev.claimtrail.events.ArticleIngested;
import dev.claimtrail.events.ArticleRevised;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.EventDecodingException;
import dev.claimtrail.query.infra.DatabaseOutages;
import dev.claimtrail.query.infra.DeadLetters;
import dev.claimtrail.query.infra.KafkaRecords;
import dev.claimtrail.query.infra.ProjectionMode;
import dev.claimtrail.query.infra.ProjectionOffsetStore;
import dev.claimtrail.query.infra.StoredInstants;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Projects the {@code articles} log into {@code article} (latest revision) and
 * {@code article_revision} (every revision's text).
 */
@ApplicationScoped
public class ArticleProjection {

    private static final Logger LOG = Logger.getLogger(ArticleProjection.class);

    @ConfigProperty(name = "mp.messaging.incoming.articles-in.group.id")
    String consumerGroup;

    @Inject
    ProjectionOffsetStore offsets;

    @Inject
    @Channel("articles-dlq")
    MutinyEmitter<String> deadLetters;

    /**
     * The live consumer: applies each record in a transaction of its own, waiting out a database outage
     * in place rather than stopping the channel.
     */
    @Incoming("articles-in")
    @Blocking
    @WithSpan("project articles record") // a child of the record's trace (the connector's consumer span is current)
    public void consume(ConsumerRecord<String, String> record) {
        DatabaseOutages.retryWhileUnreachable("articles " + record.partition() + "/" + record.offset(),
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
        ArticleEvent event;
        try {
            event = KafkaRecords.decode(record, ArticleEvent.class);
        } catch (EventDecodingException e) {
            if (ProjectionMode.live()) {
                LOG.warnf("articles %d/%d dead-lettered: %s", record.partition(), record.offset(), e.getMessage());
                DeadLetters.send(deadLetters, consumerGroup, record, e);
            }
            return;
        }
        apply(event);
    }

    /**
     * Applies an event an operator sent back from the dead-letter topic (admin redrive). Its offset was
     * advanced when it was dead-lettered; applying is idempotent, so a repeated redrive changes nothing.
     */
    @Transactional
    public void applyRedriven(ArticleEvent event) {
        apply(event);
    }

    void apply(ArticleEvent event) {
        ArticleSnapshot snapshot = event.article();
        storeRevision(snapshot, at(event));
        ArticleEntity article = ArticleEntity.findById(snapshot.id());
        if (article == null) {
            article = created(event);
        }
        if (fold(article, event)) {
            article.persist();
        }
    }

    /** When the event happened to the article: its ingestion or its revision. */
    public static Instant at(ArticleEvent event) {
        return StoredInstants.of(event instanceof ArticleIngested ingested ? ingested.ingestedAt()
                : ((ArticleRevised) event).revisedAt());
    }

    /**
     * A new article row for the first event seen of it. An article first seen through a revision (its
     * ingestion was dead-lettered, or lies before the log's start) still gets a usable ingestion time.
     */
    public static ArticleEntity created(ArticleEvent event) {
        ArticleEntity article = new ArticleEntity();
        article.id = event.article().id();
        article.ingestedAt = at(event);
        return article;
    }

    /**
     * Brings the article row up to the event; false when the event changes nothing, because it carries an
     * older revision arriving late (its text is kept in article_revision, the article stays current). The
     * live projection and a bulk rebuild both fold events through here.
     */
    public static boolean fold(ArticleEntity article, ArticleEvent event) {
        ArticleSnapshot snapshot = event.article();
        if (snapshot.revision() < article.revision) {
            return false;
        }
        if (event instanceof ArticleRevised) {
            article.revisedAt = at(event);
        }
        article.revision = snapshot.revision();
        article.externalId = snapshot.externalId();
        article.url = snapshot.url();
        article.title = snapshot.title();
        article.outlet = snapshot.outlet();
        article.publishedAt = snapshot.publishedAt();
        article.language = snapshot.language();
        article.contentHash = snapshot.contentHash();
        return true;
    }

    private void storeRevision(ArticleSnapshot snapshot, Instant at) {
        if (ArticleRevisionEntity.find(snapshot.id(), snapshot.revision()) != null) {
            return;
        }
        ArticleRevisionEntity revision = new ArticleRevisionEntity();
        revision.articleId = snapshot.id();
        revision.revision = snapshot.revision();
        revision.title = snapshot.title();
        revision.publishedAt = snapshot.publishedAt();
        revision.text = snapshot.text();
        revision.contentHash = snapshot.contentHash();
        revision.recordedAt = at;
        revision.persist();
    }
}
