package dev.claimtrail.ingest.infra;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the one error body of this service.
 *
 * @param type     a URI naming the kind of problem; clients switch on it, never on {@code detail}
 * @param title    short, stable summary of the problem type
 * @param status   the HTTP status code, repeated so the body stands on its own when logged
 * @param detail   what went wrong with this request, naming the field or limit involved
 * @param instance the request path the problem occurred on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
