package dev.claimtrail.claims.recording;

import dev.claimtrail.claims.infra.ExtractionConfig;
import dev.claimtrail.claims.infra.KafkaHeaders;
import dev.claimtrail.claims.infra.observability.ArticleObservability;
import dev.claimtrail.events.ArticleEvent;
import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.events.EventDecodingException;
import dev.claimtrail.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import io.smallrye.reactive.messaging.kafka.transactions.TransactionalEmitter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Consume-transform-produce over Kafka transactions: a batch of article records is extracted in
 * parallel, then its claim events, its dead letters and the consumed offsets are committed in one
 * transaction. A crash anywhere before the commit replays the batch and nothing of it is visible
 * to {@code read_committed} readers, so every article revision gets exactly one ArticleProcessed
 * per extractor version.
 */
@ApplicationScoped
public class ArticleStreamProcessor {

    static final String SOURCE = "/claimtrail/claims-service";
    private static final Logger LOG = Logger.getLogger(ArticleStreamProcessor.class);

    private final ClaimRecordingService recording;
    private final KafkaTransactions<String> claims;
    private final ExecutorService extractionPool;

    /** Named in every dead letter, so an operator (and a redrive) knows which consumer failed on it. */
    @ConfigProperty(name = "mp.messaging.incoming.articles-in.group.id")
    String consumerGroup;

    private final ArticleObservability observability;

    @Inject
    public ArticleStreamProcessor(ClaimRecordingService recording,
                                  @Channel("claims-out") KafkaTransactions<String> claims,
                                  ExtractionConfig config, ArticleObservability observability) {
        this.recording = recording;
        this.observability = observability;
        this.claims = claims;
        // Extraction is CPU-bound: as many threads as the config allows, never the event loop.
        this.extractionPool = Executors.newFixedThreadPool(config.threads(), runnable -> {
            Thread thread = new Thread(runnable, "claim-extraction");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        extractionPool.shutdownNow();
    }

    @Incoming("articles-in")
    public Uni<Void> process(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        return Uni.createFrom().completionStage(() -> handleAll(records))
                .chain(outputs -> claims.withTransactionAndAck(batch, tx -> {
                    outputs.forEach(output -> output.sendTo(tx));
                    return Uni.createFrom().voidItem();
                }).invoke(() -> Output.countDeadLetters(outputs, observability)))
                .onFailure().invoke(e -> LOG.warnf(e,
                        "claim transaction for %d article records aborted; the batch will be consumed again", records.size()))
                // The nack has already rewound the consumer; a failed Uni here would stop the stream for good.
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private CompletableFuture<List<Output>> handleAll(List<KafkaRecord<String, String>> records) {
        List<CompletableFuture<Output>> futures = new ArrayList<>(records.size());
        for (KafkaRecord<String, String> record : records) {
            futures.add(CompletableFuture.supplyAsync(() -> handle(record), extractionPool));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> futures.stream().map(CompletableFuture::join).toList());
    }

    Output handle(KafkaRecord<String, String> record) {
        try (ArticleObservability.ArticleSpan ignored = observability.articleSpan(record)) {
            return decodeAndRecord(record);
        }
    }

    private Output decodeAndRecord(KafkaRecord<String, String> record) {
        Event event;
        try {
            event = EventCodec.fromJson(KafkaHeaders.lastValue(record.getHeaders(), CloudEvents.TYPE_HEADER), record.getPayload());
        } catch (EventDecodingException e) {
            LOG.warnf("article record %s-%d@%d is not a valid article event: %s",
                    record.getTopic(), record.getPartition(), offsetOf(record), e.getMessage());
            return new Output(List.of(), DeadLetter.of(record, consumerGroup, e.getMessage(), e));
        }
        if (!(event instanceof ArticleEvent article)) {
            return new Output(List.of(), DeadLetter.of(record, consumerGroup,
                    "event type " + CloudEvents.typeOf(event) + " does not belong on the articles topic", null));
        }
        ClaimRecordingService.Recording result = observability.extraction(() -> recording.record(article), r -> r.events());
        DeadLetter deadLetter = result.deadLetterReason() == null ? null
                : DeadLetter.of(record, consumerGroup, result.deadLetterReason(), null);
        return new Output(List.copyOf(result.events()), deadLetter);
    }

    static long offsetOf(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
    }

    /**
     * Everything one article record adds inside the batch transaction.
     *
     * @param trace the article's trace, current where the output was made, continued by every record it writes
     */
    record Output(List<? extends Event> events, DeadLetter deadLetter, TracingMetadata trace) {
        Output(List<? extends Event> events, DeadLetter deadLetter) {
            this(events, deadLetter, ArticleObservability.traceOf());
        }

        static void countDeadLetters(List<Output> outputs, ArticleObservability observability) {
            // An extractor failure still closes the article (a failed ArticleProcessed); an unreadable record has no events.
            observability.deadLettered(ArticleObservability.UNDECODABLE,
                    (int) outputs.stream().filter(o -> o.deadLetter() != null && o.events().isEmpty()).count());
            observability.deadLettered(ArticleObservability.EXTRACTION_FAILED,
                    (int) outputs.stream().filter(o -> o.deadLetter() != null && !o.events().isEmpty()).count());
        }

        void sendTo(TransactionalEmitter<String> tx) {
            Instant now = Instant.now();
            for (Event event : events) {
                RecordHeaders headers = KafkaHeaders.of(CloudEvents.headers(event, SOURCE, now));
                tx.send(Message.of(EventCodec.toJson(event)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(Topics.CLAIMS).withKey(event.articleId()).withHeaders(headers).build()).addMetadata(trace));
            }
            if (deadLetter != null) {
                tx.send(deadLetter.message().addMetadata(trace));
            }
        }
    }

    /**
     * The original record, unchanged, on {@code articles.dlq} with the reason in headers (the same
     * header names the SmallRye dead-letter strategy uses, so one tool reads both).
     */
    record DeadLetter(String key, String value, RecordHeaders headers) {
        static DeadLetter of(KafkaRecord<String, String> record, String consumerGroup, String reason, Throwable cause) {
            RecordHeaders headers = new RecordHeaders(record.getHeaders().toArray());
            headers.add(new RecordHeader("dead-letter-reason", utf8(reason)));
            if (cause != null && cause.getCause() != null) {
                headers.add(new RecordHeader("dead-letter-cause", utf8(String.valueOf(cause.getCause().getMessage()))));
            }
            headers.add(new RecordHeader("dead-letter-topic", utf8(record.getTopic())));
            headers.add(new RecordHeader("dead-letter-partition", utf8(Integer.toString(record.getPartition()))));
            headers.add(new RecordHeader("dead-letter-offset", utf8(Long.toString(offsetOf(record)))));
            headers.add(new RecordHeader("dead-letter-consumer-group", utf8(consumerGroup)));
            return new DeadLetter(record.getKey(), record.getPayload(), headers);
        }

        Message<String> message() {
            return Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(Topics.ARTICLES_DLQ).withKey(key).withHeaders(headers).build());
        }

        private static byte[] utf8(String s) {
            return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        }
    }
}
