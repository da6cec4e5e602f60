package dev.claimtrail.ingest.articles;

import dev.claimtrail.events.ArticleEvent;
import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.ingest.infra.IngestConfig;
import dev.claimtrail.ingest.infra.ProblemException;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes article events to the {@code articles} topic and waits until the broker has them.
 *
 * <p>The Kafka sink acknowledges a message only once the broker has acknowledged the record (with
 * {@code acks=all}: once every in-sync replica has it) and nacks it when the producer gives up
 * (after {@code delivery.timeout.ms}, or {@code max.block.ms} when there is no broker to ask), so
 * waiting on {@link MutinyEmitter#sendMessage} is waiting on exactly what a 202 promises.
 */
@ApplicationScoped
public class ArticleEventPublisher {

    public static final String CHANNEL = "articles-out";
    static final String SOURCE = "/claimtrail/ingest-service";

    /**
     * Every request waits for its own ack, so messages in flight are bounded by the worker threads;
     * the buffer only has to absorb the moments the sink has not requested more yet. Should it ever
     * fill, send fails at once and the client gets 503 rather than joining an unbounded queue.
     */
    @Inject
    @Channel(CHANNEL)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 512)
    MutinyEmitter<String> emitter;

    @Inject
    IngestConfig config;

    /**
     * Blocks until the broker acknowledged the event.
     *
     * @throws ProblemException 503 when the broker did not take it, 413 when the record is too big
     *                          for the broker
     */
    public void publish(ArticleEvent event, Instant time) {
        Message<String> message = Message.of(EventCodec.toJson(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.articleId())
                        .withHeaders(headers(CloudEvents.headers(event, SOURCE, time)))
                        .build())
                // The sink may send on another thread: hand it the request's trace, which it writes as traceparent.
                .addMetadata(TracingMetadata.withCurrent(Context.current()));
        try {
            emitter.sendMessage(message).await().atMost(config.publishTimeout());
        } catch (RuntimeException e) {
            throw failure(event, e);
        }
    }

    private ProblemException failure(ArticleEvent event, RuntimeException e) {
        if (causedBy(e, RecordTooLargeException.class)) {
            return ProblemException.tooLarge("the article is too large for the article log once encoded; "
                    + "shorten 'text' or raise the producer's max.request.size and the topic's max.message.bytes");
        }
        return ProblemException.logUnavailable("the article could not be written to the article log; "
                + "nothing was recorded, retry later", config.retryAfter(),
                new IllegalStateException("publishing " + event.eventId() + " for article " + event.articleId() + " failed", e));
    }

    private static List<RecordHeader> headers(Map<String, String> values) {
        List<RecordHeader> headers = new ArrayList<>(values.size());
        values.forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return headers;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
