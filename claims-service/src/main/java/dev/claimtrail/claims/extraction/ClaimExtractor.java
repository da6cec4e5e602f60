package dev.claimtrail.claims.extraction;

import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;

import java.util.List;

/**
 * Turns one article revision into the attributed claims it holds ({@code shared/spec/claims.md}).
 * Implementations are thread-safe: several consumer threads may call {@link #extract} at once.
 */
public interface ClaimExtractor {

    /** Name and version stamped on every claim; a new version re-extracts every article. */
    Claim.Extractor descriptor();

    /**
     * The claims of one article revision, in text order. Never null (an article without
     * attributions gives an empty list); throws only on bugs.
     */
    List<Claim> extract(ArticleSnapshot article);
}
