package dev.claimtrail.query.support;

import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.EventCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Publishes events to the test broker the way the services do: JSON body from {@link EventCodec},
 * key = article id, CloudEvents binary headers; claims in Kafka transactions like claims-service.
 */
public final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, String> plain;
    private final KafkaProducer<String, String> transactional;

    private EventProducer(String bootstrapServers) {
        this.plain = new KafkaProducer<>(config(bootstrapServers, null));
        this.transactional = new KafkaProducer<>(config(bootstrapServers, "query-service-test-" + UUID.randomUUID()));
        this.transactional.initTransactions();
    }

    /** Connects to the broker the application under test uses. */
    public static EventProducer connect() {
        return new EventProducer(bootstrapServers());
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public RecordMetadata publish(String topic, Event event) {
        return await(plain.send(record(topic, event)));
    }

    /** Publishes the events in one committed transaction, in order. */
    public List<RecordMetadata> publishInTransaction(String topic, Event... events) {
        transactional.beginTransaction();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Event event : events) {
            sent.add(transactional.send(record(topic, event)));
        }
        transactional.commitTransaction();
        return sent.stream().map(EventProducer::await).toList();
    }

    /** A record as-is, for what no service would send: broken JSON, unknown types. */
    public RecordMetadata publishRaw(String topic, String key, String value, Map<String, String> headers) {
        return publishRaw(topic, null, key, value, headers);
    }

    /** A record as-is into a chosen partition (null: the partitioner decides). */
    public RecordMetadata publishRaw(String topic, Integer partition, String key, String value,
                                     Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, key, value);
        headers.forEach((name, v) -> record.headers().add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
        return await(plain.send(record));
    }

    private static ProducerRecord<String, String> record(String topic, Event event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.articleId(), EventCodec.toJson(event));
        CloudEvents.headers(event, "/claimtrail/query-service-tests", Instant.now()).forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    /** A producer's configuration for publishing a large log fast (benchmarks): large batches, acks=all. */
    public static Properties bulkConfig(String bootstrapServers) {
        Properties p = config(bootstrapServers, null);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(1 << 20));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(256L << 20));
        return p;
    }

    private static Properties config(String bootstrapServers, String transactionalId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        if (transactionalId != null) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return p;
    }

    private static RecordMetadata await(Future<RecordMetadata> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException("publishing failed", e);
        }
    }

    @Override
    public void close() {
        plain.close();
        transactional.close();
    }
}
