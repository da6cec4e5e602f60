package dev.claimtrail.query.infra;

/**
 * An RFC 9457 problem detail. {@code type} is a relative URI naming the kind of problem, stable for
 * clients to switch on; {@code detail} is for humans and never carries class names or stack traces.
 */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
