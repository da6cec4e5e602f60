package dev.claimtrail.query.infra;

import dev.claimtrail.query.infra.observability.DeadLetterMetrics;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends a record a projection cannot handle to its dead-letter topic, unchanged (key, value, original
 * {@code ce_*} headers) plus the reason, under the header names of the SmallRye Kafka connector's own
 * dead-letter strategy so that the same tools read both.
 *
 * <p>The projections do this themselves instead of using {@code failure-strategy=dead-letter-queue}:
 * that strategy dead-letters every failure, including a database outage, after which the next good
 * record would advance the stored offset past records that were never applied.
 */
public final class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String CONSUMER_GROUP = "dead-letter-consumer-group";

    /** Waiting longer than this for the broker means something is wrong; fail so the record is retried. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private DeadLetters() {
    }

    /**
     * Sends and waits for the broker's acknowledgement, so that the caller only records the offset
     * as applied once the record is safely in the dead-letter topic.
     */
    public static void send(MutinyEmitter<String> emitter, String consumerGroup,
                            ConsumerRecord<String, String> record, Exception reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(header(REASON, reason.getMessage() == null ? reason.toString() : reason.getMessage()));
        headers.add(header(EXCEPTION_CLASS, reason.getClass().getName()));
        headers.add(header(TOPIC, record.topic()));
        headers.add(header(PARTITION, Integer.toString(record.partition())));
        headers.add(header(OFFSET, Long.toString(record.offset())));
        headers.add(header(CONSUMER_GROUP, consumerGroup));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        // A null value (tombstone) is forwarded as such; Message needs a payload, so use an empty string.
        String payload = record.value() == null ? "" : record.value();
        // The dead letter continues the trace of the record it replaces (the projection's current span).
        emitter.sendMessage(Message.of(payload).addMetadata(metadata).addMetadata(TracingMetadata.withCurrent(Context.current())))
                .await().atMost(SEND_TIMEOUT);
        DeadLetterMetrics.deadLettered(record.topic(), reason);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
