package dev.claimtrail.claims.admin;

import dev.claimtrail.claims.infra.KafkaHeaders;
import dev.claimtrail.claims.recording.ClaimRecordingService;
import dev.claimtrail.events.ArticleEvent;
import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ClaimEvent;
import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.events.EventDecodingException;
import dev.claimtrail.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * Re-runs extraction on a dead-lettered article, after a fix, for the consumer group this instance
 * runs. The article event is read from the dead-letter topic, never re-published to {@code articles}
 * (that log holds each ingested article exactly once). Its claims, its ArticleProcessed and the redrive
 * marker go out in one Kafka transaction: either the article is processed and the letter settled, or
 * neither. Claim and processing ids are deterministic, so a repeat would record the same events again,
 * which every reader already recognises.
 */
@ApplicationScoped
public class RedriveService {

    private static final Logger LOG = Logger.getLogger(RedriveService.class);
    static final String SOURCE = "/claimtrail/claims-service";
    static final String SERVICE = "claims-service";

    /** What a redrive did: {@code redriven}, or {@code already-redriven} when it was a no-op. */
    public record RedriveResult(String id, String status, String consumerGroup, String articleId, int articleRevision,
                                String extractorVersion, String outcome, int claimCount) {
    }

    @ConfigProperty(name = "mp.messaging.incoming.articles-in.group.id")
    String consumerGroup;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Stable per instance, so a restarted instance fences a redrive transaction its predecessor left open. */
    @ConfigProperty(name = "claimtrail.admin.redrive-transactional-id")
    String transactionalId;

    @Inject
    DeadLetterLog deadLetters;

    @Inject
    ClaimRecordingService recording;

    /** One at a time: a transactional producer runs one transaction, and redrives are rare operator actions. */
    public synchronized RedriveResult redrive(LetterId id) {
        if (!Topics.ARTICLES_DLQ.equals(id.topic())) {
            throw new ClientErrorException("claims-service consumes only the articles topic; dead letter " + id
                    + " belongs to query-service", 409);
        }
        ConsumerRecord<String, String> letter = deadLetters.find(id)
                .orElseThrow(() -> new NotFoundException("no dead letter " + id));
        String group = DeadLetterLog.header(letter.headers(), DeadLetterLog.CONSUMER_GROUP);
        if (!consumerGroup.equals(group)) {
            throw new ClientErrorException("dead letter " + id + " failed in consumer group '" + group + "' but this "
                    + "instance runs '" + consumerGroup + "'; redrive it with the claims-service of that extractor version", 409);
        }
        String type = DeadLetterLog.header(letter.headers(), CloudEvents.TYPE_HEADER);
        ArticleEvent article;
        try {
            Event event = EventCodec.fromJson(type, letter.value());
            if (!(event instanceof ArticleEvent a)) {
                throw new EventDecodingException("event type " + type + " does not belong on the articles topic");
            }
            article = a;
        } catch (EventDecodingException e) {
            throw new ClientErrorException("dead letter " + id + " is still not a valid article event: " + e.getMessage()
                    + "; it stays pending", 422);
        }
        if (deadLetters.redriven(id)) {
            return new RedriveResult(id.toString(), "already-redriven", group, article.article().id(),
                    article.article().revision(), recording.extractor().version(), null, 0);
        }
        ClaimRecordingService.Recording result = recording.record(article);
        if (result.deadLetterReason() != null) {
            // Nothing is written: the failure is already in the log, and repeating it would tell nothing new.
            throw new ClientErrorException("dead letter " + id + " still fails: " + result.deadLetterReason()
                    + "; it stays pending", 422);
        }
        publish(id, letter, result);
        ArticleProcessed processed = (ArticleProcessed) result.events().get(result.events().size() - 1);
        LOG.infof("dead letter %s redriven: article %s revision %d, %s, %d claims", id, processed.articleId(),
                processed.articleRevision(), processed.outcome(), processed.claimCount());
        return new RedriveResult(id.toString(), "redriven", group, processed.articleId(), processed.articleRevision(),
                processed.extractor().version(), processed.outcome(), processed.claimCount());
    }

    private void publish(LetterId id, ConsumerRecord<String, String> letter, ClaimRecordingService.Recording result) {
        Instant now = Instant.now();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            producer.initTransactions();
            producer.beginTransaction();
            try {
                for (ClaimEvent event : result.events()) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CLAIMS, event.articleId(),
                            EventCodec.toJson(event));
                    KafkaHeaders.of(CloudEvents.headers(event, SOURCE, now)).forEach(record.headers()::add);
                    producer.send(record);
                }
                ProducerRecord<String, String> marker = new ProducerRecord<>(id.topic(), letter.key(),
                        "{\"redriven\":\"" + id + "\",\"by\":\"" + SERVICE + "\",\"at\":\"" + now + "\"}");
                marker.headers().add(new RecordHeader(DeadLetterLog.REDRIVEN, id.toString().getBytes(StandardCharsets.UTF_8)));
                marker.headers().add(new RecordHeader(DeadLetterLog.REDRIVEN_BY, SERVICE.getBytes(StandardCharsets.UTF_8)));
                producer.send(marker);
                producer.commitTransaction();
            } catch (KafkaException e) {
                producer.abortTransaction();
                throw e;
            }
        }
    }

    private Properties producerConfig() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(Duration.ofSeconds(30).toMillis()));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }
}
