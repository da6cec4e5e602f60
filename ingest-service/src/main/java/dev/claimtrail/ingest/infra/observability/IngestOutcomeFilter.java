package dev.claimtrail.ingest.infra.observability;

import dev.claimtrail.ingest.articles.BulkReceipt;
import dev.claimtrail.ingest.articles.IngestReceipt;
import dev.claimtrail.ingest.articles.ItemResult;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts ingest outcomes from what the feed is answered, so that every format and the bulk path are
 * counted in one place and exactly as reported: a receipt per article, a bulk receipt per item, and a
 * problem response (the whole body refused) as one rejected or unavailable push.
 */
public class IngestOutcomeFilter {

    /** Routing-context key under which the feed-key check leaves the name of the authenticated feed. */
    public static final String FEED_ATTRIBUTE = "claimtrail.feed";
    private static final String ARTICLES_PATH = "/api/articles";

    @Inject
    IngestMetrics metrics;

    @Inject
    RoutingContext routingContext;

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"POST".equals(request.getMethod()) || !ARTICLES_PATH.equals(request.getUriInfo().getPath())) {
            return;
        }
        String feed = routingContext.get(FEED_ATTRIBUTE);
        Object entity = response.getEntity();
        if (entity instanceof IngestReceipt receipt) {
            metrics.articles(feed, receipt.status(), 1);
        } else if (entity instanceof BulkReceipt bulk) {
            for (ItemResult item : bulk.results()) {
                metrics.articles(feed, ItemResult.REJECTED.equals(item.status()) ? IngestMetrics.REJECTED : item.status(), 1);
            }
        } else if (response.getStatus() == 503) {
            metrics.articles(feed, IngestMetrics.UNAVAILABLE, 1);
        } else if (response.getStatus() >= 400 && response.getStatus() < 500) {
            metrics.articles(feed, IngestMetrics.REJECTED, 1);
        }
    }
}
