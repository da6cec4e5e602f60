package dev.claimtrail.claims.extraction;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads attribution relations off the dependency parse of one sentence (Universal Dependencies,
 * CoreNLP basic trees): reporting verbs with their subject and complement, inverted and quoted
 * forms, participles and relative clauses that inherit a subject, "according to", "as saying",
 * noun cues with a that-clause and hedges ("reportedly").
 */
final class AttributionFinder {

    /** Verbs through which an outlet or report passes on somebody else's words. */
    static final Set<String> RELAY_VERBS = Set.of("refer", "reference", "cite", "quote", "focus", "relay", "carry",
            "publish", "mention", "feature", "report");
    /** Nouns naming somebody's words, as relayed: "remarks by X", "warnings from X". */
    static final Set<String> SPEECH_NOUNS = Set.of("remark", "warning", "comment", "statement", "claim", "word",
            "interview", "assessment", "view", "testimony", "message", "post", "speech", "briefing", "address",
            "allegation", "assertion", "account", "estimate", "information", "data");
    /** Nouns for the occasion a statement was made to an outlet: "in an interview with TASS". */
    static final Set<String> INTERVIEW_NOUNS = Set.of("interview", "conversation", "talk", "podcast");
    /** Nouns of the outlet's gloss on a claim: "…, a claim the company denied", "— a view the minister rejected". */
    static final Set<String> GLOSS_NOUNS = Set.of("claim", "view", "allegation", "accusation", "charge", "assertion",
            "suggestion", "assessment", "figure", "characterisation", "characterization", "estimate", "report");
    /** Objects of "put … at": "put the death toll at 37". */
    static final Set<String> FIGURE_NOUNS = Set.of("toll", "number", "figure", "total", "cost", "count", "estimate",
            "loss", "losses", "damage", "tally", "size", "value");
    /** Nouns for an outlet: "told the state news agency Khovar". */
    static final Set<String> MEDIA_NOUNS = Set.of("agency", "newspaper", "channel", "broadcaster", "outlet", "radio",
            "television", "magazine", "website", "daily", "weekly", "station", "network", "portal", "paper");
    static final Set<String> HEDGES = Set.of("reportedly", "allegedly", "purportedly", "supposedly");
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "n't", "nothing", "none", "neither", "nor");

    private final CueLexicon lexicon;

    AttributionFinder(CueLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** A relay found in a sentence: {@code relayed}'s words come to the article through {@code relayer}. */
    record Relay(String relayed, boolean person, String outlet, int sentenceIndex) {
    }

    List<Attribution> find(NlpPipeline.Sentence sentence, String text, QuoteRegions quotes) {
        List<Attribution> out = new ArrayList<>();
        SemanticGraph g = sentence.graph();
        if (g == null) {
            return out;
        }
        Set<IndexedWord> consumed = new HashSet<>();
        for (IndexedWord w : g.vertexListSorted()) {
            if (consumed.contains(w)) {
                continue;
            }
            String lemma = lower(w.lemma());
            String tag = w.tag();
            String word = lower(w.word());
            if ("according".equals(word) && "case".equals(rel(g, w))) {
                according(sentence, g, w, text).ifPresent(out::add);
            } else if (HEDGES.contains(word)) {
                hedge(sentence, g, w, text).ifPresent(out::add);
            } else if (tag.startsWith("VB")) {
                if ("say".equals(lemma) && w.tag().equals("VBG") && w.index() > 1
                        && "as".equalsIgnoreCase(sentence.tokens().get(w.index() - 2).word())) {
                    asSaying(sentence, g, w, text, quotes).ifPresent(a -> {
                        out.add(a);
                        consumed.add(g.getParent(w));
                    });
                    continue;
                }
                verbCue(sentence, g, w, text, quotes).ifPresent(out::add);
            } else if (tag.startsWith("NN")) {
                nounCue(sentence, g, w, text).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * Relays in a sentence, read off the tokens: "The report by Asia-Plus referenced warnings from
     * Andrei Serenko", "Asia-Plus’ report also referred to recent remarks by …, Alexander Bortnikov".
     */
    List<Relay> relays(NlpPipeline.Sentence s, String text) {
        List<Relay> out = new ArrayList<>();
        List<edu.stanford.nlp.ling.CoreLabel> toks = s.tokens();
        for (int i = 0; i < toks.size(); i++) {
            edu.stanford.nlp.ling.CoreLabel t = toks.get(i);
            if (!RELAY_VERBS.contains(lower(t.lemma())) || !(t.tag().startsWith("VB") || t.tag().startsWith("JJ"))) {
                continue;
            }
            for (int j = i + 1; j < Math.min(toks.size() - 1, i + 6); j++) {
                edu.stanford.nlp.ling.CoreLabel n = toks.get(j);
                if (!n.tag().startsWith("NN") || !SPEECH_NOUNS.contains(lower(n.lemma()))) {
                    continue;
                }
                if (!Set.of("from", "by", "of").contains(lower(toks.get(j + 1).word()))) {
                    break;
                }
                String relayed = null;
                boolean person = false;
                for (String type : List.of("PERSON", "ORGANIZATION")) {
                    int k = j + 2;
                    while (k < toks.size() && k < j + 28 && relayed == null) {
                        edu.stanford.nlp.ling.CoreLabel x = toks.get(k);
                        if (x.tag().startsWith("VB") || x.tag().startsWith("W")) {
                            break;
                        }
                        if (type.equals(x.ner())) {
                            int e = k;
                            while (e + 1 < toks.size() && type.equals(toks.get(e + 1).ner())) {
                                e++;
                            }
                            relayed = text.substring(x.beginPosition(), toks.get(e).endPosition());
                            person = type.equals("PERSON");
                        }
                        k++;
                    }
                    if (relayed != null) {
                        break;
                    }
                }
                String outlet = outletBefore(s, t.beginPosition(), text);
                if (relayed != null && outlet != null) {
                    out.add(new Relay(relayed, person, outlet, s.index()));
                }
                break;
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern NAMED_REPORT = java.util.regex.Pattern.compile(
            "(?:report|article|story|interview|piece|publication|dispatch|digest|bulletin|newsletter|broadcast|programme|program|column|editorial|blog|analysis|review)\\s+(?:by|from|in)\\s+(?:the\\s+)?"
                    + "(\\p{Lu}[\\p{L}\\-]*(?:\\s\\p{Lu}[\\p{L}\\-]*)*)"
                    + "|(\\p{Lu}[\\p{L}\\-]*(?:\\s\\p{Lu}[\\p{L}\\-]*)*)['’]s?\\s+(?:\\p{Ll}+\\s+)?(?:report|article|story|interview|digest|bulletin|newsletter|broadcast|column|editorial|analysis)");

    /** The outlet named before a relay verb: "The report by Asia-Plus", "Asia-Plus’ report", "TASS". */
    private static String outletBefore(NlpPipeline.Sentence s, int offset, String text) {
        java.util.regex.Matcher m = NAMED_REPORT.matcher(text.substring(s.begin(), offset));
        String found = null;
        while (m.find()) {
            found = m.group(1) != null ? m.group(1) : m.group(2);
        }
        if (found != null) {
            return found;
        }
        String org = null;
        for (var t : s.tokens()) {
            if (t.beginPosition() >= offset) {
                break;
            }
            if ("ORGANIZATION".equals(t.ner())) {
                org = org == null ? t.word() : org + " " + t.word();
            } else if (org != null) {
                break;
            }
        }
        return org;
    }

    // ---------------------------------------------------------------- verb cues

    private Optional<Attribution> verbCue(NlpPipeline.Sentence s, SemanticGraph g, IndexedWord w, String text, QuoteRegions quotes) {
        String lemma = lower(w.lemma());
        List<IndexedWord> cueTokens = new ArrayList<>(List.of(w));
        CueLexicon.Cue cue = null;
        String cueLemma = lemma;
        IndexedWord concernNoun = null;
        IndexedWord obj = child(g, w, "obj");
        IndexedWord prt = child(g, w, "compound:prt");
        if (CueLexicon.CONCERN_VERBS.contains(lemma) && obj != null && obj.index() > w.index()
                && lexicon.concernNoun(lower(obj.lemma())).isPresent()) {
            cue = lexicon.concernNoun(lower(obj.lemma())).get();
            concernNoun = obj;
            cueTokens.add(obj);
            cueLemma = lemma + " " + lower(obj.lemma());
        } else if (CueLexicon.CONCERN_VERBS.contains(lemma) && nextToken(g, w) != null
                && nextToken(g, w).tag().startsWith("NN") && lexicon.concernNoun(lower(nextToken(g, w).lemma())).isPresent()) {
            IndexedWord noun = nextToken(g, w);
            cue = lexicon.concernNoun(lower(noun.lemma())).get();
            concernNoun = noun;
            cueTokens.add(noun);
            cueLemma = lemma + " " + lower(noun.lemma());
        } else if (prt != null && lexicon.particleVerb(lemma, prt.word()).isPresent()) {
            cue = lexicon.particleVerb(lemma, prt.word()).get();
            cueTokens.add(prt);
            cueLemma = cue.lemma();
        } else if (lexicon.verb(lemma).isPresent()) {
            cue = lexicon.verb(lemma).get();
        }
        if (cue == null && "put".equals(lemma) && obj != null && FIGURE_NOUNS.contains(lower(obj.lemma()))) {
            for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
                if (e.getRelation().toString().startsWith("obl") && hasCase(g, e.getDependent(), "at")) {
                    cue = new CueLexicon.Cue("put", CueLexicon.Kind.VERB, "asserts", true); // "put the death toll at 37"
                    cueLemma = "estimate";
                }
            }
        }
        if (cue != null && (hasChild(g, w, "advmod", "not", "n't", "never") || hasChild(g, w, "neg", "not", "n't", "never"))) {
            return Optional.empty(); // "did not confirm the toll", "would not say": no assertion
        }
        if (cue != null && "claim".equals(lemma) && obj != null && Set.of("responsibility", "credit").contains(lower(obj.lemma()))) {
            cue = new CueLexicon.Cue("claim", CueLexicon.Kind.VERB, "asserts", true); // a claim of responsibility
        }
        if (cue == null || isPassive(g, w) || "amod".equals(rel(g, w))) {
            return Optional.empty();
        }
        NounPhrase source = subject(s, g, w, text, 0);
        if (source == null || !isNominal(source)) {
            return Optional.empty(); // "All told, …", "That said, …"
        }
        // "…, a claim the company denied": the relative clause's content is the claim the gloss refers to
        IndexedWord glossed = glossNounBefore(s, g, source);
        if (glossed == null && source.tokens().size() > 2 && source.tokens().get(0).tag().equals("DT")
                && GLOSS_NOUNS.contains(lower(source.tokens().get(1).lemma()))
                && !source.tokens().get(2).tag().equals("IN") && !source.tokens().get(2).tag().equals("POS")) {
            List<IndexedWord> rest = source.tokens().subList(2, source.tokens().size());
            NounPhrase trimmedSource = new NounPhrase(s, surfaceHead(rest), rest, rest.get(0).beginPosition(),
                    rest.get(rest.size() - 1).endPosition());
            if (glossNounBefore(s, g, trimmedSource) != null) {
                glossed = source.tokens().get(1);
                source = trimmedSource;
            }
        }
        int[] content = glossed != null
                ? new int[]{glossed.beginPosition(), glossed.endPosition()} // replaced by the glossed claim's content
                : verbContent(s, g, w, cue, cueTokens, concernNoun, source, text, quotes);
        if (content == null) {
            return Optional.empty();
        }
        int cueStart = w.beginPosition();
        int cueEnd = cueTokens.get(cueTokens.size() - 1).endPosition();
        String cueText = cueTokens.size() == 2 && cueTokens.get(1).index() == w.index() + 1
                ? text.substring(cueStart, cueEnd)
                : joinWords(cueTokens);
        if (cueTokens.size() == 1) {
            cueText = w.word();
            cueEnd = w.endPosition();
        }
        String stance = cue.isDenial() ? "denies" : "asserts";
        if (cue.isReply() && negated(s, content)) {
            stance = "denies";
        }
        Attribution a = new Attribution(s, w, cueText, cueLemma, cueStart, cueEnd, stance, Attribution.SourceForm.PHRASE,
                source, content[0], content[1]);
        a.referredClaim = glossed;
        inlineVia(s, g, w, a, text);
        return Optional.of(a);
    }

    /** The content of a verb cue, or null when the verb is not used as a reporting verb here. */
    private int[] verbContent(NlpPipeline.Sentence s, SemanticGraph g, IndexedWord w, CueLexicon.Cue cue,
                              List<IndexedWord> cueTokens, IndexedWord concernNoun, NounPhrase source, String text,
                              QuoteRegions quotes) {
        int cueLast = cueTokens.stream().mapToInt(IndexedWord::index).max().orElse(w.index());
        int limit = nextCueIndex(s, w);
        // 1. A clause after the cue: "said that ...", "said: ...", "claims to have ...".
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            String r = e.getRelation().toString();
            IndexedWord c = e.getDependent();
            if (c.index() <= cueLast || c.index() > limit) {
                continue;
            }
            boolean participle = c.tag().equals("VBG") && child(g, c, "nsubj") == null && child(g, c, "aux") == null;
            boolean clause = r.equals("ccomp") && !participle
                    || (r.equals("xcomp") && !"tell".equals(lower(w.lemma())) && isVerbal(g, c) && !participle)
                    || (r.equals("parataxis") && isVerbal(g, c) && !participle) || (r.equals("dep") && isVerbal(g, c) && !participle);
            if (clause && !isCueNode(g, c)) {
                Set<IndexedWord> nodes = subtree(g, c, Set.of());
                boolean clauseHasSubject = child(g, c, "nsubj") != null || child(g, c, "nsubj:pass") != null
                        || child(g, c, "expl") != null;
                for (SemanticGraphEdge se : g.outgoingEdgeList(w)) {
                    IndexedWord x = se.getDependent();
                    String xr = se.getRelation().toString();
                    boolean between = x.index() > cueLast && x.index() < c.index();
                    // "saying it had reached …", "believe the real figure is higher": the parser took the clause's
                    // subject for the cue's
                    if (between && (xr.equals("nsubj") && w.tag().equals("VBG") || xr.equals("obj") && !clauseHasSubject
                            && !"tell".equals(lower(w.lemma())))) {
                        nodes.addAll(subtree(g, x, Set.of()));
                    }
                }
                nodes.removeIf(n -> n.index() <= cueLast);
                int[] span = trimmed(s, g, nodes, text, true);
                if (span != null) {
                    return withQuote(span, quotes, text);
                }
            }
        }
        // 2. Inverted: the content comes first ("“…,” Serdyukov said", "…, he said", "…, said Sidorov").
        int clauseStart = Math.min(w.beginPosition(), source.start());
        IndexedWord leftClause = null;
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            String r = e.getRelation().toString();
            IndexedWord d = e.getDependent();
            if (d.index() < w.index() && (r.equals("ccomp") || r.equals("parataxis")
                    || (r.equals("advcl") || r.equals("dep")) && child(g, d, "nsubj") != null && child(g, d, "mark") == null)) {
                leftClause = d; // "A bomb killed 12 people, police said" (misparsed as an adverbial clause)
            }
        }
        // Whatever the parse made of it (a left ccomp, parataxis, an inverted subject), a cue with nothing to its
        // right takes the content on its left.
        if (isClauseFinal(g, w, cueLast, source, limit)) {
            QuoteRegions.Region q = quotes.closingBefore(text, clauseStart);
            if (q != null) {
                // "“…,” he said, “…”": a quote split by its cue is one claim
                int clauseEnd = Math.max(cueTokens.get(cueTokens.size() - 1).endPosition(), source.end());
                QuoteRegions.Region rest = quotes.openingAfter(text, clauseEnd);
                if (rest != null && text.charAt(skipSpaces(text, clauseEnd)) == ',') {
                    return trimChars(text, q.start(), rest.end());
                }
                return innerQuote(q, text);
            }
            int[] span = null;
            if (leftClause != null) {
                Set<IndexedWord> nodes = subtree(g, leftClause, Set.of());
                nodes.removeIf(n -> n.beginPosition() >= clauseStart);
                span = trimmed(s, g, nodes, text, true);
            }
            if (span == null && precededByComma(text, s, clauseStart)) {
                // "More than 5,000 militants are …, Chief of the … Joint Staff revealed on Thursday"
                span = trimChars(text, s.begin(), clauseStart);
                if (span != null && !hasVerbBetween(s, span[0], span[1])) {
                    span = null;
                }
            }
            if (span != null) {
                return withQuote(span, quotes, text);
            }
        }
        // 3. A quote opening right after the cue or the inverted source ("said Sidorov: “…”").
        int after = Math.max(cueTokens.get(cueTokens.size() - 1).endPosition(), source.start() > w.beginPosition() ? source.end() : 0);
        QuoteRegions.Region q = quotes.openingAfter(text, after);
        if (q != null) {
            return innerQuote(q, text);
        }
        // 4. A noun phrase: "denied the presence of ...", "expressed concern about ...", "accuses X of ...".
        if (cue.npContent() || concernNoun != null) {
            IndexedWord anchor = concernNoun != null ? concernNoun : w;
            Set<IndexedWord> nodes = new HashSet<>();
            for (SemanticGraphEdge e : g.outgoingEdgeList(anchor)) {
                String r = e.getRelation().toString();
                IndexedWord c = e.getDependent();
                if (c.index() <= cueLast || isCueNode(g, c) || r.equals("punct") || r.equals("parataxis")
                        || r.startsWith("nsubj") || r.equals("obl:tmod") || r.equals("cc") || r.equals("conj")) {
                    continue;
                }
                if (r.equals("obj") || r.startsWith("obl") || r.startsWith("nmod") || r.equals("advcl")
                        || r.equals("acl") || r.equals("ccomp") || r.equals("xcomp") || r.equals("iobj")) {
                    if (isTimeOrPlace(g, c)) {
                        continue;
                    }
                    nodes.addAll(subtree(g, c, Set.of()));
                }
            }
            if (concernNoun != null) {
                // "voiced concerns about X" may attach "about X" to the verb rather than the noun.
                for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
                    IndexedWord c = e.getDependent();
                    String r = e.getRelation().toString();
                    if (c.index() > concernNoun.index() && (r.startsWith("obl") || r.equals("advcl") || r.equals("ccomp"))
                            && !isCueNode(g, c) && !isTimeOrPlace(g, c)) {
                        nodes.addAll(subtree(g, c, Set.of()));
                    }
                }
            }
            if (concernNoun != null && nodes.isEmpty()) {
                final int nounIndex = concernNoun.index();
                nodes.addAll(subtree(g, w, Set.of()));
                nodes.addAll(subtree(g, concernNoun, Set.of()));
                nodes.removeIf(n -> n.index() <= nounIndex);
                for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
                    if (isCueNode(g, e.getDependent()) || e.getRelation().toString().equals("punct")) {
                        nodes.removeAll(subtree(g, e.getDependent(), Set.of()));
                    }
                }
            }
            if (!nodes.isEmpty()) {
                int[] span = trimmed(s, g, nodes, text, true);
                if (span != null) {
                    return withQuote(span, quotes, text);
                }
            }
        }
        // 5. Misparsed "X said the roads were blocked": a noun phrase and a finite verb right after the cue.
        return surfaceClauseAfter(s, g, w, cueLast, limit, text, quotes);
    }

    private static final Set<String> EMPTY_OBJECTS = Set.of("nothing", "something", "anything", "little", "much", "more",
            "so", "this", "that", "it", "goodbye", "hello", "yes", "no");

    private int[] surfaceClauseAfter(NlpPipeline.Sentence s, SemanticGraph g, IndexedWord w, int cueLast, int limit,
                                     String text, QuoteRegions quotes) {
        List<edu.stanford.nlp.ling.CoreLabel> toks = s.tokens();
        int k = cueLast; // 0-based index of the token after the cue
        if ("tell".equals(lower(w.lemma()))) {
            while (k < toks.size() && (toks.get(k).tag().startsWith("NN") || toks.get(k).tag().equals("PRP")
                    || toks.get(k).tag().equals("DT"))) {
                k++; // the addressee: "told reporters"
            }
        }
        if (k < toks.size() && "that".equalsIgnoreCase(toks.get(k).word())) {
            k++;
        }
        if (k >= toks.size() || EMPTY_OBJECTS.contains(lower(toks.get(k).word()))) {
            return null;
        }
        int start = k;
        while (k < toks.size() && k < limit - 1) {
            edu.stanford.nlp.ling.CoreLabel t = toks.get(k);
            String tag = t.tag();
            if (tag.equals("VBD") || tag.equals("VBZ") || tag.equals("VBP") || tag.equals("MD")) {
                if (k == start) {
                    return null;
                }
                int[] span = trimChars(text, toks.get(start).beginPosition(), s.end());
                return span == null ? null : withQuote(span, quotes, text);
            }
            if (!isNpToken(toks, k) && !tag.equals("CD") && !tag.equals("RB")) {
                return null;
            }
            k++;
        }
        return null;
    }

    private static boolean isNominal(NounPhrase np) {
        for (IndexedWord t : np.tokens()) {
            if (t.tag().startsWith("NN") || t.tag().equals("PRP") || t.tag().equals("CD")) {
                return true;
            }
        }
        return false;
    }

    /** The first token after the cue that starts another cue's territory ("…, quoting X as saying: …"). */
    private int nextCueIndex(NlpPipeline.Sentence s, IndexedWord w) {
        List<edu.stanford.nlp.ling.CoreLabel> toks = s.tokens();
        for (int k = w.index(); k < toks.size(); k++) {
            edu.stanford.nlp.ling.CoreLabel t = toks.get(k);
            String lemma = lower(t.lemma());
            if (t.tag().startsWith("VB") && (lexicon.verb(lemma).isPresent() || "quote".equals(lemma) || "cite".equals(lemma))) {
                return k + 1;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Whether the cue has nothing to its right that could be its content ("…, Antonov said in Moscow."). */
    private static boolean isClauseFinal(SemanticGraph g, IndexedWord w, int cueLast, NounPhrase source, int limit) {
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            String r = e.getRelation().toString();
            IndexedWord c = e.getDependent();
            if (c.index() > limit) {
                continue; // belongs to the next cue
            }
            if (c.beginPosition() >= source.start() && c.endPosition() <= source.end()) {
                continue; // the inverted subject itself ("said Sidorov", parsed as an object)
            }
            if (c.tag().equals("IN") || c.tag().startsWith("RB") || c.tag().equals("TO") || hasCase(g, c, ADVERBIAL_MARKERS)
                    || hasChild(g, c, "mark", ADVERBIAL_MARKERS)) {
                continue; // "… said while welcoming Tokayev", "said at the event"
            }
            if ((r.equals("obj") || r.equals("iobj")) && "tell".equals(lower(w.lemma()))) {
                continue; // "told reporters": the addressee
            }
            if (c.index() > cueLast && (r.equals("obj") || r.equals("ccomp") || r.equals("xcomp")
                    || r.equals("iobj") || r.startsWith("nmod") || r.equals("parataxis"))) {
                return false;
            }
        }
        return true;
    }

    private static final String[] ADVERBIAL_MARKERS = {"while", "when", "after", "before", "during", "as", "at", "in", "on",
            "since", "following", "amid", "upon"};

    private static int skipSpaces(String text, int i) {
        while (i < text.length() - 1 && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean precededByComma(String text, NlpPipeline.Sentence s, int offset) {
        int i = offset - 1;
        while (i > s.begin() && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i > s.begin() && text.charAt(i) == ',';
    }

    private static boolean hasVerbBetween(NlpPipeline.Sentence s, int start, int end) {
        for (var t : s.tokens()) {
            if (t.beginPosition() >= start && t.endPosition() <= end
                    && (t.tag().equals("VBD") || t.tag().equals("VBZ") || t.tag().equals("VBP") || t.tag().equals("MD"))) {
                return true;
            }
        }
        return false;
    }

    private static IndexedWord nextToken(SemanticGraph g, IndexedWord w) {
        return g.getNodeByIndexSafe(w.index() + 1);
    }

    // ---------------------------------------------------------------- "as saying"

    /** "quoting a source as saying: …", "was cited by Serenko as saying that …", "was quoted as saying". */
    private Optional<Attribution> asSaying(NlpPipeline.Sentence s, SemanticGraph g, IndexedWord saying, String text,
                                           QuoteRegions quotes) {
        IndexedWord gov = g.getParent(saying);
        int steps = 0;
        for (IndexedWord x = gov; x != null && steps++ < 4; x = g.getParent(x)) {
            if (Set.of("quote", "cite").contains(lower(x.lemma()))) {
                gov = x; // the parse may hang "as saying" on the content; the relay verb is higher up
                break;
            }
        }
        if (gov == null) {
            return Optional.empty();
        }
        NounPhrase source;
        NounPhrase relayer = null;
        IndexedWord passiveSubject = child(g, gov, "nsubj:pass");
        if (passiveSubject != null) {
            source = phrase(s, g, passiveSubject, text);
            for (SemanticGraphEdge e : g.outgoingEdgeList(gov)) {
                if (e.getRelation().toString().startsWith("obl") && hasCase(g, e.getDependent(), "by")) {
                    relayer = phrase(s, g, e.getDependent(), text);
                }
            }
        } else {
            IndexedWord obj = child(g, gov, "obj");
            if (obj == null) {
                return Optional.empty();
            }
            source = phrase(s, g, obj, text);
            relayer = subject(s, g, gov, text, 0);
        }
        int[] content = null;
        for (SemanticGraphEdge e : g.outgoingEdgeList(saying)) {
            String r = e.getRelation().toString();
            IndexedWord c = e.getDependent();
            if (c.index() > saying.index() && (r.equals("ccomp") || r.equals("parataxis") || r.equals("xcomp") || r.equals("dep"))) {
                content = trimmed(s, g, subtree(g, c, Set.of()), text, true);
            }
        }
        QuoteRegions.Region q = quotes.openingAfter(text, saying.endPosition());
        if (q != null) {
            content = innerQuote(q, text);
        } else if (content != null) {
            content = withQuote(content, quotes, text);
        } else if (hasVerbBetween(s, saying.endPosition(), s.end())) {
            // misparsed: what follows "as saying" up to the end of the sentence
            content = trimChars(text, saying.endPosition(), s.end());
            if (content != null && text.startsWith("that ", content[0])) {
                content = trimChars(text, content[0] + 5, content[1]);
            }
        }
        if (content == null) {
            return Optional.empty();
        }
        String cueText = gov.word() + " … as saying";
        Attribution a = new Attribution(s, gov, cueText, lower(gov.lemma()), gov.beginPosition(), saying.endPosition(),
                "asserts", Attribution.SourceForm.PHRASE, source, content[0], content[1]);
        a.relayer = relayer;
        return Optional.of(a);
    }

    // ---------------------------------------------------------------- according to, hedges, noun cues

    private Optional<Attribution> according(NlpPipeline.Sentence s, SemanticGraph g, IndexedWord acc, String text) {
        IndexedWord x = g.getParent(acc);
        IndexedWord gov = x == null ? null : g.getParent(x);
        if (x == null) {
            return Optional.empty();
        }
        Set<IndexedWord> phraseNodes = subtree(g, x, Set.of());
        int phraseStart = Math.min(acc.beginPosition(), minBegin(phraseNodes));
        int phraseEnd = maxEnd(phraseNodes);
        Set<IndexedWord> clause = gov == null ? new HashSet<>(g.vertexSet()) : subtree(g, gov, Set.of(x));
        if (gov != null && g.getParent(gov) == null) {
            clause = new HashSet<>(g.vertexSet());
        }
        clause.removeAll(phraseNodes);
        Set<IndexedWord> before = new HashSet<>();
        Set<IndexedWord> after = new HashSet<>();
        for (IndexedWord n : clause) {
            if (n.endPosition() <= phraseStart) {
                before.add(n);
            } else if (n.beginPosition() >= phraseEnd) {
                after.add(n);
            }
        }
        int[] b = trimmed(s, g, before, text, true);
        int[] a = trimmed(s, g, after, text, true);
        int[] content = b == null ? a : a == null ? b : (b[1] - b[0] >= a[1] - a[0] ? b : a);
        if (content == null || content[1] - content[0] < 12) {
            return Optional.empty();
        }
        IndexedWord to = null;
        for (IndexedWord n : phraseNodes) {
            if ("to".equalsIgnoreCase(n.word()) && n.index() == acc.index() + 1) {
                to = n;
            }
        }
        NounPhrase source = phrase(s, g, x, text);
        Attribution attr = new Attribution(s, acc, "according to", "according to", acc.beginPosition(),
                to != null ? to.endPosition() : acc.endPosition(), "asserts", Attribution.SourceForm.PHRASE, source,
                content[0], content[1]);
        citedBy(s, g, x, attr, text);
        return Optional.of(attr);
    }

    private Optional<Attribution> hedge(NlpPipeline.Sentence s, SemanticGraph g, IndexedWord adv, String text) {
        IndexedWord gov = g.getParent(adv);
        if (gov == null) {
            return Optional.empty();
        }
        int[] content = trimmed(s, g, subtree(g, gov, Set.of()), text, false);
        if (content == null) {
            return Optional.empty();
        }
        return Optional.of(new Attribution(s, adv, adv.word(), lower(adv.word()), adv.beginPosition(), adv.endPosition(),
                "asserts", Attribution.SourceForm.CONTEXT, null, content[0], content[1]));
    }

    /** "a claim from X that …", "reports by Afghan officials that …", "Reports that …". */
    private Optional<Attribution> nounCue(NlpPipeline.Sentence s, SemanticGraph g, IndexedWord n, String text) {
        Optional<CueLexicon.Cue> cue = lexicon.noun(lower(n.lemma()));
        if (cue.isEmpty()) {
            return Optional.empty();
        }
        IndexedWord clause = null;
        for (SemanticGraphEdge e : g.outgoingEdgeList(n)) {
            String r = e.getRelation().toString();
            IndexedWord c = e.getDependent();
            if (c.index() > n.index() && (r.equals("acl") || r.equals("ccomp") || r.equals("dep") || r.equals("appos"))
                    && startsWithThat(g, c) && isVerbal(g, c)) {
                clause = c;
            }
        }
        if (clause == null) {
            return Optional.empty();
        }
        // A cue noun governed by a verb cue ("denied the claim that …") is that verb's content, not a second claim.
        IndexedWord parent = g.getParent(n);
        NounPhrase source = null;
        for (SemanticGraphEdge e : g.outgoingEdgeList(n)) {
            String r = e.getRelation().toString();
            IndexedWord c = e.getDependent();
            if (c.index() < clause.index() && ((r.startsWith("nmod") && hasCase(g, c, "from", "by", "of")) || r.equals("nmod:poss"))) {
                source = phrase(s, g, c, text);
            }
        }
        if (source == null && parent != null && parent.tag().startsWith("VB") && isCueNode(g, parent)) {
            return Optional.empty();
        }
        int[] content = trimmed(s, g, subtree(g, clause, Set.of()), text, true);
        if (content == null) {
            return Optional.empty();
        }
        Attribution a = new Attribution(s, n, n.word(), lower(n.lemma()), n.beginPosition(), n.endPosition(),
                cue.get().isDenial() ? "denies" : "asserts",
                source != null ? Attribution.SourceForm.PHRASE : Attribution.SourceForm.NOUN_ITSELF, source,
                content[0], content[1]);
        if (source == null) {
            Set<IndexedWord> np = subtree(g, n, Set.of(clause));
            a.nounPhrase = phraseOf(s, g, n, np, text);
        }
        // "a report from the Independent that focused on a claim from X": the report relays X's claim.
        relayingReport(s, g, n, text).ifPresent(a.inlineVia::add);
        return Optional.of(a);
    }

    /** The report or outlet that relays a speech noun: walks up through a relay verb to its subject. */
    private Optional<NounPhrase> relayingReport(NlpPipeline.Sentence s, SemanticGraph g, IndexedWord n, String text) {
        IndexedWord x = n;
        for (int depth = 0; depth < 4 && x != null; depth++) {
            IndexedWord p = g.getParent(x);
            if (p == null) {
                return Optional.empty();
            }
            if (p.tag().startsWith("VB") && RELAY_VERBS.contains(lower(p.lemma()))) {
                IndexedWord subj = child(g, p, "nsubj");
                if (subj != null && "PRON".equals(subj.tag()) || subj != null && subj.tag().startsWith("W")
                        || subj == null) {
                    subj = "acl:relcl".equals(rel(g, p)) ? g.getParent(p) : subj;
                }
                return subj == null ? Optional.empty() : Optional.of(phrase(s, g, subj, text));
            }
            x = p;
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- sources and relays

    /** The speaker of a cue: its subject, a relative clause's antecedent, or the subject a participle inherits. */
    NounPhrase subject(NlpPipeline.Sentence s, SemanticGraph g, IndexedWord w, String text, int depth) {
        IndexedWord parent = g.getParent(w);
        String r = rel(g, w);
        // "General X of Russia who serves as Chief of Staff said …": parsers hang the cue on the relative
        // clause; the speaker is the relative clause's antecedent.
        if (parent != null && "acl:relcl".equals(rel(g, parent)) && parent.index() < w.index() && !isCueVerb(parent)
                && Set.of("advcl", "conj", "ccomp", "dep", "xcomp", "parataxis").contains(r)) {
            IndexedWord antecedent = g.getParent(parent);
            if (antecedent != null) {
                NounPhrase surface = surfaceLeft(s, g, antecedent, true);
                return surface != null && surface.end() >= antecedent.endPosition() ? surface : phrase(s, g, antecedent, text);
            }
        }
        IndexedWord subj = nearestSubject(g, w);
        if (subj != null && subj.index() > w.index() && w.tag().equals("VBG")) {
            subj = null; // "…, saying it had reached 6,500": "it" belongs to the content
        }
        if (subj != null) {
            if ((subj.tag().startsWith("W") || "that".equalsIgnoreCase(subj.word())) && "acl:relcl".equals(r)) {
                return phrase(s, g, parent, text); // "Bortnikov, who stated …"
            }
            if (subj.index() < w.index()) {
                NounPhrase surface = surfaceLeft(s, g, w, false);
                if (surface != null && surface.start() <= subj.beginPosition() && surface.end() >= subj.endPosition()) {
                    return surface;
                }
            }
            return phrase(s, g, subj, text);
        }
        if (depth == 0) {
            NounPhrase surface = surfaceLeft(s, g, w, false);
            if (surface != null && !(parent != null && ("advcl".equals(r) || "xcomp".equals(r) || "conj".equals(r))
                    && w.tag().equals("VBG"))) {
                return surface;
            }
            // never after a participle ("saying it …") or "tell" ("told the BBC": the addressee)
            NounPhrase right = w.tag().equals("VBG") || "tell".equals(lower(w.lemma())) ? null : surfaceRight(s, g, w);
            if (right != null) {
                return right;
            }
        }
        if (depth > 3 || parent == null) {
            return null;
        }
        if ("acl:relcl".equals(r)) {
            return phrase(s, g, parent, text);
        }
        if ("acl".equals(r) && parent.tag().startsWith("NN") && w.index() - parent.index() <= 2) {
            return phrase(s, g, parent, text); // "officials, saying …"
        }
        if ("advcl".equals(r) || "xcomp".equals(r) || "conj".equals(r) || "dep".equals(r)) {
            return subject(s, g, parent, text, depth + 1);
        }
        return null;
    }

    private boolean isCueVerb(IndexedWord w) {
        return w.tag().startsWith("VB") && lexicon.verb(lower(w.lemma())).isPresent();
    }

    /** The nominal subject of a cue; of several (a misparse), the one closest before it. */
    private static IndexedWord nearestSubject(SemanticGraph g, IndexedWord w) {
        IndexedWord best = null;
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            if (!e.getRelation().toString().equals("nsubj")) {
                continue;
            }
            IndexedWord c = e.getDependent();
            if (c.tag().startsWith("VB")) {
                continue; // a verb is no subject: the parse went astray
            }
            if (best == null || (c.index() < w.index() && (best.index() > w.index() || c.index() > best.index()))) {
                best = c;
            }
        }
        return best;
    }

    private static final Set<String> NP_PREPOSITIONS = Set.of("of", "from", "by", "to", "for", "in", "at", "on");
    private static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "is", "are", "was", "were", "be", "been",
            "will", "would", "could", "should", "may", "might", "must", "can", "did", "does", "do", "also", "not");
    private static final Set<String> DATE_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "today", "yesterday");

    /**
     * The noun phrase written right before a word, read off the tokens rather than the parse (parsers
     * often misattach long news appositives): "…, Russian Ambassador to Dushanbe, Semyon Grigoryev, said",
     * "Chief of the Russia-led CSTO Joint Staff revealed". Commas are crossed only into an apposition
     * with a person's name. {@code inclusive}: the phrase ends with the word itself.
     */
    NounPhrase surfaceLeft(NlpPipeline.Sentence s, SemanticGraph g, IndexedWord w, boolean inclusive) {
        List<edu.stanford.nlp.ling.CoreLabel> toks = s.tokens();
        int i = inclusive ? w.index() - 1 : w.index() - 2;
        if (!inclusive) {
            while (i >= 0 && (toks.get(i).tag().startsWith("RB") || toks.get(i).tag().equals("MD")
                    || AUXILIARIES.contains(lower(toks.get(i).word()))
                    || ",".equals(toks.get(i).word()) && (i > 0 && toks.get(i - 1).tag().startsWith("RB")
                    || i + 1 < toks.size() && toks.get(i + 1).tag().startsWith("RB")))) {
                i--; // "has repeatedly denied", "also said", ", however,"
            }
            if (i >= 2 && ",".equals(toks.get(i).word())) {
                // "A diplomat close to the talks, who asked not to be named, told": skip the relative clause
                for (int k = i - 1; k >= 1 && k > i - 15; k--) {
                    if (",".equals(toks.get(k).word())) {
                        break;
                    }
                    if (toks.get(k).tag().startsWith("W") && ",".equals(toks.get(k - 1).word())) {
                        i = k - 1;
                        break;
                    }
                }
            }
            if (i >= 2 && ",".equals(toks.get(i).word()) && toks.get(i - 1).tag().equals("CD") && ",".equals(toks.get(i - 2).word())) {
                i -= 3; // "Wen-Li Chang, 54, told": an age apposition
            }
            if (i >= 0 && ",".equals(toks.get(i).word()) && i > 0 && "PERSON".equals(toks.get(i - 1).ner())) {
                i--; // "Semyon Grigoryev, said"
            }
        }
        if (!inclusive && i >= 0 && toks.get(i).tag().equals("CC")) {
            return null; // "denied the report and said …": the subject is the first verb's
        }
        int end = i;
        int commas = 0;
        List<Integer> crossed = new ArrayList<>();
        while (i >= 0) {
            edu.stanford.nlp.ling.CoreLabel t = toks.get(i);
            if (isNpToken(toks, i)) {
                i--;
                continue;
            }
            if (",".equals(t.word()) && commas < 2 && i > 0 && isNpToken(toks, i - 1)
                    && !DATE_WORDS.contains(lower(toks.get(i - 1).word())) && !toks.get(i - 1).tag().equals("CD")
                    && (hasPerson(toks, i + 1, end) || "PERSON".equals(toks.get(i - 1).ner()))) {
                commas++;
                crossed.add(i);
                i--;
                continue;
            }
            break;
        }
        int start = i + 1;
        if (!crossed.isEmpty() && start > 0 && !Set.of(",", "``", "''", ":", "-LRB-").contains(toks.get(start - 1).tag())) {
            // the words before the comma belong to the clause ("… is to Tajikistan, Antonov said"), not to an apposition
            start = crossed.get(0) + 1;
        }
        while (start <= end && (toks.get(start).tag().equals("IN") || toks.get(start).tag().equals("CC")
                || ",".equals(toks.get(start).word()) || DATE_WORDS.contains(lower(toks.get(start).word())))) {
            start++;
        }
        while (end >= start && (",".equals(toks.get(end).word()) || toks.get(end).tag().equals("IN"))) {
            end--;
        }
        if (start > end) {
            return null;
        }
        boolean nominal = false;
        for (int k = start; k <= end; k++) {
            String tag = toks.get(k).tag();
            nominal |= tag.startsWith("NN") || tag.equals("PRP");
        }
        if (!nominal) {
            return null;
        }
        return surfacePhrase(s, g, start, end);
    }

    /** The inverted subject after a cue: "said Sidorov", "wrote Serenko, quoting …", "said Russian Foreign Minister Sergey Lavrov on Wednesday". */
    NounPhrase surfaceRight(NlpPipeline.Sentence s, SemanticGraph g, IndexedWord w) {
        List<edu.stanford.nlp.ling.CoreLabel> toks = s.tokens();
        int left = w.index() - 2;
        if (left < 0 || !(toks.get(left).tag().equals(",") || toks.get(left).tag().equals("''"))) {
            return null; // only after a quote or a clause: "“…,” said X", "…, said X"
        }
        int start = w.index();
        int i = start;
        while (i < toks.size()) {
            String tag = toks.get(i).tag();
            if (tag.startsWith("NN") || tag.equals("DT") || tag.startsWith("JJ") || tag.equals("PRP") || tag.equals("HYPH")
                    || tag.equals("POS")) {
                i++;
            } else {
                break;
            }
        }
        int end = i - 1;
        if (end < start) {
            return null;
        }
        boolean proper = false;
        for (int k = start; k <= end; k++) {
            proper |= toks.get(k).tag().startsWith("NNP") || toks.get(k).tag().equals("PRP") || toks.get(k).tag().startsWith("NN");
        }
        return proper ? surfacePhrase(s, g, start, end) : null;
    }

    private static boolean hasPerson(List<edu.stanford.nlp.ling.CoreLabel> toks, int from, int to) {
        for (int k = Math.max(0, from); k <= to && k < toks.size(); k++) {
            if ("PERSON".equals(toks.get(k).ner())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNpToken(List<edu.stanford.nlp.ling.CoreLabel> toks, int i) {
        edu.stanford.nlp.ling.CoreLabel t = toks.get(i);
        String tag = t.tag();
        String word = lower(t.word());
        if (DATE_WORDS.contains(word)) {
            return false;
        }
        if (tag.startsWith("NN") || tag.startsWith("JJ") || tag.equals("DT") || tag.equals("PRP") || tag.equals("PRP$")
                || tag.equals("POS") || tag.equals("HYPH") || tag.equals("-LRB-") || tag.equals("-RRB-")) {
            return !(tag.equals("DT") && Set.of("that", "which", "this", "these", "those").contains(word) && i + 1 < toks.size()
                    && toks.get(i + 1).tag().startsWith("VB"));
        }
        if (tag.equals("IN") && NP_PREPOSITIONS.contains(word)) {
            return true;
        }
        if (tag.equals("CC") && word.equals("and")) {
            return true;
        }
        if (tag.equals("''") && i + 1 < toks.size() && toks.get(i + 1).tag().startsWith("NN") && i > 0
                && toks.get(i - 1).tag().startsWith("NN") && !toks.get(i).word().equals("\"")) {
            return true; // "Asia-Plus’ report"
        }
        if (tag.equals("VBN") && i > 0 && toks.get(i - 1).tag().equals("HYPH")) {
            return true; // "Russia-led"
        }
        if (tag.equals("VBN") && i > 0 && toks.get(i - 1).tag().startsWith("NN") && i + 1 < toks.size()
                && toks.get(i + 1).tag().equals("IN")) {
            return true; // "a study published in Nature"
        }
        return tag.equals("VBG") && i + 1 < toks.size() && toks.get(i + 1).tag().startsWith("NN"); // "monitoring team"
    }

    private NounPhrase surfacePhrase(NlpPipeline.Sentence s, SemanticGraph g, int start, int end) {
        List<IndexedWord> nodes = new ArrayList<>();
        for (int k = start; k <= end; k++) {
            IndexedWord n = g.getNodeByIndexSafe(k + 1);
            if (n != null) {
                nodes.add(n);
            }
        }
        if (nodes.isEmpty()) {
            return null;
        }
        return new NounPhrase(s, surfaceHead(nodes), nodes, nodes.get(0).beginPosition(), nodes.get(nodes.size() - 1).endPosition());
    }

    /** The head of a phrase read off its tokens: the last noun of its first noun group ("Chief" of "Chief of the … Staff"). */
    static IndexedWord surfaceHead(List<IndexedWord> nodes) {
        IndexedWord head = null;
        for (IndexedWord n : nodes) {
            String tag = n.tag();
            if (tag.equals("IN") || tag.equals(",") || tag.equals("CC") || tag.equals("-LRB-")) {
                if (head != null) {
                    break;
                }
                continue;
            }
            if (tag.startsWith("NN") || tag.equals("PRP") || tag.equals("CD")) {
                head = n;
            } else if (tag.equals("POS") || tag.equals("''")) {
                head = null; // "Asia-Plus’ report": the possessor is not the head
            }
        }
        return head != null ? head : nodes.get(nodes.size() - 1);
    }

    /** "in an interview with TASS", "told Reuters": the outlet the words passed through on this occasion. */
    private void inlineVia(NlpPipeline.Sentence s, SemanticGraph g, IndexedWord w, Attribution a, String text) {
        for (IndexedWord x = w; x != null; x = g.getParent(x)) {
            for (SemanticGraphEdge e : g.outgoingEdgeList(x)) {
                IndexedWord c = e.getDependent();
                if (e.getRelation().toString().startsWith("obl") && INTERVIEW_NOUNS.contains(lower(c.lemma()))) {
                    for (SemanticGraphEdge ce : g.outgoingEdgeList(c)) {
                        IndexedWord outlet = ce.getDependent();
                        if (ce.getRelation().toString().startsWith("nmod") && hasCase(g, outlet, "with", "to")) {
                            a.inlineVia.add(phrase(s, g, preferAppos(g, outlet), text));
                        }
                    }
                }
            }
            if (!"advcl".equals(rel(g, x)) && x != w) {
                break;
            }
        }
        if ("tell".equals(lower(w.lemma()))) {
            for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
                IndexedWord c = e.getDependent();
                String r = e.getRelation().toString();
                if ((r.equals("obj") || r.equals("iobj"))
                        && ("ORGANIZATION".equals(c.ner()) || MEDIA_NOUNS.contains(lower(c.lemma())) && hasProperNoun(g, c))) {
                    a.inlineVia.add(phrase(s, g, c, text)); // "told Reuters", "told the state news agency Khovar"
                }
            }
        }
        if (a.source != null) {
            citedBy(s, g, a.source.head(), a, text);
        }
    }

    /** "analysts cited by an article": the article is an intermediary of the analysts' words. */
    private void citedBy(NlpPipeline.Sentence s, SemanticGraph g, IndexedWord sourceHead, Attribution a, String text) {
        for (SemanticGraphEdge e : g.outgoingEdgeList(sourceHead)) {
            IndexedWord c = e.getDependent();
            if (e.getRelation().toString().startsWith("acl") && RELAY_VERBS.contains(lower(c.lemma()))) {
                for (SemanticGraphEdge ce : g.outgoingEdgeList(c)) {
                    if (ce.getRelation().toString().startsWith("obl") && hasCase(g, ce.getDependent(), "by", "in")) {
                        a.inlineVia.add(phrase(s, g, ce.getDependent(), text));
                    }
                }
            }
        }
    }

    private static IndexedWord preferAppos(SemanticGraph g, IndexedWord n) {
        IndexedWord appos = child(g, n, "appos");
        return appos != null && "ORGANIZATION".equals(appos.ner()) ? appos : n;
    }

    /** The noun phrase headed by {@code head}: without relative clauses, participles, or the case marker. */
    NounPhrase phrase(NlpPipeline.Sentence s, SemanticGraph g, IndexedWord head, String text) {
        Set<IndexedWord> exclude = new HashSet<>();
        for (SemanticGraphEdge e : g.outgoingEdgeList(head)) {
            String r = e.getRelation().toString();
            if (r.startsWith("acl") || r.equals("case") || r.equals("punct") && e.getDependent().index() > head.index() + 3
                    || r.equals("dep") || r.equals("parataxis")) {
                exclude.add(e.getDependent());
            }
        }
        return phraseOf(s, g, head, subtree(g, head, exclude), text);
    }

    private NounPhrase phraseOf(NlpPipeline.Sentence s, SemanticGraph g, IndexedWord head, Set<IndexedWord> nodes, String text) {
        List<IndexedWord> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparingInt(IndexedWord::index));
        // Keep the contiguous run around the head: a phrase never jumps over the cue.
        List<IndexedWord> run = new ArrayList<>();
        int headPos = sorted.indexOf(head);
        int lo = headPos;
        int hi = headPos;
        while (lo > 0 && sorted.get(lo - 1).index() == sorted.get(lo).index() - 1) {
            lo--;
        }
        while (hi < sorted.size() - 1 && sorted.get(hi + 1).index() == sorted.get(hi).index() + 1) {
            hi++;
        }
        run.addAll(sorted.subList(lo, hi + 1));
        while (run.size() > 1 && isEdgePunct(run.get(0))) {
            run.remove(0);
        }
        while (run.size() > 1 && isEdgePunct(run.get(run.size() - 1))) {
            run.remove(run.size() - 1);
        }
        return new NounPhrase(s, head, run, run.get(0).beginPosition(), run.get(run.size() - 1).endPosition());
    }

    private static boolean isEdgePunct(IndexedWord w) {
        String t = w.tag();
        return t.equals(",") || t.equals(".") || t.equals(":") || t.equals("``") || t.equals("''") || t.equals("HYPH")
                || "case".equals(t);
    }

    // ---------------------------------------------------------------- helpers

    private boolean isCueNode(SemanticGraph g, IndexedWord c) {
        String lemma = lower(c.lemma());
        if (!c.tag().startsWith("VB")) {
            return false;
        }
        if (lexicon.verb(lemma).isPresent() && child(g, c, "nsubj") == null && !isPassive(g, c)) {
            // a participle cue ("…, noting that …") is its own claim
            String r = rel(g, c);
            return "advcl".equals(r) || "conj".equals(r)
                    || c.tag().equals("VBG") && ("xcomp".equals(r) || "dep".equals(r) || "ccomp".equals(r) || "acl".equals(r));
        }
        return false;
    }

    private static boolean isVerbal(SemanticGraph g, IndexedWord c) {
        if (c.tag().startsWith("VB") || c.tag().equals("MD")) {
            return true;
        }
        return child(g, c, "cop") != null || child(g, c, "nsubj") != null || child(g, c, "nsubj:pass") != null;
    }

    private static boolean isTimeOrPlace(SemanticGraph g, IndexedWord c) {
        String ner = c.ner();
        if ("DATE".equals(ner) || "TIME".equals(ner)) {
            return true;
        }
        String w = lower(c.word());
        if (w.matches("(1[89]|20)\\d\\d")) {
            return true; // "in 2014"
        }
        return Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
                "week", "month", "year", "briefing", "conference", "meeting", "speech", "session", "summit", "statement",
                "interview", "reporters", "journalists").contains(w) || isMonth(w);
    }

    private static boolean isMonth(String w) {
        return Set.of("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december").contains(w);
    }

    private boolean negated(NlpPipeline.Sentence s, int[] span) {
        for (var t : s.tokens()) {
            if (t.beginPosition() >= span[0] && t.endPosition() <= span[1] && NEGATIONS.contains(lower(t.word()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPassive(SemanticGraph g, IndexedWord w) {
        return child(g, w, "aux:pass") != null || child(g, w, "nsubj:pass") != null;
    }

    static Set<IndexedWord> subtree(SemanticGraph g, IndexedWord root, Set<IndexedWord> excludedChildren) {
        Set<IndexedWord> out = new HashSet<>();
        List<IndexedWord> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            IndexedWord x = stack.remove(stack.size() - 1);
            if (!out.add(x)) {
                continue;
            }
            for (IndexedWord c : g.getChildren(x)) {
                if (!excludedChildren.contains(c)) {
                    stack.add(c);
                }
            }
        }
        return out;
    }

    /**
     * The character span of a token set, without edge punctuation and quote marks and (for a
     * complement clause) without its leading "that"; null if nothing is left.
     */
    private static int[] trimmed(NlpPipeline.Sentence s, SemanticGraph g, Set<IndexedWord> nodes, String text, boolean dropThat) {
        if (nodes.isEmpty()) {
            return null;
        }
        List<IndexedWord> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparingInt(IndexedWord::index));
        int lo = 0;
        int hi = sorted.size() - 1;
        while (lo <= hi && (isPunctTag(sorted.get(lo)) || dropThat && lo == 0 && isThatMark(g, sorted.get(lo))
                || "cc".equals(rel(g, sorted.get(lo))) && lo == 0)) {
            lo++;
        }
        while (hi >= lo && isPunctTag(sorted.get(hi))) {
            hi--;
        }
        if (lo > hi) {
            return null;
        }
        int start = sorted.get(lo).beginPosition();
        int end = sorted.get(hi).endPosition();
        return trimChars(text, start, end);
    }

    static int[] trimChars(String text, int start, int end) {
        String strip = " \t\n\u00A0,;:.“”\"‘’'—–-";
        while (start < end && strip.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && strip.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end - start < 3 ? null : new int[]{start, end};
    }

    private static boolean startsWithThat(SemanticGraph g, IndexedWord c) {
        IndexedWord first = null;
        for (IndexedWord n : subtree(g, c, Set.of())) {
            if (first == null || n.index() < first.index()) {
                first = n;
            }
        }
        return first != null && "that".equalsIgnoreCase(first.word());
    }

    private static boolean isThatMark(SemanticGraph g, IndexedWord w) {
        return "that".equalsIgnoreCase(w.word()) && ("mark".equals(rel(g, w)) || "dep".equals(rel(g, w)));
    }

    private static boolean isPunctTag(IndexedWord w) {
        String t = w.tag();
        return t.equals(",") || t.equals(".") || t.equals(":") || t.equals("``") || t.equals("''") || t.equals("HYPH")
                || t.equals("NFP");
    }

    private static int[] innerQuote(QuoteRegions.Region q, String text) {
        return trimChars(text, q.start(), q.end());
    }

    /** Widens a content that sits in a quotation to the whole quotation (a quote may run over several sentences). */
    private static int[] withQuote(int[] span, QuoteRegions quotes, String text) {
        int quoted = quotes.quotedChars(span[0], span[1]);
        if (quoted * 2 < span[1] - span[0]) {
            return span;
        }
        int start = span[0];
        int end = span[1];
        for (QuoteRegions.Region r : quotes.regions()) {
            if (r.end() > span[0] && r.start() < span[1]) {
                start = Math.min(start, r.start());
                end = Math.max(end, r.end());
            }
        }
        int[] t = trimChars(text, start, end);
        return t == null ? span : t;
    }

    private static int minBegin(Set<IndexedWord> nodes) {
        return nodes.stream().mapToInt(IndexedWord::beginPosition).min().orElse(0);
    }

    private static int maxEnd(Set<IndexedWord> nodes) {
        return nodes.stream().mapToInt(IndexedWord::endPosition).max().orElse(0);
    }

    /** "…, a claim [the company] denied": the gloss noun right before a relative clause's subject. */
    private static IndexedWord glossNounBefore(NlpPipeline.Sentence s, SemanticGraph g, NounPhrase source) {
        IndexedWord first = source.tokens().get(0);
        IndexedWord before = g.getNodeByIndexSafe(first.index() - 1);
        if (before != null && GLOSS_NOUNS.contains(lower(before.lemma())) && before.tag().startsWith("NN")) {
            IndexedWord det = g.getNodeByIndexSafe(before.index() - 1);
            IndexedWord punct = det == null ? null : g.getNodeByIndexSafe(det.index() - 1);
            if (det != null && det.tag().equals("DT") && punct != null && (punct.word().equals(",") || punct.tag().equals(":")
                    || punct.word().equals("—") || punct.word().equals("–"))) {
                return before;
            }
        }
        return null;
    }

    private static boolean hasProperNoun(SemanticGraph g, IndexedWord c) {
        for (IndexedWord n : subtree(g, c, Set.of())) {
            if (n.tag().startsWith("NNP")) {
                return true;
            }
        }
        return false;
    }

    private static IndexedWord parent(SemanticGraph g, IndexedWord w) {
        return g.getParent(w);
    }

    static String rel(SemanticGraph g, IndexedWord w) {
        IndexedWord p = g.getParent(w);
        if (p == null) {
            return "root";
        }
        SemanticGraphEdge e = g.getEdge(p, w);
        return e == null ? "" : e.getRelation().toString();
    }

    static IndexedWord child(SemanticGraph g, IndexedWord w, String relation) {
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            if (e.getRelation().toString().equals(relation)) {
                return e.getDependent();
            }
        }
        return null;
    }

    private static boolean hasChild(SemanticGraph g, IndexedWord w, String relation, String... words) {
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            if (e.getRelation().toString().equals(relation)) {
                for (String word : words) {
                    if (e.getDependent().word().equalsIgnoreCase(word)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean hasCase(SemanticGraph g, IndexedWord w, String... words) {
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            if (e.getRelation().toString().equals("case")) {
                for (String word : words) {
                    if (e.getDependent().word().equalsIgnoreCase(word)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String joinWords(List<IndexedWord> tokens) {
        StringBuilder sb = new StringBuilder();
        for (IndexedWord t : tokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.word());
        }
        return sb.toString();
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
