package dev.claimtrail.query.rebuild;

import dev.claimtrail.events.ArticleEvent;
import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimEvent;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.EventDecodingException;
import dev.claimtrail.query.articles.ArticleEntity;
import dev.claimtrail.query.articles.ArticleProjection;
import dev.claimtrail.query.claims.ArticleProcessingEntity;
import dev.claimtrail.query.claims.ClaimProjection;
import dev.claimtrail.query.claims.ClaimRow;
import dev.claimtrail.query.infra.KafkaRecords;
import dev.claimtrail.query.infra.StoredInstants;
import dev.claimtrail.query.served.ServedClaim;
import dev.claimtrail.query.stories.StoryComponents;
import dev.claimtrail.query.stories.StoryMatcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The read models of a whole log built in bulk: the state of one rebuild from an empty schema.
 *
 * <p>The live projections apply one record at a time and keep every view current after each; a rebuild
 * only needs the state at the end of the log. So here the log rows ({@code article_revision},
 * {@code claim}, {@code claim_subject}) are derived per batch with the live projections' own derivations
 * ({@link ClaimRow}, {@link ArticleProjection#fold}) and loaded with COPY, the small per-article state
 * (the current article row, every extractor run) is folded in memory, and the views that depend on
 * what each article serves are derived once, at the end, from the final state:
 * <ul>
 *   <li>{@code article_serving}: per article the run the live projection would end up serving
 *       ({@link ClaimProjection#SERVING_ORDER} over the runs that did not fail);</li>
 *   <li>{@code served_claim}, {@code served_term}, {@code served_figure}: {@link ServedClaim} of every
 *       served claim, as the live projection derives them;</li>
 *   <li>{@code story_link}: every pair of served claims of different articles that share a blocking key and
 *       whose time windows overlap, decided by the live {@link StoryMatcher} — the pairs the live projection
 *       compares as the second of each pair joins (a claim once no longer served is never served again, so
 *       the live links are exactly these);</li>
 *   <li>{@code story}: {@link StoryComponents#stories} of each linked group, the function the live
 *       projection re-forms a group with.</li>
 * </ul>
 * RebuildTest proves the result equal to the live read model, table by table. Memory: every claim's
 * served rows (rendered) and match profile, held until the end of the claims log (about 5 GB of heap at
 * peak for a million claims, see query-service/BENCHMARKS.md).
 */
final class BulkRebuild {

    /** COPY buffers are sent once they hold this many characters. */
    private static final int FLUSH_CHARS = 8 << 20;
    /** Served claims written per transaction. */
    static final int SERVED_PAGE = 50_000;

    private final StoryMatcher matcher;
    private final int undatedWindowDays;

    private final Map<String, ArticleEntity> articles = new LinkedHashMap<>();
    private final Set<String> revisions = new HashSet<>();
    private final Set<String> claimIds = new HashSet<>();
    /** The number the last claim loaded was given (claim.seq). */
    private long lastSeq;
    /** Every claim that can be served, in log order; after writeServing, the served ones. */
    private final List<Candidate> recordedClaims = new ArrayList<>();
    /** Every extractor run by event id, in the order first seen. */
    private final Map<String, ArticleProcessingEntity> runs = new LinkedHashMap<>();
    private final Set<String> runKeys = new HashSet<>();
    /** What the story matching needs of each served claim, by claim id. */
    private final Map<String, ServedClaim> served = new HashMap<>();

    BulkRebuild(StoryMatcher matcher, int undatedWindowDays) {
        this.matcher = matcher;
        this.undatedWindowDays = undatedWindowDays;
    }

    // ---- the articles log ----

    /** Decodes a batch of the articles log (no state: runs beside the loading of the batch before). */
    static List<ArticleEvent> decodeArticles(List<ConsumerRecord<String, String>> batch) {
        List<ArticleEvent> events = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, String> record : batch) {
            try {
                events.add(KafkaRecords.decode(record, ArticleEvent.class));
            } catch (EventDecodingException e) {
                // dead-lettered when it was first consumed; a rebuild passes over it
            }
        }
        return events;
    }

    /** Folds a decoded batch of the articles log: revisions are loaded now, article rows at {@link #writeArticles}. */
    void applyArticles(List<ArticleEvent> batch, Connection connection) throws SQLException {
        CopyRows texts = new CopyRows(
                "article_revision (article_id, revision, title, published_at, text, content_hash, recorded_at)");
        for (ArticleEvent event : batch) {
            ArticleSnapshot snapshot = event.article();
            if (revisions.add(snapshot.id() + '\u0000' + snapshot.revision())) {
                texts.row(snapshot.id(), snapshot.revision(), snapshot.title(), snapshot.publishedAt(),
                        snapshot.text(), snapshot.contentHash(), ArticleProjection.at(event));
            }
            ArticleProjection.fold(articles.computeIfAbsent(snapshot.id(), id -> ArticleProjection.created(event)),
                    event);
            if (texts.size() > FLUSH_CHARS) {
                texts.copyTo(connection);
            }
        }
        texts.copyTo(connection);
    }

    /** Loads the article rows folded from the whole articles log. */
    void writeArticles(Connection connection) throws SQLException {
        CopyRows rows = new CopyRows("article (id, revision, external_id, url, title, outlet, published_at, "
                + "language, content_hash, ingested_at, revised_at)");
        for (ArticleEntity a : articles.values()) {
            rows.row(a.id, a.revision, a.externalId, a.url, a.title, a.outlet, a.publishedAt, a.language,
                    a.contentHash, a.ingestedAt, a.revisedAt);
            if (rows.size() > FLUSH_CHARS) {
                rows.copyTo(connection);
            }
        }
        rows.copyTo(connection);
        articles.clear();
        revisions.clear();
    }

    // ---- the claims log ----

    /**
     * One event of the claims log, decoded and rendered as far as that needs no state: a claim's row (all
     * but its number), subject rows and, when it can be served, its served rows; or an extractor run.
     */
    record DecodedClaimEvent(ClaimRow row, String claimFields, String subjectRows, int subjectCount,
                             Candidate candidate, ArticleProcessed run) {
    }

    /**
     * Decodes and renders a batch of the claims log. Pure (no state), so it runs beside the loading of the
     * batch before: the CPU work of decoding and deriving overlaps PostgreSQL's of loading.
     */
    List<DecodedClaimEvent> decodeClaims(List<ConsumerRecord<String, String>> batch) {
        List<DecodedClaimEvent> out = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, String> record : batch) {
            ClaimEvent event;
            try {
                event = KafkaRecords.decode(record, ClaimEvent.class);
            } catch (EventDecodingException e) {
                continue;
            }
            if (event instanceof ClaimRecorded recorded) {
                ClaimRow row = ClaimRow.of(recorded);
                StringBuilder subjects = new StringBuilder();
                for (String[] subject : row.subjects()) {
                    CopyRows.fields(subjects, row.id(), subject[0], subject[1]).append('\n');
                }
                Candidate candidate = null;
                if (!Claim.OUTLET.equals(row.kind())) {
                    // The claim as the live projection reads it back from claim.claim (the same JSON).
                    candidate = Candidate.of(ServedClaim.of(recorded.claim(), undatedWindowDays),
                            servingKey(row.articleId(), row.articleRevision(), row.extractorName(),
                                    row.extractorVersion()));
                }
                out.add(new DecodedClaimEvent(row, CopyRows.fields(new StringBuilder(), row.values()).toString(),
                        subjects.toString(), row.subjects().size(), candidate, null));
            } else if (event instanceof ArticleProcessed processed) {
                out.add(new DecodedClaimEvent(null, null, null, 0, null, processed));
            }
        }
        return out;
    }

    /**
     * Loads a decoded batch's claims and their subjects, numbering the claims in log order as the live
     * inserts would; extractor runs are folded in memory, and the served rows of each claim are kept until
     * the log's end decides which claims are served.
     */
    void applyClaims(List<DecodedClaimEvent> batch, Connection connection) throws SQLException {
        CopyRows claims = new CopyRows("claim (seq, " + ClaimRow.COLUMNS + ")");
        CopyRows subjects = new CopyRows("claim_subject (claim_id, subject_id, alias)");
        for (DecodedClaimEvent event : batch) {
            if (event.run() != null) {
                run(event.run());
                continue;
            }
            if (!claimIds.add(event.row().id())) {
                continue; // recorded again: the same row (claim ids are deterministic)
            }
            long seq = ++lastSeq;
            claims.rendered(new StringBuilder(event.claimFields().length() + 12).append(seq).append('\t')
                    .append(event.claimFields()).append('\n'), 1);
            subjects.rendered(event.subjectRows(), event.subjectCount());
            if (event.candidate() != null) {
                recordedClaims.add(event.candidate().numbered(seq));
            }
            if (claims.size() > FLUSH_CHARS) {
                claims.copyTo(connection);
                subjects.copyTo(connection);
            }
        }
        claims.copyTo(connection);
        subjects.copyTo(connection);
    }

    private static String servingKey(String articleId, int revision, String extractorName, String extractorVersion) {
        return articleId + '\u0000' + revision + '\u0000' + extractorName + '\u0000' + extractorVersion;
    }

    /** The live projection's rules for an extractor run seen again (see ClaimProjection.processed). */
    private void run(ArticleProcessed event) {
        ArticleProcessingEntity run = runs.get(event.eventId());
        String key = servingKey(event.articleId(), event.articleRevision(), event.extractor().name(),
                event.extractor().version());
        if (run != null) {
            if (!ClaimProjection.replaces(event.outcome(), run.outcome)) {
                return;
            }
        } else if (runKeys.contains(key)) {
            return;
        } else {
            run = new ArticleProcessingEntity();
            run.eventId = event.eventId();
            runs.put(run.eventId, run);
        }
        runKeys.add(key);
        run.articleId = event.articleId();
        run.revision = event.articleRevision();
        run.extractorName = event.extractor().name();
        run.extractorVersion = event.extractor().version();
        run.claimCount = event.claimCount();
        run.outcome = event.outcome();
        run.reason = event.reason();
        run.processedAt = StoredInstants.of(event.processedAt());
    }

    /**
     * A claim that may be served: its number, the extractor run it belongs to, what story matching needs
     * of it, and its served_claim (all but the story), served_term and served_figure rows, rendered.
     */
    record Candidate(long seq, String servingKey, ServedClaim profile, String idField, String servedFields,
                     String terms, int termCount, List<String> figureFields) {

        /** The candidate of a claim not numbered yet: its served_claim fields are those after claim_seq. */
        static Candidate of(ServedClaim served, String servingKey) {
            Claim claim = served.claim();
            Claim.Source source = claim.source();
            String fields = CopyRows.fields(new StringBuilder(), claim.article().id(),
                    claim.article().outlet(), claim.article().publishedAt(), served.publishedDate(),
                    served.sourceKey(), source == null ? null : source.name(), source == null ? null : source.type(),
                    source == null ? null : source.role(), source == null ? null : source.organisation(),
                    claim.stance(), served.claimDate(), served.windowFrom(), served.windowTo()).toString();
            // The rows ServedClaimsProjection inserts, its ON CONFLICT DO NOTHING included.
            StringBuilder terms = new StringBuilder();
            Set<String> seen = new HashSet<>();
            int termCount = 0;
            termCount += terms(terms, seen, "match", served.blockingKeys(), claim.id());
            termCount += terms(terms, seen, "subject",
                    served.subjects().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(), claim.id());
            termCount += terms(terms, seen, "location", served.locations(), claim.id());
            // Figure rows end with the claim's number, known only once the claim is numbered.
            List<String> figures = new ArrayList<>();
            Set<String> figureKeys = new HashSet<>();
            for (ServedClaim.Figure f : served.figures()) {
                if (figureKeys.add(f.ordinal() + "\u0000" + f.subject())) {
                    Claim.Quantity q = f.quantity();
                    figures.add(CopyRows.fields(new StringBuilder(), claim.id(), f.ordinal(), f.subject(), q.value(),
                            q.valueTo(), q.qualifier(), q.unit(), q.of(), q.text(), served.claimDate()).toString());
                }
            }
            return new Candidate(0, servingKey, served.forMatching(),
                    CopyRows.fields(new StringBuilder(), claim.id()).toString(), fields, terms.toString(), termCount,
                    List.copyOf(figures));
        }

        Candidate numbered(long number) {
            return new Candidate(number, servingKey, profile, idField, servedFields, terms, termCount, figureFields);
        }

        private static int terms(StringBuilder out, Set<String> seen, String kind, Collection<String> terms,
                                 String claimId) {
            int count = 0;
            for (String term : terms) {
                if (seen.add(kind + '\u0000' + term)) {
                    CopyRows.fields(out, kind, term, claimId).append('\n');
                    count++;
                }
            }
            return count;
        }
    }

    // ---- the views, from the final state ----

    /**
     * Loads every extractor run and, per article, the one it serves; decides from it which claims are
     * served. Also moves the claims' identity past the numbers given above, for the records applied live
     * after the bulk build.
     */
    void writeServing(Connection connection) throws SQLException {
        CopyRows processing = new CopyRows("article_processing (event_id, article_id, revision, extractor_name, "
                + "extractor_version, claim_count, outcome, reason, processed_at)");
        Map<String, ArticleProcessingEntity> best = new LinkedHashMap<>();
        for (ArticleProcessingEntity r : runs.values()) {
            processing.row(r.eventId, r.articleId, r.revision, r.extractorName, r.extractorVersion, r.claimCount,
                    r.outcome, r.reason, r.processedAt);
            if (!ArticleProcessed.FAILED.equals(r.outcome)) {
                best.merge(r.articleId, r, (a, b) -> ClaimProjection.SERVING_ORDER.compare(a, b) <= 0 ? a : b);
            }
            if (processing.size() > FLUSH_CHARS) {
                processing.copyTo(connection);
            }
        }
        processing.copyTo(connection);
        CopyRows serving = new CopyRows(
                "article_serving (article_id, revision, extractor_name, extractor_version, claim_count, processed_at)");
        Set<String> served = new HashSet<>();
        for (ArticleProcessingEntity r : best.values()) {
            serving.row(r.articleId, r.revision, r.extractorName, r.extractorVersion, r.claimCount, r.processedAt);
            served.add(servingKey(r.articleId, r.revision, r.extractorName, r.extractorVersion));
            if (serving.size() > FLUSH_CHARS) {
                serving.copyTo(connection);
            }
        }
        serving.copyTo(connection);
        if (lastSeq > 0) {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT setval(pg_get_serial_sequence('claim', 'seq'), ?)")) {
                s.setLong(1, lastSeq);
                s.executeQuery().close();
            }
        }
        recordedClaims.removeIf(c -> !served.contains(c.servingKey()));
        recordedClaims.forEach(c -> this.served.put(c.profile().id(), c.profile()));
        runs.clear();
        runKeys.clear();
        claimIds.clear();
    }

    /**
     * Loads the served claims from {@code from} on (at most {@link #SERVED_PAGE}) into served_claim, each
     * with its story, and their served_term and served_figure rows.
     *
     * @return where the next page starts, or -1 after the last
     */
    int writeServed(Connection connection, Map<String, String> storyOf, int from) throws SQLException {
        CopyRows claims = new CopyRows("served_claim (claim_id, claim_seq, article_id, outlet, published_at, "
                + "published_date, source_key, source_name, source_type, source_role, source_org, stance, "
                + "claim_date, window_from, window_to, story_id)");
        CopyRows terms = new CopyRows("served_term (kind, term, claim_id)");
        CopyRows figures = new CopyRows(
                "served_figure (claim_id, ordinal, subject_id, value, value_to, qualifier, unit, of, text, claim_date, "
                        + "claim_seq)");
        int to = Math.min(recordedClaims.size(), from + SERVED_PAGE);
        for (Candidate c : recordedClaims.subList(from, to)) {
            String story = storyOf.get(c.profile().id());
            StringBuilder row = new StringBuilder(c.idField().length() + c.servedFields().length() + 40)
                    .append(c.idField()).append('\t').append(c.seq()).append('\t').append(c.servedFields())
                    .append('\t');
            CopyRows.fields(row, story).append('\n');
            claims.rendered(row, 1);
            terms.rendered(c.terms(), c.termCount());
            for (String figure : c.figureFields()) {
                figures.rendered(new StringBuilder(figure.length() + 24).append(figure).append('\t').append(c.seq())
                        .append('\n'), 1);
            }
        }
        claims.copyTo(connection);
        terms.copyTo(connection);
        figures.copyTo(connection);
        return to < recordedClaims.size() ? to : -1;
    }

    /**
     * Every link between served claims: per blocking key, the claims holding it in time order, each compared
     * with those after it whose window can still overlap its own. A pair sharing several keys is decided
     * under the first of them only.
     */
    List<StoryLink> links() {
        Map<String, List<ServedClaim>> byKey = new HashMap<>();
        for (ServedClaim claim : served.values()) {
            for (String key : claim.blockingKeys()) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(claim);
            }
        }
        int gap = matcher.maxGapDays();
        List<StoryLink> links = new ArrayList<>();
        for (Map.Entry<String, List<ServedClaim>> entry : byKey.entrySet()) {
            String key = entry.getKey();
            List<ServedClaim> claims = entry.getValue();
            if (claims.size() < 2) {
                continue;
            }
            // Unbounded windows first (they overlap everything), then by the window's first day.
            claims.sort(Comparator.comparing(ServedClaim::windowFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(ServedClaim::id));
            for (int i = 0; i < claims.size(); i++) {
                ServedClaim a = claims.get(i);
                LocalDate reach = a.windowTo() == null ? null : a.windowTo().plusDays(gap);
                for (int j = i + 1; j < claims.size(); j++) {
                    ServedClaim b = claims.get(j);
                    if (reach != null && b.windowFrom() != null && b.windowFrom().isAfter(reach)) {
                        break; // sorted by windowFrom: no later claim's window reaches back to a's
                    }
                    if (a.articleId().equals(b.articleId()) || !firstSharedKey(a, b, key)) {
                        continue;
                    }
                    StoryMatcher.Basis basis = matcher.match(a, b);
                    if (basis != null) {
                        links.add(a.id().compareTo(b.id()) < 0 ? new StoryLink(a.id(), b.id(), basis.name())
                                : new StoryLink(b.id(), a.id(), basis.name()));
                    }
                }
            }
        }
        return links;
    }

    private static boolean firstSharedKey(ServedClaim a, ServedClaim b, String key) {
        for (String k : a.blockingKeys()) {
            if (k.compareTo(key) < 0 && b.blockingKeys().contains(k)) {
                return false;
            }
        }
        return true;
    }

    /** A link between two served claims, {@code a < b}. */
    record StoryLink(String a, String b, String basis) {
    }

    /** A story: its id (smallest member) and the row the live projection inserts for it. */
    record Story(String id, List<String> members, int articleCount, LocalDate firstPublished, LocalDate dateFrom,
                 LocalDate dateTo) {
    }

    /** The stories of every linked group, as the live projection re-forms a group. */
    List<Story> stories(List<StoryLink> links) {
        Map<String, List<StoryComponents.Link>> byGroup = new HashMap<>();
        Map<String, Set<String>> members = new HashMap<>();
        Set<String> linked = new LinkedHashSet<>();
        List<StoryComponents.Link> all = new ArrayList<>(links.size());
        for (StoryLink l : links) {
            all.add(new StoryComponents.Link(l.a(), l.b()));
            linked.add(l.a());
            linked.add(l.b());
        }
        Map<String, String> groupOf = StoryComponents.of(linked, all);
        for (StoryComponents.Link l : all) {
            String group = groupOf.get(l.a());
            byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(l);
            Set<String> m = members.computeIfAbsent(group, g -> new HashSet<>());
            m.add(l.a());
            m.add(l.b());
        }
        List<Story> stories = new ArrayList<>();
        for (Map.Entry<String, Set<String>> group : new TreeMap<>(members).entrySet()) {
            List<ServedClaim> claims = group.getValue().stream().map(served::get).toList();
            Map<String, List<String>> cut = StoryComponents.groups(
                    StoryComponents.stories(claims, byGroup.get(group.getKey()), matcher));
            for (Map.Entry<String, List<String>> story : cut.entrySet()) {
                Set<String> articleIds = new HashSet<>();
                LocalDate first = null;
                LocalDate from = null;
                LocalDate to = null;
                for (String id : story.getValue()) {
                    ServedClaim c = served.get(id);
                    articleIds.add(c.articleId());
                    first = min(first, c.publishedDate());
                    from = min(from, c.claimDate());
                    to = c.claimDate() == null || (to != null && !c.claimDate().isAfter(to)) ? to : c.claimDate();
                }
                stories.add(new Story(story.getKey(), story.getValue(), articleIds.size(), first, from, to));
            }
        }
        return stories;
    }

    private static LocalDate min(LocalDate current, LocalDate candidate) {
        return candidate == null || (current != null && !candidate.isBefore(current)) ? current : candidate;
    }

    /** Each story member's story id. */
    static Map<String, String> storyOf(List<Story> stories) {
        Map<String, String> out = new HashMap<>();
        stories.forEach(story -> story.members().forEach(member -> out.put(member, story.id())));
        return out;
    }

    /** Loads the links and the stories (after every served claim they name). */
    static void writeStories(Connection connection, List<StoryLink> links, List<Story> stories) throws SQLException {
        CopyRows linkRows = new CopyRows("story_link (claim_a, claim_b, basis)");
        Set<String> seen = new HashSet<>();
        for (StoryLink l : links) {
            if (seen.add(l.a() + '\u0000' + l.b())) {
                linkRows.row(l.a(), l.b(), l.basis());
            }
            if (linkRows.size() > FLUSH_CHARS) {
                linkRows.copyTo(connection);
            }
        }
        linkRows.copyTo(connection);
        CopyRows storyRows = new CopyRows(
                "story (id, member_count, article_count, first_published, date_from, date_to)");
        for (Story story : stories) {
            storyRows.row(story.id(), story.members().size(), story.articleCount(), story.firstPublished(),
                    story.dateFrom(), story.dateTo());
            if (storyRows.size() > FLUSH_CHARS) {
                storyRows.copyTo(connection);
            }
        }
        storyRows.copyTo(connection);
    }

    int servedCount() {
        return served.size();
    }

    /** Serves a claim directly, for the tests of the link search and story cutting (which need no database). */
    void serve(ServedClaim claim) {
        served.put(claim.id(), claim.forMatching());
    }
}
