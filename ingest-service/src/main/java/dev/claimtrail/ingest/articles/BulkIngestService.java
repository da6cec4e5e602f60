package dev.claimtrail.ingest.articles;

import dev.claimtrail.ingest.infra.ProblemException;
import dev.claimtrail.ingest.infra.ProblemType;
import dev.claimtrail.ingest.infra.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Ingests the articles of one bulk body one by one, each in its own transaction exactly as a single
 * push, so a bad article is reported and skipped while the good ones go through.
 *
 * <p>A broker outage is different: every further article would wait for the same timeout and fail
 * the same way, so the whole request stops with 503. That is safe to retry as a whole: the articles
 * already published come back as duplicates, and publish nothing twice.
 */
@ApplicationScoped
public class BulkIngestService {

    @Inject
    ArticleIngestService ingestService;

    /** An article still to be read: reading it can fail on its own without failing the others. */
    public record PendingArticle(ItemResult.Position position, Supplier<ArticleSubmission> submission) {
    }

    /**
     * @param instance the request path, for the problems of rejected articles
     * @throws ProblemException 503 as soon as the log cannot take a write
     */
    public BulkReceipt ingestAll(List<PendingArticle> articles, String instance) {
        List<ItemResult> results = new ArrayList<>(articles.size());
        int published = 0;
        for (PendingArticle article : articles) {
            try {
                IngestReceipt receipt = ingestService.ingest(article.submission().get());
                results.add(ItemResult.of(article.position(), receipt));
                if (receipt.published()) {
                    published++;
                }
            } catch (ProblemException e) {
                if (e.type() == ProblemType.LOG_UNAVAILABLE) {
                    throw ProblemException.logUnavailable(article.position().describe() + " could not be written to "
                            + "the article log and the rest of the body was not attempted; " + published
                            + " earlier article(s) were published and will be reported as duplicates when the "
                            + "whole body is retried later", e.retryAfter(), e.getCause());
                }
                results.add(ItemResult.rejected(article.position(), Problems.of(e.type(), e.detail(), instance)));
            }
        }
        BulkReceipt receipt = BulkReceipt.of(results);
        if (receipt.rejected() == receipt.received()) {
            throw allRejected(results);
        }
        return receipt;
    }

    /**
     * A body none of whose articles could be taken is a refusal like a bad single article: a 4xx
     * problem, so that a client looking only at the status does not take it for success. The
     * per-article problems ride along as the {@code results} extension.
     */
    private static ProblemException allRejected(List<ItemResult> results) {
        ProblemType type = null;
        StringBuilder detail = new StringBuilder("none of the ").append(results.size())
                .append(results.size() == 1 ? " article was" : " articles were").append(" accepted");
        for (int i = 0; i < results.size(); i++) {
            ItemResult result = results.get(i);
            ProblemType itemType = ProblemType.forStatus(result.problem().status());
            type = type == null || type == itemType ? itemType : ProblemType.INVALID_REQUEST;
            if (i < 3) {
                detail.append(i == 0 ? ": " : "; ").append(new ItemResult.Position(result.line(), result.item()).describe())
                        .append(": ").append(result.problem().detail());
            }
        }
        if (results.size() > 3) {
            detail.append("; … see 'results'");
        }
        return new ProblemException(type, detail.toString(), null, null).withExtension("results", results);
    }
}
