package dev.claimtrail.ingest.articles;

import dev.claimtrail.ingest.infra.IngestConfig;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Where feeds push articles. {@code 202} means the article is in the {@code articles} log; {@code 200}
 * means ingest already had this exact text for this article; errors are problem+json.
 */
@Path("/api/articles")
public class ArticleResource {

    private final ArticleSubmissionParser parser;
    private final ArticleIngestService ingestService;

    @Inject
    public ArticleResource(IngestConfig config, ArticleIngestService ingestService) {
        this.parser = new ArticleSubmissionParser(config.maxTextChars());
        this.ingestService = ingestService;
    }

    /**
     * Takes the raw bytes so the parser, not the framework's data binding, reports what is wrong
     * with a body. Blocking because the request waits for the database and for the broker's ack.
     */
    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<IngestReceipt> push(byte[] body) {
        IngestReceipt receipt = ingestService.ingest(parser.parse(body));
        RestResponse.Status status = receipt.published() ? RestResponse.Status.ACCEPTED : RestResponse.Status.OK;
        return RestResponse.ResponseBuilder.<IngestReceipt>create(status).entity(receipt).build();
    }
}
