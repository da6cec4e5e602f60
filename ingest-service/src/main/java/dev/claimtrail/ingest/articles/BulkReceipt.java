package dev.claimtrail.ingest.articles;

import java.util.List;

/**
 * What a feed hears back about a bulk push (NDJSON or RSS/Atom): one result per article, in body
 * order, and the totals. A rejected article does not stop the others.
 *
 * @param published  articles written to the log (new or revised)
 * @param duplicates articles ingest already had with this exact text
 * @param rejected   articles refused, each with its problem
 */
public record BulkReceipt(int received, int published, int duplicates, int rejected, List<ItemResult> results) {

    static BulkReceipt of(List<ItemResult> results) {
        int published = 0;
        int duplicates = 0;
        int rejected = 0;
        for (ItemResult result : results) {
            if (ItemResult.REJECTED.equals(result.status())) {
                rejected++;
            } else if (IngestReceipt.DUPLICATE.equals(result.status())) {
                duplicates++;
            } else {
                published++;
            }
        }
        return new BulkReceipt(results.size(), published, duplicates, rejected, List.copyOf(results));
    }
}
