package dev.claimtrail.events;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 in Kafka binary mode: the attributes travel as {@code ce_*} record headers and the
 * record value is the plain JSON body, so {@code kcat} and any Kafka tool can read every topic.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    /** CloudEvents extension attribute carrying the body's schema version. */
    public static final String SCHEMA_VERSION_HEADER = "ce_schemaversion";
    public static final String TYPE_HEADER = "ce_type";
    public static final String ID_HEADER = "ce_id";

    private CloudEvents() {
    }

    /** The type string of an event record. */
    public static String typeOf(Event event) {
        if (event instanceof ArticleIngested) {
            return ArticleIngested.TYPE;
        } else if (event instanceof ArticleRevised) {
            return ArticleRevised.TYPE;
        } else if (event instanceof ClaimRecorded) {
            return ClaimRecorded.TYPE;
        } else if (event instanceof ArticleProcessed) {
            return ArticleProcessed.TYPE;
        }
        throw new IllegalArgumentException("not a Claimtrail event: " + event.getClass().getSimpleName());
    }

    /**
     * The binary-mode headers for an event, in a stable order.
     *
     * @param source the producing service as a URI reference, e.g. {@code /claimtrail/ingest-service}
     */
    public static Map<String, String> headers(Event event, String source, Instant time) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", SPEC_VERSION);
        headers.put(ID_HEADER, event.eventId());
        headers.put("ce_source", source);
        headers.put(TYPE_HEADER, typeOf(event));
        headers.put("ce_subject", event.articleId());
        headers.put("ce_time", DateTimeFormatter.ISO_INSTANT.format(time));
        headers.put(SCHEMA_VERSION_HEADER, Integer.toString(event.schemaVersion()));
        headers.put("content-type", CONTENT_TYPE);
        return headers;
    }
}
