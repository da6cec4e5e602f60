package dev.claimtrail.query.admin;

import dev.claimtrail.events.Topics;
import dev.claimtrail.query.claims.ExtractorVersions;
import dev.claimtrail.query.infra.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What an operator asks first: how far the logs go, how far behind each consumer is, what is dead-
 * lettered, and how far each extractor version got through the articles.
 */
@ApplicationScoped
public class StatusService {

    static final List<String> EVENT_TOPICS = List.of(Topics.ARTICLES, Topics.CLAIMS);

    public record PartitionOffsets(int partition, long start, long end) {
    }

    public record TopicOffsets(String topic, long records, List<PartitionOffsets> partitions) {
    }

    /**
     * @param committedBy {@code kafka} for groups that commit to Kafka (claims extractors),
     *                    {@code read-model} for the projections, whose positions live in the database
     */
    public record PartitionLag(String topic, int partition, long position, long end, long lag) {
    }

    public record GroupLag(String group, String committedBy, long lag, List<PartitionLag> partitions) {
    }

    /**
     * Articles as the read model knows them.
     *
     * @param ingested   articles (latest revision each)
     * @param revisions  article revisions, what an extractor version has to process
     * @param processed  articles whose latest revision has an ArticleProcessed of some version
     * @param pending    articles whose latest revision no version has processed yet
     */
    public record Articles(long ingested, long revisions, long processed, long pending) {
    }

    /**
     * One extractor version found in the claims log.
     *
     * @param processed revisions with an ArticleProcessed of this version
     * @param pending   revisions of the read model without one
     * @param complete  whether every known revision has been processed by this version
     */
    public record VersionProgress(String name, String version, long processed, long extracted, long noClaims,
                                  long failed, long claims, long pending, boolean complete, Instant lastProcessedAt) {
    }

    /** @param revisions article revisions in the read model: what every version has to process */
    public record Versions(long revisions, List<VersionProgress> versions) {
    }

    public record Status(Instant at, List<TopicOffsets> topics, List<GroupLag> consumerGroups,
                         List<DeadLetterService.Counts> deadLetters, Articles articles,
                         List<VersionProgress> extractorVersions) {
    }

    @Inject
    KafkaLogs kafka;

    @Inject
    Jdbc jdbc;

    @Inject
    DeadLetterService deadLetters;

    public Status status() {
        Map<TopicPartition, long[]> offsets = new TreeMap<>(Comparator.comparing(TopicPartition::topic)
                .thenComparingInt(TopicPartition::partition));
        try (KafkaConsumer<String, String> consumer = kafka.consumer()) {
            for (String topic : allTopics()) {
                List<TopicPartition> partitions = KafkaLogs.partitions(consumer, topic);
                Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                partitions.forEach(p -> offsets.put(p, new long[] {starts.get(p), ends.get(p)}));
            }
        }
        return new Status(Instant.now(), topics(offsets), lags(offsets), deadLetters.counts(), articles(), versions());
    }

    /**
     * Extractor versions of one article revision count, processed and pending; the read model serves,
     * per article, the newest version that completed it.
     */
    public List<VersionProgress> versions() {
        long revisions = count("SELECT count(*) FROM article_revision");
        List<VersionProgress> versions = new ArrayList<>(jdbc.query("""
                SELECT p.extractor_name, p.extractor_version, count(*),
                       count(*) FILTER (WHERE p.outcome = 'extracted'),
                       count(*) FILTER (WHERE p.outcome = 'no-claims'),
                       count(*) FILTER (WHERE p.outcome = 'failed'),
                       coalesce(sum(p.claim_count), 0),
                       count(r.article_id),
                       max(p.processed_at)
                FROM article_processing p
                LEFT JOIN article_revision r ON r.article_id = p.article_id AND r.revision = p.revision
                GROUP BY p.extractor_name, p.extractor_version""", List.of(), rs -> {
            long processedKnown = rs.getLong(8);
            long pending = Math.max(0, revisions - processedKnown);
            java.sql.Timestamp last = rs.getTimestamp(9);
            return new VersionProgress(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6), rs.getLong(7), pending, pending == 0, last == null ? null : last.toInstant());
        }));
        versions.sort(Comparator.comparing(VersionProgress::version, ExtractorVersions.ORDER)
                .thenComparing(VersionProgress::name));
        return versions;
    }

    public Versions versionsWithTarget() {
        return new Versions(count("SELECT count(*) FROM article_revision"), versions());
    }

    Articles articles() {
        long ingested = count("SELECT count(*) FROM article");
        long revisions = count("SELECT count(*) FROM article_revision");
        long processed = count("""
                SELECT count(*) FROM article a WHERE EXISTS (SELECT 1 FROM article_processing p
                    WHERE p.article_id = a.id AND p.revision = a.revision)""");
        return new Articles(ingested, revisions, processed, ingested - processed);
    }

    private long count(String sql) {
        return jdbc.query(sql, List.of(), rs -> rs.getLong(1)).get(0);
    }

    private static List<String> allTopics() {
        List<String> topics = new ArrayList<>(EVENT_TOPICS);
        topics.addAll(DeadLetterService.TOPICS);
        return topics;
    }

    private static List<TopicOffsets> topics(Map<TopicPartition, long[]> offsets) {
        Map<String, List<PartitionOffsets>> byTopic = new TreeMap<>();
        offsets.forEach((p, range) -> byTopic.computeIfAbsent(p.topic(), t -> new ArrayList<>())
                .add(new PartitionOffsets(p.partition(), range[0], range[1])));
        List<TopicOffsets> topics = new ArrayList<>();
        for (String topic : allTopics()) {
            List<PartitionOffsets> partitions = byTopic.getOrDefault(topic, List.of());
            long records = partitions.stream().mapToLong(p -> p.end() - p.start()).sum();
            topics.add(new TopicOffsets(topic, records, partitions));
        }
        return topics;
    }

    /**
     * Lag of every consumer group on the event topics: claims extractors commit their positions to
     * Kafka (inside their transactions), the projections keep theirs in the read model. The end offset
     * of the transactional claims topic counts commit markers, so a caught-up reader of it may show a
     * lag of a few records.
     */
    private List<GroupLag> lags(Map<TopicPartition, long[]> offsets) {
        Map<String, Map<TopicPartition, Long>> positions = new TreeMap<>();
        Map<String, String> committedBy = new HashMap<>();
        try (Admin admin = kafka.admin()) {
            Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS);
            for (ConsumerGroupListing group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, Long> mine = new HashMap<>();
                committed.forEach((p, o) -> {
                    if (o != null && EVENT_TOPICS.contains(p.topic())) {
                        mine.put(p, o.offset());
                    }
                });
                if (!mine.isEmpty() || group.groupId().startsWith("claims-extractor-")) {
                    positions.put(group.groupId(), mine);
                    committedBy.put(group.groupId(), "kafka");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading consumer groups", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the consumer groups from Kafka", e);
        }
        for (String[] row : jdbc.query("SELECT consumer_group, topic, partition, next_offset FROM projection_offset",
                List.of(), rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})) {
            positions.computeIfAbsent(row[0], g -> new HashMap<>())
                    .put(new TopicPartition(row[1], Integer.parseInt(row[2])), Long.parseLong(row[3]));
            committedBy.put(row[0], "read-model");
        }
        List<GroupLag> lags = new ArrayList<>();
        positions.forEach((group, at) -> {
            // A group is behind on every partition of the topics it reads, including those it has not reached yet.
            Set<String> topics = new HashSet<>();
            at.keySet().forEach(p -> topics.add(p.topic()));
            if (topics.isEmpty() && group.startsWith("claims-extractor-")) {
                topics.add(Topics.ARTICLES);
            }
            List<PartitionLag> partitions = new ArrayList<>();
            offsets.forEach((p, range) -> {
                if (topics.contains(p.topic())) {
                    long position = at.getOrDefault(p, range[0]);
                    partitions.add(new PartitionLag(p.topic(), p.partition(), position, range[1],
                            Math.max(0, range[1] - position)));
                }
            });
            lags.add(new GroupLag(group, committedBy.get(group), partitions.stream().mapToLong(PartitionLag::lag).sum(),
                    partitions));
        });
        return lags;
    }
}
