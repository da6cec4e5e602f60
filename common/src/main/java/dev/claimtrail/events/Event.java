package dev.claimtrail.events;

/**
 * What every event on a Claimtrail topic carries. Each concrete event is a record with a stable
 * CloudEvents {@code type} string and a schema version; changes are additive (new nullable fields),
 * a breaking change needs an upcaster in {@link EventCodec} and a test.
 */
public interface Event {

    int schemaVersion();

    /** Unique and deterministic where replays must agree (claim ids, processed markers). */
    String eventId();

    /** The Kafka key: every topic is keyed by article id so one article's events stay in order. */
    String articleId();
}
