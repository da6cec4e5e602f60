package dev.claimtrail.ingest.infra;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure that already knows how it is reported to the client. Thrown from anywhere in a request
 * (including inside a transaction, which it rolls back as any runtime exception does) and turned
 * into problem+json by {@link ProblemMappers}.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Duration retryAfter;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail, Duration retryAfter, Throwable cause) {
        super(detail, cause, false, false);
        this.type = type;
        this.retryAfter = retryAfter;
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_REQUEST, detail, null, null);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, detail, null, null);
    }

    public static ProblemException unsupportedCharset(String detail) {
        return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail, null, null);
    }

    public static ProblemException logUnavailable(String detail, Duration retryAfter, Throwable cause) {
        return new ProblemException(ProblemType.LOG_UNAVAILABLE, detail, retryAfter, cause);
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    /**
     * Adds an RFC 9457 extension member to the problem body, e.g. the per-article results of a bulk
     * push that was refused as a whole.
     */
    public ProblemException withExtension(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(extensions);
    }

    /** When a client should try again; null when retrying the same request cannot help. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
