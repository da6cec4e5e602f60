package dev.claimtrail.query.infra;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The consumed positions of the projections, kept in the read-model database. A projection writes
 * its rows and {@link #advance} in one transaction, which is what makes applying an event
 * exactly-once: either both are committed or neither is, and redelivered records are recognised.
 */
@ApplicationScoped
public class ProjectionOffsetStore {

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    /**
     * Whether the record lies below the stored position, i.e. was applied before (a redelivery after
     * a rebalance or a retry). Locks the position row so that two consumers that briefly both think
     * they own a partition during a rebalance cannot apply the same record twice.
     * Must run inside the projection's transaction.
     */
    public boolean alreadyApplied(String consumerGroup, ConsumerRecord<?, ?> record) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT next_offset FROM projection_offset"
                                + " WHERE consumer_group = ?1 AND topic = ?2 AND partition = ?3 FOR UPDATE")
                .setParameter(1, consumerGroup)
                .setParameter(2, record.topic())
                .setParameter(3, record.partition())
                .getResultList();
        return !rows.isEmpty() && record.offset() < ((Number) rows.get(0)).longValue();
    }

    /** Moves the stored position past the record. Must run inside the projection's transaction. */
    public void advance(String consumerGroup, ConsumerRecord<?, ?> record) {
        entityManager.createNativeQuery(
                        "INSERT INTO projection_offset (consumer_group, topic, partition, next_offset, updated_at)"
                                + " VALUES (?1, ?2, ?3, ?4, now())"
                                + " ON CONFLICT (consumer_group, topic, partition) DO UPDATE"
                                + " SET next_offset = GREATEST(projection_offset.next_offset, EXCLUDED.next_offset),"
                                + " updated_at = now()")
                .setParameter(1, consumerGroup)
                .setParameter(2, record.topic())
                .setParameter(3, record.partition())
                .setParameter(4, record.offset() + 1)
                .executeUpdate();
    }

    /**
     * The stored positions of the given partitions; partitions never applied are absent. Plain JDBC
     * because it runs on the Kafka polling thread, outside any CDI request or JTA transaction.
     */
    public Map<TopicPartition, Long> positions(String consumerGroup, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT topic, partition, next_offset FROM projection_offset WHERE consumer_group = ?")) {
            statement.setString(1, consumerGroup);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TopicPartition partition = new TopicPartition(rows.getString(1), rows.getInt(2));
                    if (partitions.contains(partition)) {
                        positions.put(partition, rows.getLong(3));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored offsets of " + consumerGroup, e);
        }
        return positions;
    }
}
