package dev.claimtrail.ingest.infra;

/**
 * The kinds of problem ingest reports. Each maps to one HTTP status and one stable type URI, so a feed
 * can tell "fix your request" (4xx) from "try again later" (503) without parsing prose.
 */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "The request is not a valid article"),
    UNAUTHORIZED(401, "unauthorized", "A feed key is required"),
    FORBIDDEN(403, "forbidden", "The feed key is not allowed"),
    NOT_FOUND(404, "not-found", "No such resource"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    LOG_UNAVAILABLE(503, "log-unavailable", "The article log cannot take writes right now"),
    STORE_UNAVAILABLE(503, "store-unavailable", "The article index cannot be reached right now"),
    INTERNAL_ERROR(500, "internal-error", "Internal error");

    private static final String BASE = "https://claimtrail.dev/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    /** The type for a status that reached us from the HTTP layer rather than from our own code. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
    }
}
