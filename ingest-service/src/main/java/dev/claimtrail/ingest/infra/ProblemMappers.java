package dev.claimtrail.ingest.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.claimtrail.db.DatabaseFailures;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one mapping from exceptions to RFC 9457 problem+json for this service. Every error response,
 * including those the framework raises before our code runs (unknown path, wrong method, wrong
 * content type, unreadable body), goes through here so that no default error page, class name or
 * stack trace ever reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static final String SUPPORTED_TYPES = "send the article as application/json (or as text/plain or text/html with "
            + "metadata in query parameters), or many as application/x-ndjson, application/rss+xml, "
            + "application/atom+xml, application/xml or text/xml";

    @ServerExceptionMapper
    public RestResponse<String> problem(ProblemException e, UriInfo uriInfo) {
        if (e.type().status() >= 500) {
            LOG.warnf(e.getCause(), "%s: %s", e.type().title(), e.detail());
        }
        return Problems.response(e.type(), e.detail(), path(uriInfo), e.retryAfter(), e.extensions());
    }

    @ServerExceptionMapper
    public RestResponse<String> unsupportedMediaType(NotSupportedException e, UriInfo uriInfo, HttpHeaders headers) {
        String sent = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String detail = (sent == null ? "the request has no Content-Type" : "Content-Type '" + sent + "' is not supported")
                + "; " + SUPPORTED_TYPES;
        return Problems.response(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail, path(uriInfo), null);
    }

    @ServerExceptionMapper
    public RestResponse<String> notFound(NotFoundException e, UriInfo uriInfo) {
        return Problems.response(ProblemType.NOT_FOUND, "there is no resource at " + path(uriInfo), path(uriInfo), null);
    }

    @ServerExceptionMapper
    public RestResponse<String> notAllowed(NotAllowedException e, UriInfo uriInfo) {
        RestResponse.ResponseBuilder<String> response = Problems.builder(ProblemType.METHOD_NOT_ALLOWED,
                "this method is not allowed on " + path(uriInfo), path(uriInfo));
        // RESTEasy Reactive does not fill in Allow (checked on 3.34); pass it on should a version do so.
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    /** Whatever else the HTTP layer rejects (406, a body it could not read, ...), by its status. */
    @ServerExceptionMapper
    public RestResponse<String> webApplication(WebApplicationException e, UriInfo uriInfo) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        if (status >= 500) {
            LOG.error("request failed in the HTTP layer", e);
            return Problems.response(type, "the request could not be processed", path(uriInfo), null);
        }
        return Problems.response(type, "the request was rejected: " + reasonPhrase(status), path(uriInfo), null);
    }

    /**
     * Ingest parses article bodies itself and reports JSON errors with the field and position; this
     * catches any JSON that reaches Jackson through the framework instead, replacing Quarkus's
     * default body (which names Java types) with a problem.
     */
    @ServerExceptionMapper
    public RestResponse<String> json(JsonProcessingException e, UriInfo uriInfo) {
        return Problems.response(ProblemType.INVALID_REQUEST, JsonErrors.describe(e), path(uriInfo), null);
    }

    @Inject
    IngestConfig config;

    @ServerExceptionMapper
    public RestResponse<String> unexpected(Throwable e, UriInfo uriInfo) {
        if (DatabaseFailures.unreachable(e)) {
            // The identity row was not committed, so a retry is judged afresh; if the event had been
            // acknowledged before the commit failed, the retry publishes it again under the same event id,
            // which consumers deduplicate (see ArticleIngestService).
            LOG.warnf("database unreachable handling %s: %s", path(uriInfo), e.getMessage());
            return Problems.response(ProblemType.STORE_UNAVAILABLE,
                    "the database that recognises duplicates and revisions cannot be reached; retry later",
                    path(uriInfo), config.retryAfter());
        }
        LOG.error("unexpected failure handling " + path(uriInfo), e);
        return Problems.response(ProblemType.INTERNAL_ERROR,
                "an unexpected error occurred; it has been logged", path(uriInfo), null);
    }

    private static String path(UriInfo uriInfo) {
        return uriInfo.getRequestUri().getRawPath();
    }

    private static String reasonPhrase(int status) {
        RestResponse.Status known = RestResponse.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}
