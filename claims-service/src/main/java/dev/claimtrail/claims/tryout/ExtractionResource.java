package dev.claimtrail.claims.tryout;

import dev.claimtrail.claims.extraction.ClaimExtractor;
import dev.claimtrail.claims.infra.auth.OperatorOnly;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.Ids;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Lets an operator or analyst see what the running extractor makes of a text without recording
 * anything: nothing here touches the claim log. The descriptor is a read (reader key once reader keys
 * are configured); trying a text costs extractor time and needs an operator key once those are.
 */
@Path("/api/extractor")
@Produces(MediaType.APPLICATION_JSON)
public class ExtractionResource {

    /** Large enough for any news article, small enough that one request cannot hog the pipeline. */
    static final int MAX_TEXT_CHARS = 200_000;

    private final ClaimExtractor extractor;

    public ExtractionResource(ClaimExtractor extractor) {
        this.extractor = extractor;
    }

    @GET
    public Claim.Extractor descriptor() {
        return extractor.descriptor();
    }

    /** Operator only: it spends extractor time on any text a caller sends. */
    @POST
    @Path("/try")
    @OperatorOnly
    @Consumes(MediaType.APPLICATION_JSON)
    public List<Claim> tryText(TryRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw new BadRequestException("field 'text' is required and must not be blank");
        }
        if (request.text().length() > MAX_TEXT_CHARS) {
            throw new BadRequestException("field 'text' is longer than " + MAX_TEXT_CHARS + " characters");
        }
        String id = Ids.articleId("hash:" + Ids.sha256Hex(request.text()));
        ArticleSnapshot snapshot = new ArticleSnapshot(id, 1, null, null, null, request.outlet(),
                request.publishedAt(), "en", request.text(), Ids.sha256Hex(request.text()));
        return extractor.extract(snapshot);
    }

    public record TryRequest(String text, String publishedAt, String outlet) {
    }
}
