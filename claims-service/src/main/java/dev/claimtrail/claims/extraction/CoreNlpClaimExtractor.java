package dev.claimtrail.claims.extraction;

import dev.claimtrail.claims.extraction.enrich.ArticleEntities;
import dev.claimtrail.claims.extraction.enrich.EntityCatalog;
import dev.claimtrail.claims.extraction.enrich.LocationFinder;
import dev.claimtrail.claims.extraction.enrich.QuantityFinder;
import dev.claimtrail.claims.extraction.enrich.TimeResolver;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.Ids;
import edu.stanford.nlp.ling.CoreLabel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Claimtrail's extractor: CoreNLP gives sentences, tags, entities and dependency parses (only of
 * the sentences that can hold an attribution); {@link AttributionFinder} reads the attribution
 * relations off the parses; {@link SourceResolver} resolves who spoke; this class adds the article
 * context a sentence cannot give — relay chains, the occasion's time carried over to the same
 * source's later claims — and the enrich package's subjects, figures and places.
 */
public final class CoreNlpClaimExtractor implements ClaimExtractor {

    public static final Claim.Extractor DESCRIPTOR = new Claim.Extractor("claimtrail-corenlp", "1.0.0");

    private static final boolean DEBUG = Boolean.getBoolean("claimtrail.extraction.debug");
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(CoreNlpClaimExtractor.class.getName());

    private final NlpPipeline pipeline;
    private final CueLexicon lexicon;
    private final AttributionFinder finder;
    private final EntityCatalog catalog;
    private final QuantityFinder quantities;
    private final LocationFinder locations;
    private final TimeResolver times;

    public CoreNlpClaimExtractor() {
        this.lexicon = CueLexicon.standard();
        this.pipeline = new NlpPipeline();
        this.finder = new AttributionFinder(lexicon);
        this.catalog = EntityCatalog.curated();
        this.quantities = new QuantityFinder();
        this.locations = LocationFinder.curated();
        this.times = new TimeResolver();
    }

    @Override
    public Claim.Extractor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Claim> extract(ArticleSnapshot article) {
        String text = article.text();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<NlpPipeline.Sentence> sentences = pipeline.analyse(text, s -> worthParsing(s, text));
        QuoteRegions quotes = QuoteRegions.of(text);
        ArticleEntities entities = ArticleEntities.analyse(text, catalog);
        SourceResolver resolver = new SourceResolver(text, sentences, entities, finder);

        List<Attribution> attributions = new ArrayList<>();
        List<AttributionFinder.Relay> relays = new ArrayList<>();
        for (NlpPipeline.Sentence s : sentences) {
            if (s.parsed()) {
                try {
                    attributions.addAll(finder.find(s, text, quotes));
                    relays.addAll(finder.relays(s, text));
                } catch (RuntimeException e) {
                    // One unreadable sentence (a parse the rules did not foresee) must not cost the article its
                    // other claims; the failure is logged with enough to reproduce it.
                    LOG.log(java.util.logging.Level.WARNING, "attribution rules failed on sentence " + s.index()
                            + " of article " + article.id(), e);
                }
            }
        }
        if (DEBUG) {
            attributions.forEach(a -> System.err.println("raw " + a + " " + (a.source == null ? "" : a.source.text(text))));
        }
        attributions = dedupe(attributions);
        // A cue inside somebody's quote ("the bill I would have written") with a content reaching out of
        // the quote is a misreading of the quote's own words.
        attributions.removeIf(a -> {
            QuoteRegions.Region r = quotes.at(a.cueStart);
            return r != null && (a.contentStart < r.start() || a.contentEnd > r.end());
        });
        foldAgencyRelays(attributions);
        cutParticiples(attributions, text);
        cutGlosses(attributions, text);
        cutBackground(attributions, text);
        attributions.sort(Comparator.comparingInt((Attribution a) -> a.sentence.index()).thenComparingInt(a -> a.cueStart));

        // Relays: whose words reach the article through which outlet, from which sentence on.
        Map<String, List<String>> relayed = new HashMap<>();
        Map<String, Integer> relayedFrom = new HashMap<>();
        for (AttributionFinder.Relay r : relays) {
            String who = r.person() ? resolver.canonicalPerson(r.relayed()) : r.relayed();
            if (!r.outlet().equalsIgnoreCase(who)) {
                relayed.putIfAbsent(key(who), List.of(r.outlet()));
                relayedFrom.putIfAbsent(key(who), r.sentenceIndex());
            }
        }

        LocalDate published = TimeResolver.publishedDate(article.publishedAt());
        List<Draft> drafts = new ArrayList<>();
        List<SourceResolver.Resolved> previous = new ArrayList<>();
        List<Integer> previousSentences = new ArrayList<>();
        for (int i = 0; i < attributions.size(); i++) {
            Attribution a = attributions.get(i);
            List<SourceResolver.Resolved> sources;
            try {
                sources = resolver.resolve(a, previous, previousSentences, attributions.subList(i + 1, attributions.size()));
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "source resolution failed for the cue at " + a.cueStart
                        + " of article " + article.id(), e);
                continue;
            }
            for (SourceResolver.Resolved src : sources) {
                Draft d = new Draft(a, src);
                d.evidence = evidence(sentences, a, src);
                d.inlineVia = new ArrayList<>();
                for (NounPhrase v : a.inlineVia) {
                    String name = resolver.outletName(v);
                    if (name != null && !name.equalsIgnoreCase(src.name())) {
                        d.inlineVia.add(name);
                    }
                }
                List<String> via = new ArrayList<>();
                if (a.relayer != null) {
                    String relayer = resolver.resolveSingle(a.relayer, a, previous, previousSentences, List.of()).name();
                    via.addAll(chain(relayed, relayedFrom, relayer, a.sentence.index()));
                    via.add(relayer);
                } else {
                    via.addAll(chain(relayed, relayedFrom, src.name(), a.sentence.index()));
                }
                for (String v : d.inlineVia) {
                    if (!via.contains(v)) {
                        via.add(v);
                    }
                }
                d.via = via;
                // A claim known only through a report that "focused on a claim from X" is dated by nothing but the
                // report: a date in that sentence is the report's, not the statement's.
                boolean reportedNoun = a.cueNode.tag().startsWith("NN") && !a.inlineVia.isEmpty();
                d.claimedAt = reportedNoun ? null
                        : times.resolve(text, d.evidence[0], d.evidence[1], a.contentStart, a.contentEnd, published);
                drafts.add(d);
            }
            previous.add(sources.get(sources.size() - 1));
            previousSentences.add(a.sentence.index());
        }
        Set<Integer> relaySentences = new HashSet<>();
        relays.forEach(r -> relaySentences.add(r.sentenceIndex())); // a date there is the relaying report's
        carryOccasions(drafts, sentences, text, published, relaySentences);

        List<Claim> claims = new ArrayList<>(drafts.size());
        Set<String> ids = new HashSet<>();
        Claim.ArticleRef ref = new Claim.ArticleRef(article.id(), article.revision(), article.externalId(), article.outlet(),
                article.url(), article.publishedAt());
        for (Draft d : drafts) {
            Claim c = toClaim(d, article, ref, text, entities, resolver, quotes);
            if (ids.add(c.id())) {
                claims.add(c);
            }
        }
        return claims;
    }

    /**
     * Only sentences with a cue form are parsed. A line without closing punctuation — a headline, a
     * caption, an "Also Read" link — is page furniture or a headline, whose attributions are optional
     * (claims.md rule 3), and is left out.
     */
    private boolean worthParsing(NlpPipeline.Sentence s, String text) {
        if (isBareLine(s, text)) {
            return false;
        }
        for (CoreLabel t : s.tokens()) {
            if (lexicon.isTriggerForm(t.word())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBareLine(NlpPipeline.Sentence s, String text) {
        int before = s.begin() - 1;
        while (before >= 0 && text.charAt(before) != '\n' && Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        int after = s.end();
        while (after < text.length() && text.charAt(after) != '\n' && Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        boolean wholeLine = (before < 0 || text.charAt(before) == '\n') && (after >= text.length() || text.charAt(after) == '\n');
        if (!wholeLine) {
            return false;
        }
        char last = text.charAt(s.end() - 1);
        return ".!?\"”’:)".indexOf(last) < 0;
    }

    /** Per-claim working state. */
    private static final class Draft {
        final Attribution a;
        final SourceResolver.Resolved source;
        int[] evidence;
        List<String> via;
        List<String> inlineVia;
        Claim.ClaimedAt claimedAt;
        boolean ownTime;

        Draft(Attribution a, SourceResolver.Resolved source) {
            this.a = a;
            this.source = source;
        }
    }

    private static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    private static List<String> chain(Map<String, List<String>> relayed, Map<String, Integer> from, String name, int sentence) {
        List<String> c = relayed.get(key(name));
        Integer since = from.get(key(name));
        return c != null && since != null && since <= sentence ? c : List.of();
    }

    /** Two cues read as one relation (a noun cue inside a verb cue's content, a hedge inside a claim) count once. */
    private static List<Attribution> dedupe(List<Attribution> in) {
        List<Attribution> out = new ArrayList<>();
        for (Attribution a : in) {
            boolean drop = false;
            for (Attribution b : in) {
                if (a == b || a.sentence != b.sentence) {
                    continue;
                }
                boolean sameContent = Math.abs(a.contentStart - b.contentStart) <= 2 && Math.abs(a.contentEnd - b.contentEnd) <= 2;
                if (a.sourceForm == Attribution.SourceForm.CONTEXT && b.sourceForm != Attribution.SourceForm.CONTEXT
                        && a.cueStart >= b.contentStart && a.cueEnd <= b.contentEnd) {
                    drop = true; // "X said the men were reportedly Kyrgyz": X's claim
                }
                if (a.sourceForm == Attribution.SourceForm.NOUN_ITSELF && sameContent && b.sourceForm != Attribution.SourceForm.NOUN_ITSELF) {
                    drop = true;
                }
                if (sameContent && a.cueStart == b.cueStart && in.indexOf(b) < in.indexOf(a)) {
                    drop = true;
                }
            }
            if (!drop) {
                out.add(a);
            }
        }
        return out;
    }

    private static final Set<String> RELAY_CUES = Set.of("report", "write", "quote", "cite", "carry", "publish");

    /**
     * "Peskov said Moscow was ready, Interfax reported": an outlet reporting somebody's attributed words is
     * a relay (claims.md rule 2) — no claim of its own, it goes first into the via of the claim it carries.
     */
    private static void foldAgencyRelays(List<Attribution> attributions) {
        List<Attribution> relays = new ArrayList<>();
        for (Attribution a : attributions) {
            if (a.source == null || !RELAY_CUES.contains(a.cueLemma) || !a.cueNode.tag().startsWith("VB")
                    || !a.source.head().tag().startsWith("NNP")) {
                continue;
            }
            for (Attribution b : attributions) {
                if (b != a && b.sentence == a.sentence && b.source != null && b.source.start() >= a.contentStart
                        && b.cueEnd <= a.contentEnd && b.source.start() <= a.contentStart + 2) {
                    b.inlineVia.add(0, a.source);
                    relays.add(a);
                }
            }
        }
        attributions.removeAll(relays);
    }

    /**
     * A participle cue is a claim of its own ("…, noting that …", "…, with spokesman X saying that …"), and so
     * is a second verb of the same speaker ("insisted that … and denied that …"): the claim before it ends
     * where that cue's clause starts.
     */
    private static void cutParticiples(List<Attribution> attributions, String text) {
        for (Attribution b : attributions) {
            boolean participle = b.cueNode.tag().equals("VBG");
            if (!participle && b.source == null) {
                continue;
            }
            for (Attribution a : attributions) {
                if (a == b || a.sentence != b.sentence || b.cueStart <= a.contentStart || b.cueStart >= a.contentEnd) {
                    continue;
                }
                // a second verb of the same speaker ("insisted that … and denied that …") ends the first content
                edu.stanford.nlp.semgraph.SemanticGraph g = b.sentence.graph();
                boolean coordinated = "conj".equals(AttributionFinder.rel(g, b.cueNode))
                        && AttributionFinder.child(g, b.cueNode, "nsubj") == null;
                boolean sameSpeaker = coordinated || a.source != null && b.source != null
                        && a.source.head().index() == b.source.head().index() && b.source.start() < a.contentStart;
                if (!participle && !sameSpeaker) {
                    continue;
                }
                int cut = b.cueStart;
                if (b.source != null && b.source.start() > a.contentStart && b.source.start() < b.cueStart) {
                    cut = b.source.start();
                }
                String before = text.substring(a.contentStart, cut);
                String trimmed = before.replaceAll("(?:[\\s,;:—–-]|\\bwith\\b|\\band\\b)+$", "");
                int[] span = AttributionFinder.trimChars(text, a.contentStart, a.contentStart + trimmed.length());
                if (span != null) {
                    a.contentStart = span[0];
                    a.contentEnd = span[1];
                }
            }
        }
    }

    private static final java.util.regex.Pattern GLOSS = java.util.regex.Pattern.compile(
            "\\s*[,—–]\\s+(?:a|an|the)\\s+(?:\\w+\\s+)?(" + String.join("|", AttributionFinder.GLOSS_NOUNS) + ")\\b");

    /**
     * "Groups said the plant had been fined, a claim the company denied": the gloss after the content is the
     * outlet's, and the relative clause on it is a claim of its own about the same content.
     */
    private static void cutGlosses(List<Attribution> attributions, String text) {
        for (Attribution a : attributions) {
            if (a.referredClaim != null) {
                continue;
            }
            java.util.regex.Matcher m = GLOSS.matcher(text.substring(a.contentStart, a.contentEnd));
            if (m.find() && m.start() > 0) {
                int glossStart = a.contentStart + m.start();
                for (Attribution b : attributions) {
                    if (b.referredClaim != null && b.sentence == a.sentence && b.referredClaim.beginPosition() >= glossStart
                            && b.referredClaim.beginPosition() < a.contentEnd) {
                        b.contentStart = a.contentStart;
                        b.contentEnd = glossStart;
                    }
                }
                int[] span = AttributionFinder.trimChars(text, a.contentStart, glossStart);
                if (span != null) {
                    a.contentStart = span[0];
                    a.contentEnd = span[1];
                }
            }
        }
    }

    /** A wire dateline before the first sentence: "GENEVA, Oct 3 (Reuters) - ", "ISLAMABAD, PAKISTAN – ". */
    private static final java.util.regex.Pattern DATELINE = java.util.regex.Pattern.compile(
            "^\\p{Lu}[\\p{Lu}\\s.,’'-]*\\p{Lu}(?:,\\s*[\\p{L}.]+\\.?\\s*\\d{1,2})?\\s*(?:\\([^)]{1,40}\\))?\\s*[-—–]+\\s+");
    private static final java.util.regex.Pattern TRAILING_ADVERB = java.util.regex.Pattern.compile(
            ",?\\s+(?:however|though|meanwhile|too|instead|nonetheless|nevertheless)$", java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final java.util.regex.Pattern APPOSITION = java.util.regex.Pattern.compile(
            "(?<=[\\p{Lu}\\p{Lu}\\)][\\p{L}\\)]{0,40}),\\s+(?:a|an)\\s+[^“”\"]+$");

    /**
     * Background the outlet attaches to a claim is not part of it (annotation convention 3): a closing
     * apposition on a name ("…to Tajikistan, a CSTO member state who hosts …") and a trailing "however".
     * Quotes keep their words.
     */
    private static void cutBackground(List<Attribution> attributions, String text) {
        for (Attribution a : attributions) {
            String content = text.substring(a.contentStart, a.contentEnd);
            java.util.regex.Matcher d = DATELINE.matcher(content);
            if (d.find()) {
                int[] rest = AttributionFinder.trimChars(text, a.contentStart + d.end(), a.contentEnd);
                if (rest != null) {
                    a.contentStart = rest[0];
                    content = text.substring(a.contentStart, a.contentEnd);
                }
            }
            java.util.regex.Matcher m = TRAILING_ADVERB.matcher(content);
            if (m.find()) {
                content = content.substring(0, m.start());
            }
            m = APPOSITION.matcher(content);
            if (m.find() && m.start() > 0 && !isQuotedAt(text, a.contentStart)) {
                int comma = content.lastIndexOf(',', m.start() + 1);
                String head = content.substring(0, Math.max(0, comma));
                int lastSpace = head.lastIndexOf(' ');
                String lastWord = head.substring(lastSpace + 1);
                if (!lastWord.isEmpty() && (Character.isUpperCase(lastWord.charAt(0)) || lastWord.endsWith(")"))
                        && !mainVerbIn(a.sentence, a.contentStart + comma, a.contentStart + content.length())) {
                    content = head;
                }
            }
            int[] span = AttributionFinder.trimChars(text, a.contentStart, a.contentStart + content.length());
            if (span != null) {
                a.contentEnd = span[1];
            }
        }
    }

    /** Whether a stretch holds a finite verb outside a relative clause: then it is not a closing apposition. */
    private static boolean mainVerbIn(NlpPipeline.Sentence s, int start, int end) {
        boolean relative = false;
        for (CoreLabel t : s.tokens()) {
            if (t.beginPosition() < start || t.endPosition() > end) {
                continue;
            }
            String tag = t.tag();
            if (tag.startsWith("W") || "that".equalsIgnoreCase(t.word())) {
                relative = true;
            }
            if ((tag.equals("VBD") || tag.equals("VBZ") || tag.equals("VBP") || tag.equals("MD")) && !relative) {
                return true;
            }
        }
        return false;
    }

    private static boolean isQuotedAt(String text, int start) {
        return start > 0 && "“\"".indexOf(text.charAt(start - 1)) >= 0;
    }

    /** The whole sentence(s) that hold the source, the cue and the content. */
    private static int[] evidence(List<NlpPipeline.Sentence> sentences, Attribution a, SourceResolver.Resolved src) {
        int start = Math.min(a.sentence.begin(), a.contentStart);
        int end = Math.max(a.sentence.end(), a.contentEnd);
        if (src.mentionStart() >= 0) {
            start = Math.min(start, src.mentionStart());
            end = Math.max(end, src.mentionEnd());
        }
        for (NlpPipeline.Sentence s : sentences) {
            if (s.begin() <= start && s.end() > start) {
                start = s.begin();
            }
            if (s.begin() < end && s.end() >= end) {
                end = s.end();
            }
        }
        return new int[]{start, end};
    }

    /**
     * claims.md rule 4: a time stated once for an occasion carries over to the same source's other
     * claims from it. A claim without its own time takes the time (and the outlet it was given to)
     * of the sentence just before when that sentence names the source, else of the same source's
     * previous dated claim, else — a lead that summarises the occasion — of its next claim close by.
     */
    private void carryOccasions(List<Draft> drafts, List<NlpPipeline.Sentence> sentences, String text, LocalDate published,
                                Set<Integer> relaySentences) {
        for (Draft d : drafts) {
            d.ownTime = d.claimedAt != null;
        }
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            if (d.ownTime || Claim.Source.UNNAMED.equals(d.source.type())) {
                continue;
            }
            int idx = d.a.sentence.index();
            NlpPipeline.Sentence before = sentenceBefore(sentences, d.evidence[0]);
            if (before != null && mentions(text, before, d.source.name()) && !relaySentences.contains(before.index())) {
                Claim.ClaimedAt t = times.resolve(text, before.begin(), before.end(), before.end(), before.end(), published);
                if (t != null && !isClaimSentence(drafts, before)) {
                    d.claimedAt = t;
                    continue;
                }
            }
            Draft prior = null;
            for (int j = i - 1; j >= 0; j--) {
                Draft p = drafts.get(j);
                if (sameSource(p, d)) {
                    prior = p;
                    break;
                }
            }
            if (prior != null && prior.claimedAt != null) {
                d.claimedAt = prior.claimedAt;
                inheritVia(d, prior);
                continue;
            }
            if (prior == null) {
                for (int j = i + 1; j < drafts.size(); j++) {
                    Draft n = drafts.get(j);
                    if (n.a.sentence.index() - idx > 2) {
                        break;
                    }
                    if (sameSource(n, d) && n.ownTime) {
                        d.claimedAt = n.claimedAt;
                        break;
                    }
                }
            }
        }
    }

    private static void inheritVia(Draft d, Draft prior) {
        if (d.inlineVia.isEmpty() && !prior.inlineVia.isEmpty()) {
            for (String v : prior.inlineVia) {
                if (!d.via.contains(v)) {
                    List<String> via = new ArrayList<>(d.via);
                    via.add(v);
                    d.via = via;
                }
            }
            d.inlineVia = prior.inlineVia;
        }
    }

    private static boolean sameSource(Draft a, Draft b) {
        return a.source.name().equalsIgnoreCase(b.source.name()) && !Claim.Source.UNNAMED.equals(a.source.type());
    }

    private static boolean isClaimSentence(List<Draft> drafts, NlpPipeline.Sentence s) {
        for (Draft d : drafts) {
            if (d.a.sentence == s) {
                return true;
            }
        }
        return false;
    }

    private static NlpPipeline.Sentence sentenceBefore(List<NlpPipeline.Sentence> sentences, int start) {
        NlpPipeline.Sentence best = null;
        for (NlpPipeline.Sentence s : sentences) {
            if (s.end() <= start) {
                best = s;
            }
        }
        return best;
    }

    private static boolean mentions(String text, NlpPipeline.Sentence s, String name) {
        String sentence = text.substring(s.begin(), s.end());
        String[] parts = name.split("\\s+");
        String last = parts[parts.length - 1];
        return last.length() > 2 && sentence.contains(last);
    }

    private Claim toClaim(Draft d, ArticleSnapshot article, Claim.ArticleRef ref, String text, ArticleEntities entities,
                          SourceResolver resolver, QuoteRegions quotes) {
        Attribution a = d.a;
        SourceResolver.Resolved src = d.source;
        Claim.Span mention = src.mentionStart() >= 0
                ? new Claim.Span(text.substring(src.mentionStart(), src.mentionEnd()), src.mentionStart(), src.mentionEnd())
                : null;
        Claim.Source source = new Claim.Source(src.name(), src.type(), src.role(), src.organisation(), mention);
        Claim.Cue cue = new Claim.Cue(a.cueText, a.cueLemma, a.cueStart, a.cueEnd);
        Claim.Span content = new Claim.Span(text.substring(a.contentStart, a.contentEnd), a.contentStart, a.contentEnd);
        Claim.Span evidence = new Claim.Span(text.substring(d.evidence[0], d.evidence[1]), d.evidence[0], d.evidence[1]);
        boolean direct = quotes.quotedChars(a.contentStart, a.contentEnd) * 10 >= (a.contentEnd - a.contentStart) * 7;
        List<Claim.Subject> subjects = new ArrayList<>();
        for (Claim.Subject s : entities.subjectsIn(a.contentStart, a.contentEnd)) {
            // a source's reference to itself ("it is concerned") is not what its claim is about; its name is
            boolean selfReference = s.id().equalsIgnoreCase(src.name()) && s.alias().equals(s.alias().toLowerCase(Locale.ROOT));
            if (!selfReference) {
                subjects.add(s);
            }
        }
        List<int[]> nerLocations = new ArrayList<>();
        for (int[] l : resolver.locationSpans()) {
            if (l[0] >= a.contentStart && l[1] <= a.contentEnd) {
                nerLocations.add(l);
            }
        }
        String id = Ids.claimId(article.id(), article.revision(), DESCRIPTOR.version(),
                mention == null ? -1 : mention.start(), mention == null ? -1 : mention.end(),
                a.cueStart, a.cueEnd, a.contentStart, a.contentEnd);
        return new Claim(id, Claim.ATTRIBUTED, ref, DESCRIPTOR, source, cue, a.stance, direct, content, evidence,
                subjects, quantities.find(text, a.contentStart, a.contentEnd, entities),
                locations.find(text, a.contentStart, a.contentEnd, nerLocations), d.claimedAt, d.via);
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
