package dev.claimtrail.ingest.articles;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.claimtrail.ingest.infra.Problem;

/**
 * The outcome of one article of a bulk push.
 *
 * @param line     the NDJSON line it came from (feeds: null)
 * @param item     its position in the feed, from 1 (NDJSON: null)
 * @param status   {@link IngestReceipt#ACCEPTED}, {@link IngestReceipt#REVISED}, {@link IngestReceipt#DUPLICATE}
 *                 or {@link #REJECTED}
 * @param problem  why it was rejected, as the single-article endpoint would have said it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemResult(Integer line, Integer item, String id, String status, Integer revision, Problem problem) {

    public static final String REJECTED = "rejected";

    static ItemResult of(Position position, IngestReceipt receipt) {
        return new ItemResult(position.line(), position.item(), receipt.id(), receipt.status(), receipt.revision(), null);
    }

    static ItemResult rejected(Position position, Problem problem) {
        return new ItemResult(position.line(), position.item(), null, REJECTED, null, problem);
    }

    /** Where an article sits in a bulk body: a line of NDJSON or an item of a feed. */
    record Position(Integer line, Integer item) {

        static Position line(int number) {
            return new Position(number, null);
        }

        static Position item(int number) {
            return new Position(null, number);
        }

        String describe() {
            return line != null ? "line " + line : "item " + item;
        }
    }
}
