package dev.claimtrail.infra.embedded;

import dev.claimtrail.events.Topics;

/** The topics of design.md, as the local run and the test broker create them. */
final class TopicLayout {

    /** Partitions bound consumer parallelism; three lets a few service instances share a stream. */
    static final int EVENT_PARTITIONS = 3;
    /** Dead letters are rare and read by people, in order. */
    static final int DLQ_PARTITIONS = 1;

    private TopicLayout() {
    }

    static void createOn(EmbeddedKafka kafka) {
        kafka.createTopics(EVENT_PARTITIONS, Topics.ARTICLES, Topics.CLAIMS);
        kafka.createTopics(DLQ_PARTITIONS, Topics.ARTICLES_DLQ, Topics.CLAIMS_DLQ);
    }
}
