package dev.claimtrail.query.claims;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.query.infra.StoredInstants;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code claim} row and {@code claim_subject} rows one ClaimRecorded becomes. Both writers of these
 * tables derive them here — the live projection one statement at a time, a bulk rebuild with COPY — so
 * the two cannot drift apart.
 *
 * @param subjects (subject id, alias) pairs, each once, in the claim's order
 */
public record ClaimRow(
        String id,
        String articleId,
        int articleRevision,
        String externalId,
        String extractorName,
        String extractorVersion,
        String kind,
        String sourceName,
        String sourceNameNorm,
        String sourceType,
        String stance,
        String claimedAtValue,
        String claimedAtPrecision,
        LocalDate claimDateFrom,
        LocalDate claimDateTo,
        String contentText,
        String claimJson,
        Instant recordedAt,
        List<String[]> subjects) {

    /** The columns of {@code claim} a writer fills, in the order of this record's components. */
    public static final String COLUMNS = "id, article_id, article_revision, external_id, extractor_name, "
            + "extractor_version, kind, source_name, source_name_norm, source_type, stance, claimed_at_value, "
            + "claimed_at_precision, claim_date_from, claim_date_to, content_text, claim, recorded_at";

    public static ClaimRow of(ClaimRecorded event) {
        Claim claim = event.claim();
        // The event id is the claim id by contract; fall back to it should a body omit the latter.
        String claimId = claim.id() != null ? claim.id() : event.eventId();
        Claim.ArticleRef article = claim.article();
        ClaimDates.Period period = ClaimDates.of(
                claim.claimedAt() == null ? null : claim.claimedAt().value(), article.publishedAt());
        String extractorName = claim.extractor() == null ? null : claim.extractor().name();
        String extractorVersion = claim.extractor() == null ? null : claim.extractor().version();
        // Without a version the claim cannot be tied to an ArticleProcessed; it is kept as unserved history.
        extractorName = extractorName == null ? "unknown" : extractorName;
        extractorVersion = extractorVersion == null ? "0" : extractorVersion;
        List<String[]> subjects = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Claim.Subject subject : claim.subjects()) {
            if (subject == null || subject.id() == null) {
                continue;
            }
            String alias = subject.alias() == null ? "" : subject.alias();
            if (seen.add(subject.id() + '\u0000' + alias)) {
                subjects.add(new String[] {subject.id(), alias});
            }
        }
        return new ClaimRow(claimId, article.id(), article.revision(), article.externalId(), extractorName,
                extractorVersion, claim.kind(), claim.source().name(), SourceNames.normalise(claim.source().name()),
                claim.source().type(), claim.stance(),
                claim.claimedAt() == null ? null : claim.claimedAt().value(),
                claim.claimedAt() == null ? null : claim.claimedAt().precision(),
                period == null ? null : period.from(), period == null ? null : period.to(),
                claim.content().text() == null ? "" : claim.content().text(),
                json(claim), StoredInstants.of(event.recordedAt()), subjects);
    }

    /**
     * The claim as stored in claim.claim (jsonb): written directly; the detour through a tree showed in
     * thread samples of a bulk load.
     */
    private static String json(Claim claim) {
        try {
            return EventCodec.mapper().writeValueAsString(claim);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claim " + claim.id() + " cannot be written as JSON", e);
        }
    }

    /** The claim column values in {@link #COLUMNS} order (dates and instants as Java values). */
    public Object[] values() {
        return new Object[] {id, articleId, articleRevision, externalId, extractorName, extractorVersion, kind,
                sourceName, sourceNameNorm, sourceType, stance, claimedAtValue, claimedAtPrecision, claimDateFrom,
                claimDateTo, contentText, claimJson, recordedAt};
    }
}
