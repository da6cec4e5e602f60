package dev.claimtrail.query.infra;

import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.events.EventDecodingException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/** Reading a Claimtrail event out of a Kafka record in CloudEvents binary mode. */
public final class KafkaRecords {

    private KafkaRecords() {
    }

    /**
     * Decodes the record by its {@code ce_type} header and checks that the event belongs to the
     * stream being read (a claim event on the articles topic is as unusable as invalid JSON).
     *
     * @throws EventDecodingException when the record cannot be turned into an event of that stream
     */
    public static <T extends Event> T decode(ConsumerRecord<String, String> record, Class<T> stream) {
        Header type = record.headers().lastHeader(CloudEvents.TYPE_HEADER);
        String typeName = type == null || type.value() == null
                ? null : new String(type.value(), StandardCharsets.UTF_8);
        Event event = EventCodec.fromJson(typeName, record.value());
        if (!stream.isInstance(event)) {
            throw new EventDecodingException("event type '" + typeName + "' does not belong on topic '"
                    + record.topic() + "'");
        }
        return stream.cast(event);
    }
}
