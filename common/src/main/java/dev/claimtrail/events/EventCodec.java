package dev.claimtrail.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.Map;

/**
 * The one wire form of every event: JSON bodies, read by their CloudEvents type. Readers ignore
 * unknown fields so that additive changes never break an older consumer; older schema versions are
 * upcast here before binding.
 */
public final class EventCodec {

    private static final Map<String, Class<? extends Event>> TYPES = Map.of(
            ArticleIngested.TYPE, ArticleIngested.class,
            ArticleRevised.TYPE, ArticleRevised.class,
            ClaimRecorded.TYPE, ClaimRecorded.class,
            ArticleProcessed.TYPE, ArticleProcessed.class);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(Event event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event records always serialise: " + e.getMessage(), e);
        }
    }

    /** Reads a body of the given CloudEvents type. */
    public static Event fromJson(String type, String json) {
        if (type == null) {
            throw new EventDecodingException("record has no ce_type header");
        }
        Class<? extends Event> target = TYPES.get(type);
        if (target == null) {
            throw new EventDecodingException("unknown event type '" + type + "'");
        }
        if (json == null || json.isBlank()) {
            throw new EventDecodingException("empty body for event type '" + type + "'");
        }
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (!(tree instanceof ObjectNode object)) {
                throw new EventDecodingException("body of '" + type + "' is not a JSON object");
            }
            upcast(type, object);
            Event event = MAPPER.treeToValue(object, target);
            validate(type, event);
            return event;
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("body of '" + type + "' is not valid: " + e.getOriginalMessage(), e);
        }
    }

    public static <T extends Event> T fromJson(Class<T> type, String json) {
        return type.cast(fromJson(typeName(type), json));
    }

    static String typeName(Class<? extends Event> type) {
        return TYPES.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("not an event type: " + type));
    }

    /**
     * Brings an older schema version's body to the current one. Every event is at version 1, so
     * there is nothing to do yet; a version without a number is taken as 1.
     */
    private static void upcast(String type, ObjectNode body) {
        if (!body.hasNonNull("schemaVersion")) {
            body.put("schemaVersion", 1);
        }
    }

    /** What the type system cannot say: the fields without which an event is meaningless. */
    private static void validate(String type, Event event) {
        if (event.eventId() == null || event.eventId().isBlank()) {
            throw new EventDecodingException("'" + type + "' has no eventId");
        }
        if (event instanceof ArticleEvent a) {
            if (a.article() == null || a.article().id() == null || a.article().text() == null) {
                throw new EventDecodingException("'" + type + "' has no article id or text");
            }
        } else if (event instanceof ClaimRecorded c) {
            if (c.claim() == null || c.claim().article() == null || c.claim().article().id() == null
                    || c.claim().content() == null || c.claim().source() == null) {
                throw new EventDecodingException("'" + type + "' has no claim, article, source or content");
            }
        } else if (event instanceof ArticleProcessed p) {
            if (p.articleId() == null || p.extractor() == null || p.outcome() == null) {
                throw new EventDecodingException("'" + type + "' has no article id, extractor or outcome");
            }
        }
    }
}
