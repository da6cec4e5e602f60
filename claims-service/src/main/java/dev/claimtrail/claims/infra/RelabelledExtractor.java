package dev.claimtrail.claims.infra;

import dev.claimtrail.claims.extraction.ClaimExtractor;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.Ids;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The same extractor code run under a version label, {@code <code version>+<label>} (SemVer build
 * metadata, e.g. {@code 1.0.0+rerun2}). A new extractor version is normally a new release; a label lets
 * an operator re-extract every article with the code at hand (after a model or gazetteer fix, or to
 * check that re-extraction is deterministic) as a version of its own: its own consumer group, and
 * claim ids derived from the labelled version so they never collide with the unlabelled run's.
 */
final class RelabelledExtractor implements ClaimExtractor {

    private static final Pattern BUILD_METADATA = Pattern.compile("[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*");

    private final ClaimExtractor code;
    private final Claim.Extractor descriptor;

    private RelabelledExtractor(ClaimExtractor code, String version) {
        this.code = code;
        this.descriptor = new Claim.Extractor(code.descriptor().name(), version);
    }

    /**
     * The extractor to run for the configured version: the code itself when the versions agree, the
     * code relabelled when the configured version is the code's plus build metadata.
     *
     * @throws IllegalStateException for any other version, which would file claims under a version the
     *                               code is not
     */
    static ClaimExtractor forVersion(ClaimExtractor code, String configured) {
        String own = code.descriptor().version();
        if (own.equals(configured)) {
            return code;
        }
        String prefix = own + "+";
        if (configured.startsWith(prefix) && BUILD_METADATA.matcher(configured.substring(prefix.length())).matches()) {
            return new RelabelledExtractor(code, configured);
        }
        throw new IllegalStateException("claimtrail.extraction.version=" + configured + " but the extractor is version "
                + own + "; a re-run of this code needs the version " + own + "+<label> (letters, digits, '-', '.')");
    }

    @Override
    public Claim.Extractor descriptor() {
        return descriptor;
    }

    @Override
    public List<Claim> extract(ArticleSnapshot article) {
        return code.extract(article).stream().map(claim -> relabel(claim, article)).toList();
    }

    /** The claim as the labelled version records it: the same spans, an id and extractor of that version. */
    private Claim relabel(Claim claim, ArticleSnapshot article) {
        Claim.Span mention = claim.source() == null ? null : claim.source().mention();
        String id = Ids.claimId(article.id(), article.revision(), descriptor.version(),
                mention == null ? -1 : mention.start(), mention == null ? -1 : mention.end(),
                claim.cue().start(), claim.cue().end(), claim.content().start(), claim.content().end());
        return new Claim(id, claim.kind(), claim.article(), descriptor, claim.source(), claim.cue(), claim.stance(),
                claim.direct(), claim.content(), claim.evidence(), claim.subjects(), claim.quantities(),
                claim.locations(), claim.claimedAt(), claim.via());
    }
}
