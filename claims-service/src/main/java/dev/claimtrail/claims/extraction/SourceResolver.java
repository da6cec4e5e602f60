package dev.claimtrail.claims.extraction;

import dev.claimtrail.claims.extraction.enrich.ArticleEntities;
import dev.claimtrail.events.Claim;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a source phrase into a canonical source (claims.md "source"): splits name, role and
 * organisation; resolves surnames, pronouns and role-only mentions ("the Russian ambassador")
 * to the person named elsewhere in the article; types unnamed sources, documents, organisations.
 */
final class SourceResolver {

    /** A resolved source, with the span of its mention in this claim (-1 when it came from context). */
    record Resolved(String name, String type, String role, String organisation, int mentionStart, int mentionEnd) {
        boolean isPerson() {
            return Claim.Source.PERSON.equals(type);
        }

        Resolved at(int start, int end) {
            return new Resolved(name, type, role, organisation, start, end);
        }
    }

    /** A person named in the article, with the words of the role the text gives them. */
    record Person(String name, String role, String organisation, Set<String> roleWords, int position) {
    }

    static final Set<String> DOCUMENT_NOUNS = Set.of("report", "document", "study", "survey", "assessment", "paper",
            "memo", "dossier", "analysis", "audit", "review", "article", "letter", "statement", "communique", "bulletin",
            "resolution", "investigation", "findings", "white paper", "filing", "indictment", "cable", "story");
    /** Nouns for an organisation already named, used anaphorically: "the regime", "the group". */
    static final Set<String> ORG_ANAPHORS = Set.of("regime", "government", "organisation", "organization", "group",
            "alliance", "movement", "bloc", "ministry", "agency", "company", "militia", "administration", "party",
            "country", "state", "body", "coalition", "authority");
    static final Set<String> ROLE_NOUNS = Set.of("minister", "ambassador", "general", "chief", "head", "director",
            "spokesman", "spokeswoman", "spokesperson", "secretary", "president", "commander", "official", "envoy",
            "leader", "chairman", "chairwoman", "chair", "governor", "mayor", "premier", "king", "queen", "prince",
            "senator", "lawmaker", "colonel", "admiral", "deputy", "adviser", "advisor", "negotiator", "representative",
            "prosecutor", "judge", "officer", "editor", "founder", "ceo", "executive", "analyst", "expert", "researcher",
            "scientist", "professor", "diplomat", "emir", "sheikh", "cleric", "mullah", "commissioner", "coordinator",
            "administrator", "manager", "economist", "strategist", "member", "delegate", "consul", "attache", "aide");
    private static final Set<String> TITLES = Set.of("general", "colonel", "colonel-general", "lieutenant", "major",
            "captain", "admiral", "president", "prime", "minister", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
            "sir", "lord", "sheikh", "mullah", "maulvi", "imam", "senator", "governor", "ambassador", "secretary",
            "chief", "commander", "professor", "prof.", "judge", "king", "queen", "prince", "emir", "deputy", "foreign",
            "defence", "defense", "interior", "sergeant", "brigadier", "marshal", "field", "gen.", "col.", "lt.", "maj.");
    private static final Set<String> ROLE_STOPWORDS = Set.of("the", "of", "a", "an", "and", "former", "new", "to", "in",
            "for", "on", "at", "who", "serves", "as", "its", "his", "her", "their", ",", "(", ")", "-lrb-", "-rrb-", "’s",
            "'s", "’", "'");
    /** Nouns for people, never an organisation anaphor: "the source said" is an unnamed source. */
    static final Set<String> PEOPLE_NOUNS = Set.of("source", "person", "man", "woman", "witness", "resident", "insider",
            "student", "worker", "driver", "doctor", "victim", "survivor", "mother", "father", "child", "boy", "girl",
            "farmer", "soldier", "fighter", "militant", "passenger", "employee", "teacher", "lawyer", "activist",
            "journalist", "reporter", "neighbour", "neighbor", "relative", "friend", "user", "customer", "patient");
    private static final Set<String> PLURAL_GROUP_WORDS = Set.of("countries", "nations", "sides", "governments", "states",
            "capitals", "parties");

    private final String text;
    private final ArticleEntities entities;
    private final List<Person> persons = new ArrayList<>();
    private final List<int[]> locations = new ArrayList<>(); // [start, end] of LOCATION runs, in order
    private final List<int[]> organisations = new ArrayList<>(); // [start, end] of ORGANIZATION runs, in order

    SourceResolver(String text, List<NlpPipeline.Sentence> sentences, ArticleEntities entities, AttributionFinder finder) {
        this.text = text;
        this.entities = entities;
        for (NlpPipeline.Sentence s : sentences) {
            if (s.parsed()) {
                collectPersons(s, finder);
                for (int[] run : runs(s.tokens(), "LOCATION")) {
                    locations.add(run);
                }
                organisations.addAll(runs(s.tokens(), "ORGANIZATION"));
            }
        }
    }

    List<int[]> locationSpans() {
        return locations;
    }

    // ---------------------------------------------------------------- registry

    private void collectPersons(NlpPipeline.Sentence s, AttributionFinder finder) {
        SemanticGraph g = s.graph();
        for (int[] run : runs(s.tokens(), "PERSON")) {
            List<CoreLabel> nameTokens = tokensIn(s, run[0], run[1]);
            nameTokens = stripTitles(nameTokens);
            if (nameTokens.size() < 2) {
                continue;
            }
            String name = text.substring(nameTokens.get(0).beginPosition(), nameTokens.get(nameTokens.size() - 1).endPosition());
            IndexedWord node = g.getNodeByIndexSafe(nameTokens.get(nameTokens.size() - 1).index());
            String role = null;
            String org = null;
            Set<String> roleWords = new HashSet<>();
            if (node != null) {
                int[] roleSpan = roleAround(s, g, finder, node, run);
                if (roleSpan != null) {
                    role = text.substring(roleSpan[0], roleSpan[1]);
                    org = organisationIn(s, roleSpan[0], roleSpan[1]);
                    roleWords = roleWords(role);
                }
            }
            persons.add(new Person(name, role, org, roleWords, run[0]));
        }
    }

    /**
     * The role written next to a name, read off the tokens: before it ("Russian Ambassador to Dushanbe,
     * Semyon Grigoryev") or as an apposition after it ("Anatoly Sidorov, the head of the CSTO Joint Staff,").
     */
    private int[] roleAround(NlpPipeline.Sentence s, SemanticGraph g, AttributionFinder finder, IndexedWord last, int[] run) {
        NounPhrase left = finder.surfaceLeft(s, g, last, true);
        if (left != null && left.start() < run[0]) {
            int[] t = trimRole(left.start(), run[0]);
            if (t != null) {
                return t;
            }
        }
        List<CoreLabel> toks = s.tokens();
        int i = last.index(); // 0-based index of the token after the name
        if (i < toks.size() && ",".equals(toks.get(i).word())) {
            int k = i + 1;
            while (k < toks.size() && !",".equals(toks.get(k).word()) && !toks.get(k).tag().startsWith("VB")
                    && !toks.get(k).tag().startsWith("W") && !toks.get(k).tag().equals(".")) {
                k++;
            }
            if (k > i + 1 && toks.get(i + 1).tag().matches("DT|NN.*|JJ.*|PRP\\$")) {
                return trimRole(toks.get(i + 1).beginPosition(), toks.get(k - 1).endPosition());
            }
        }
        return null;
    }

    private int[] roleSpan(NounPhrase np, int[] nameRun) {
        int start = np.start();
        int end = np.end();
        int[] span;
        if (nameRun[0] - start >= end - nameRun[1]) {
            span = new int[]{start, nameRun[0]};
        } else {
            span = new int[]{nameRun[1], end};
        }
        int[] t = trimRole(span[0], span[1]);
        return t;
    }

    private int[] trimRole(int start, int end) {
        int[] t = AttributionFinder.trimChars(text, start, end);
        if (t == null) {
            return null;
        }
        String s = text.substring(t[0], t[1]);
        String lower = s.toLowerCase(Locale.ROOT);
        for (String det : List.of("the ", "a ", "an ")) {
            if (lower.startsWith(det)) {
                return AttributionFinder.trimChars(text, t[0] + det.length(), t[1]);
            }
        }
        if (lower.endsWith(" of") || lower.endsWith(" from")) {
            return null;
        }
        return t;
    }

    private String organisationIn(NlpPipeline.Sentence s, int start, int end) {
        Optional<ArticleEntities.Mention> m = entities.mentions().stream()
                .filter(x -> x.start() >= start && x.end() <= end).findFirst();
        if (m.isPresent()) {
            return m.get().entityId();
        }
        for (String type : List.of("ORGANIZATION", "LOCATION", "MISC")) {
            for (int[] run : runs(s.tokens(), type)) {
                if (run[0] >= start && run[1] <= end) {
                    return stripThe(text.substring(run[0], run[1]));
                }
            }
        }
        return null;
    }

    static Set<String> roleWords(String role) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : role.toLowerCase(Locale.ROOT).split("[\\s,()\\-–]+")) {
            if (!w.isBlank() && !ROLE_STOPWORDS.contains(w)) {
                out.add(w.replace("’s", "").replace("'s", ""));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- resolution

    /**
     * The sources of one attribution: several for named co-sources ("Tajikistan and Russia said").
     *
     * @param previous sources of the claims before this one, most recent last, with the sentence index of each
     */
    List<Resolved> resolve(Attribution a, List<Resolved> previous, List<Integer> previousSentences,
                           List<Attribution> upcoming) {
        if (a.sourceForm == Attribution.SourceForm.CONTEXT) {
            // "reportedly": the source the context gives, when the sentence before is somebody's claim
            if (!previous.isEmpty() && a.sentence.index() - previousSentences.get(previousSentences.size() - 1) <= 1) {
                return List.of(previous.get(previous.size() - 1).at(-1, -1));
            }
            return List.of(new Resolved("unnamed source", Claim.Source.UNNAMED, null, null, -1, -1));
        }
        if (a.sourceForm == Attribution.SourceForm.NOUN_ITSELF) {
            NounPhrase np = a.nounPhrase;
            String description = np == null ? a.cueText : stripDeterminer(np.text(text));
            return List.of(new Resolved(description, Claim.Source.UNNAMED, null, null,
                    np == null ? a.cueStart : np.start(), np == null ? a.cueEnd : np.end()));
        }
        NounPhrase np = a.source;
        SemanticGraph g = np.sentence().graph();
        List<IndexedWord> conjuncts = new ArrayList<>();
        for (SemanticGraphEdge e : g.outgoingEdgeList(np.head())) {
            if (e.getRelation().toString().equals("conj")) {
                conjuncts.add(e.getDependent());
            }
        }
        if (!conjuncts.isEmpty()) {
            List<IndexedWord> all = new ArrayList<>();
            all.add(np.head());
            all.addAll(conjuncts);
            boolean allNamed = all.stream().allMatch(w -> w.tag().startsWith("NNP") && !"O".equals(w.ner())
                    || entities.mentionAt(w.beginPosition(), w.endPosition()).isPresent());
            if (allNamed) {
                List<Resolved> out = new ArrayList<>();
                for (IndexedWord w : all) {
                    NounPhrase single = singleConjunct(np, w, g);
                    out.add(resolveSingle(single, a, previous, previousSentences, upcoming));
                }
                return out;
            }
            String description = stripDeterminer(np.text(text));
            return List.of(new Resolved(description, Claim.Source.GROUP, null, null, np.start(), np.end()));
        }
        return List.of(resolveSingle(np, a, previous, previousSentences, upcoming));
    }

    private NounPhrase singleConjunct(NounPhrase np, IndexedWord w, SemanticGraph g) {
        Set<IndexedWord> keep = new HashSet<>();
        keep.add(w);
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            String r = e.getRelation().toString();
            if (r.equals("compound") || r.equals("flat") || r.equals("amod") || r.equals("det")) {
                keep.addAll(AttributionFinder.subtree(g, e.getDependent(), Set.of()));
            }
        }
        List<IndexedWord> tokens = new ArrayList<>(keep);
        tokens.sort((x, y) -> Integer.compare(x.index(), y.index()));
        return new NounPhrase(np.sentence(), w, tokens, tokens.get(0).beginPosition(), tokens.get(tokens.size() - 1).endPosition());
    }

    Resolved resolveSingle(NounPhrase np, Attribution a, List<Resolved> previous, List<Integer> previousSentences,
                           List<Attribution> upcoming) {
        IndexedWord head = np.head();
        String headWord = head.word().toLowerCase(Locale.ROOT);
        String mention = np.text(text);
        int ms = np.start();
        int me = np.end();
        // pronouns
        if (head.tag().startsWith("PRP")) {
            boolean personal = Set.of("he", "she", "him", "her").contains(headWord);
            for (int i = previous.size() - 1; i >= 0; i--) {
                Resolved r = previous.get(i);
                if (personal == r.isPerson() && !"unnamed source".equals(r.name())) {
                    return r.at(ms, me);
                }
                if (!personal && !r.isPerson()) {
                    return r.at(ms, me);
                }
            }
            if (personal) {
                Person p = lastPersonBefore(np.start());
                if (p != null) {
                    return new Resolved(p.name(), Claim.Source.PERSON, p.role(), p.organisation(), ms, me);
                }
            }
            return new Resolved("unnamed source", Claim.Source.UNNAMED, null, null, ms, me);
        }
        // a person's name
        int[] personRun = null;
        for (int[] run : runs(np.sentence().tokens(), "PERSON")) {
            if (run[0] >= ms && run[1] <= me && (personRun == null || head.beginPosition() >= run[0] && head.endPosition() <= run[1])) {
                personRun = run;
            }
        }
        if (personRun != null && isPossessor(np, personRun)) {
            // "Prime Minister Viktor Orbán’s office" speaks for the office
            List<CoreLabel> name = stripTitles(tokensIn(np.sentence(), personRun[0], personRun[1]));
            String owner = name.isEmpty() ? stripDeterminer(mention) : text.substring(name.get(0).beginPosition(), me);
            return new Resolved(owner, Claim.Source.ORGANISATION, null, null, ms, me);
        }
        if (personRun != null) {
            List<CoreLabel> nameTokens = stripTitles(tokensIn(np.sentence(), personRun[0], personRun[1]));
            if (!nameTokens.isEmpty()) {
                String name = text.substring(nameTokens.get(0).beginPosition(), nameTokens.get(nameTokens.size() - 1).endPosition());
                Person p = person(name, nameTokens.size() == 1, np.start());
                String role = null;
                String org = null;
                int[] roleSpan = roleSpan(np, personRun);
                if (roleSpan != null) {
                    role = text.substring(roleSpan[0], roleSpan[1]);
                    org = organisationIn(np.sentence(), roleSpan[0], roleSpan[1]);
                }
                if (p != null) {
                    // the role as written next to the name (registry) beats whatever the phrase drags along
                    return new Resolved(p.name(), Claim.Source.PERSON, p.role() != null ? p.role() : role,
                            p.organisation() != null ? p.organisation() : org, ms, me);
                }
                return new Resolved(name, Claim.Source.PERSON, role, org, ms, me);
            }
        }
        // "both countries": the two places named last
        if (PLURAL_GROUP_WORDS.contains(headWord) && mention.toLowerCase(Locale.ROOT).matches("(both|the two|two) .*")) {
            List<String> names = new ArrayList<>();
            for (int i = locations.size() - 1; i >= 0 && names.size() < 2; i--) {
                int[] l = locations.get(i);
                String name = text.substring(l[0], l[1]);
                if (l[1] <= ms && !names.contains(name)) {
                    names.add(0, name);
                }
            }
            if (names.size() == 2) {
                return new Resolved(names.get(0) + " and " + names.get(1), Claim.Source.GROUP, null, null, ms, me);
            }
        }
        // documents: "a report from a United Nations sanctions monitoring team" → "United Nations … team report"
        String headLemma = head.lemma() == null ? headWord : head.lemma().toLowerCase(Locale.ROOT);
        if (DOCUMENT_NOUNS.contains(headLemma)) {
            String owner = documentOwner(np, head);
            if (owner != null && Character.isLowerCase(owner.charAt(0))) {
                // "the commission’s report": the commission named before
                String[] words = owner.split("\\s+");
                String named = lastOrganisationBefore(ms, words[words.length - 1].toLowerCase(Locale.ROOT));
                if (named != null) {
                    owner = named;
                }
            }
            if (owner != null) {
                return new Resolved(owner + " " + head.word(), Claim.Source.DOCUMENT, null, owner, ms, me);
            }
            return new Resolved(stripDeterminer(mention), Claim.Source.DOCUMENT, null, null, ms, me);
        }
        // a surname the NER missed, of a person named elsewhere in the article
        if (head.tag().startsWith("NNP")) {
            Person known = knownSurname(head.word());
            if (known != null) {
                return new Resolved(known.name(), Claim.Source.PERSON, known.role(), known.organisation(), ms, me);
            }
        }
        // a known organisation or group
        Optional<ArticleEntities.Mention> m = entities.mentions().stream()
                .filter(x -> x.start() < me && x.end() > ms && x.start() <= head.beginPosition() + head.word().length()
                        && x.end() >= head.beginPosition())
                .findFirst();
        if (m.isPresent()) {
            String type = "group".equals(m.get().kind()) ? Claim.Source.GROUP : Claim.Source.ORGANISATION;
            return new Resolved(m.get().entityId(), type, null, null, ms, me);
        }
        for (String nerType : List.of("ORGANIZATION", "LOCATION")) {
            for (int[] run : runs(np.sentence().tokens(), nerType)) {
                if (run[0] >= ms && run[1] <= me && head.beginPosition() >= run[0] && head.endPosition() <= run[1]) {
                    return new Resolved(stripThe(text.substring(run[0], run[1])), Claim.Source.ORGANISATION, null, null, ms, me);
                }
            }
        }
        if (head.tag().startsWith("NNP") && Character.isUpperCase(head.word().charAt(0)) && !ROLE_NOUNS.contains(headLemma)) {
            return new Resolved(stripThe(properRun(np, head)), Claim.Source.ORGANISATION, null, null, ms, me);
        }
        boolean definite = mention.toLowerCase(Locale.ROOT).startsWith("the ") || hasPossessive(np)
                || head.tag().equals("NNP");
        // a body named by its kind: "Mozambique's health ministry", "the foreign office"
        if (INSTITUTION_NOUNS.contains(headLemma) && !head.tag().endsWith("S") && !mention.toLowerCase(Locale.ROOT).startsWith("the ")) {
            return new Resolved(stripDeterminer(mention), Claim.Source.ORGANISATION, null, null, ms, me);
        }
        // "the company", "the chipmaker": the organisation named last
        if (definite && !head.tag().endsWith("S") && head.tag().startsWith("NN") && !head.tag().startsWith("NNP")
                && !ROLE_NOUNS.contains(headLemma) && !PEOPLE_NOUNS.contains(headLemma) && mention.toLowerCase(Locale.ROOT).startsWith("the ")) {
            String org = null;
            for (int i = previous.size() - 1; i >= 0 && org == null; i--) {
                Resolved r = previous.get(i);
                if (!r.isPerson() && r.name().toLowerCase(Locale.ROOT).contains(headLemma)) {
                    org = r.name(); // "the ministry said" after "The Kyrgyz foreign ministry accused …"
                }
            }
            if (org == null) {
                org = lastOrganisationBefore(ms, headLemma);
            }
            if (org == null && GENERIC_ORG_NOUNS.contains(headLemma)) {
                org = lastOrganisationBefore(ms, null);
                for (int i = previous.size() - 1; i >= 0 && org == null; i--) {
                    Resolved r = previous.get(i);
                    if (Claim.Source.ORGANISATION.equals(r.type()) || Claim.Source.GROUP.equals(r.type())) {
                        org = r.name();
                    }
                }
            }
            if (org != null) {
                return new Resolved(org, Claim.Source.ORGANISATION, null, null, ms, me);
            }
            // a body named by its kind only ("the ministry", "the chipmaker")
            return new Resolved(stripThe(mention), Claim.Source.ORGANISATION, null, null, ms, me);
        }
        // a role without a name: "the Russian ambassador", "Chief of the CSTO Joint Staff"
        if (ROLE_NOUNS.contains(headLemma) && !head.tag().endsWith("S") && (definite || Character.isUpperCase(head.word().charAt(0)))
                && !mention.toLowerCase(Locale.ROOT).matches("(a|an|one|another) .*")) {
            Person p = byRole(np, headLemma, true);
            String role = stripDeterminer(mention);
            if (p != null) {
                return new Resolved(p.name(), Claim.Source.PERSON, p.role() != null ? p.role() : role, p.organisation(), ms, me);
            }
            // "The Russian General added": the person who spoke just before
            if (!previous.isEmpty() && previous.get(previous.size() - 1).isPerson()
                    && a.sentence.index() - previousSentences.get(previousSentences.size() - 1) <= 2) {
                return previous.get(previous.size() - 1).at(ms, me);
            }
            p = byRole(np, headLemma, false);
            if (p != null) {
                return new Resolved(p.name(), Claim.Source.PERSON, p.role() != null ? p.role() : role, p.organisation(), ms, me);
            }
            // a lead that names the speaker by role; the next paragraph names them
            for (Attribution next : upcoming) {
                if (next.sentence.index() - a.sentence.index() > 2) {
                    break;
                }
                if (next.source != null && next.source != np) {
                    for (int[] run : runs(next.source.sentence().tokens(), "PERSON")) {
                        if (run[0] >= next.source.start() && run[1] <= next.source.end()) {
                            List<CoreLabel> nameTokens = stripTitles(tokensIn(next.source.sentence(), run[0], run[1]));
                            if (nameTokens.size() >= 2) {
                                String name = text.substring(nameTokens.get(0).beginPosition(),
                                        nameTokens.get(nameTokens.size() - 1).endPosition());
                                return new Resolved(name, Claim.Source.PERSON, role, organisationIn(np.sentence(), ms, me), ms, me);
                            }
                        }
                    }
                }
            }
        }
        return new Resolved(stripDeterminer(mention), Claim.Source.UNNAMED, null, null, ms, me);
    }

    /** The name an outlet or report goes by, for a via chain: "Asia-Plus’ report" → Asia-Plus. */
    String outletName(NounPhrase np) {
        SemanticGraph g = np.sentence().graph();
        IndexedWord head = np.head();
        String headLemma = head.lemma() == null ? "" : head.lemma().toLowerCase(Locale.ROOT);
        if (DOCUMENT_NOUNS.contains(headLemma)) {
            for (SemanticGraphEdge e : g.outgoingEdgeList(head)) {
                String r = e.getRelation().toString();
                IndexedWord c = e.getDependent();
                if (r.equals("nmod:poss") || r.startsWith("nmod") && AttributionFinder.hasCase(g, c, "by", "from", "of")) {
                    return nameOf(np.sentence(), c);
                }
            }
            // "an article": the report named next ("The November 30 report by Asia-Plus")
            Matcher m = NAMED_REPORT.matcher(text);
            if (m.find(np.end())) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                return stripThe(name);
            }
            return null;
        }
        if (AttributionFinder.MEDIA_NOUNS.contains(headLemma)) {
            for (IndexedWord t : np.tokens()) {
                if (t.tag().startsWith("NNP")) {
                    return stripThe(properRun(np, t)); // "the state news agency Khovar" → Khovar
                }
            }
        }
        return nameOf(np.sentence(), head);
    }

    private static final Pattern NAMED_REPORT = Pattern.compile(
            "(?:report|article|story|interview)\\s+(?:by|from|in)\\s+(?:the\\s+)?(\\p{Lu}[\\p{L}\\-]+(?:\\s\\p{Lu}[\\p{L}\\-]+)*)"
                    + "|(\\p{Lu}[\\p{L}\\-]+(?:\\s\\p{Lu}[\\p{L}\\-]+)*)['’]s?\\s+(?:report|article|story)");

    private String nameOf(NlpPipeline.Sentence s, IndexedWord w) {
        for (String type : List.of("ORGANIZATION", "PERSON", "LOCATION", "MISC")) {
            for (int[] run : runs(s.tokens(), type)) {
                if (w.beginPosition() >= run[0] && w.endPosition() <= run[1]) {
                    String name = stripThe(text.substring(run[0], run[1])).replaceAll("['’]s?$", "");
                    if ("PERSON".equals(type)) {
                        Person p = person(name, !name.contains(" "), w.beginPosition());
                        return p != null ? p.name() : name;
                    }
                    return name;
                }
            }
        }
        Optional<ArticleEntities.Mention> m = entities.mentionAt(w.beginPosition(), w.endPosition());
        if (m.isPresent()) {
            return m.get().entityId();
        }
        return stripThe(w.word()).replaceAll("['’]s?$", "");
    }

    /** Who owns a document: "a report from a UN team" → "UN team"; "Asia-Plus’ report" → "Asia-Plus". */
    private String documentOwner(NounPhrase np, IndexedWord head) {
        List<IndexedWord> tokens = np.tokens();
        int h = tokens.indexOf(head);
        if (h < 0) {
            return null;
        }
        // "a study published in Nature", "a report commissioned by the ministry"
        if (h + 2 < tokens.size() && tokens.get(h + 1).tag().equals("VBN")
                && Set.of("in", "by").contains(tokens.get(h + 2).word().toLowerCase(Locale.ROOT))) {
            int start = h + 3;
            while (start < tokens.size() && tokens.get(start).tag().equals("DT")) {
                start++;
            }
            int end = start;
            while (end < tokens.size() && tokens.get(end).tag().startsWith("NNP")) {
                end++;
            }
            if (end > start) {
                return text.substring(tokens.get(start).beginPosition(), tokens.get(end - 1).endPosition());
            }
        }
        if (h + 1 < tokens.size() && Set.of("from", "by", "of").contains(tokens.get(h + 1).word().toLowerCase(Locale.ROOT))) {
            int start = h + 2;
            while (start < tokens.size() && tokens.get(start).tag().equals("DT")) {
                start++;
            }
            int end = start;
            while (end < tokens.size() && !tokens.get(end).word().equals(",") && !tokens.get(end).tag().startsWith("W")) {
                end++;
            }
            if (end > start) {
                return text.substring(tokens.get(start).beginPosition(), tokens.get(end - 1).endPosition());
            }
        }
        for (int i = h - 1; i > 0; i--) {
            String tag = tokens.get(i).tag();
            if (tag.equals("POS") || tag.equals("''")) {
                int start = 0;
                while (start < i && tokens.get(start).tag().equals("DT")) {
                    start++;
                }
                if (start < i) {
                    return text.substring(tokens.get(start).beginPosition(), tokens.get(i - 1).endPosition());
                }
            }
        }
        return null;
    }

    private Person knownSurname(String word) {
        Person best = null;
        for (Person p : persons) {
            if (lastWord(p.name()).equalsIgnoreCase(word)) {
                best = p;
            }
        }
        return best;
    }

    /** The full name of a person named in the article ("Bortnikov" → "Alexander Bortnikov"). */
    String canonicalPerson(String name) {
        Person p = person(name, !name.trim().contains(" "), Integer.MAX_VALUE);
        return p != null ? p.name() : name;
    }

    // ---------------------------------------------------------------- helpers

    private Person person(String name, boolean surnameOnly, int position) {
        String last = lastWord(name);
        Person best = null;
        for (Person p : persons) {
            if (p.name().toLowerCase(Locale.ROOT).endsWith(" " + name.toLowerCase(Locale.ROOT)) && !surnameOnly) {
                return p; // "Herrera Soto" → "Pablo Herrera Soto"
            }
        }
        for (Person p : persons) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
            if (surnameOnly && lastWord(p.name()).equalsIgnoreCase(last)) {
                if (best == null || p.position() < position) {
                    best = p;
                }
            }
        }
        if (best == null && surnameOnly) {
            // a full name in a sentence that was not parsed (a caption, a background paragraph)
            Matcher m = Pattern.compile("((?:\\p{Lu}[\\p{L}’'.\\-]+\\s+){1,2})" + Pattern.quote(last) + "\\b").matcher(text);
            while (m.find()) {
                String[] first = m.group(1).trim().split("\\s+");
                List<String> kept = new ArrayList<>();
                for (String f : first) {
                    if (!TITLES.contains(f.toLowerCase(Locale.ROOT)) && !f.contains("-") || f.matches("\\p{Lu}\\p{L}+-\\p{Lu}\\p{L}+")
                            && !TITLES.contains(f.toLowerCase(Locale.ROOT))) {
                        kept.add(f);
                    } else {
                        kept.clear();
                    }
                }
                if (!kept.isEmpty() && kept.size() <= 2 && kept.stream().noneMatch(k -> k.endsWith("’s") || k.endsWith("'s"))) {
                    return new Person(String.join(" ", kept) + " " + last, null, null, Set.of(), m.start());
                }
            }
        }
        return best;
    }

    /**
     * The person whose role, as the text gives it elsewhere, shares the words of a role-only
     * mention; persons named earlier come first (anaphora looks back), later ones only after.
     */
    private Person byRole(NounPhrase np, String headLemma, boolean earlier) {
        Set<String> words = roleWords(np.text(text));
        Person best = null;
        int bestScore = 1;
        for (Person p : persons) {
            if ((p.position() < np.start()) != earlier) {
                continue;
            }
            int score = 0;
            for (String w : words) {
                if (p.roleWords().contains(w)) {
                    score += w.equals(headLemma) ? 2 : 1;
                }
            }
            if (score > bestScore || score == bestScore && best != null && earlier) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    /** Nouns naming a body that speaks for itself: "the health ministry said". */
    static final Set<String> INSTITUTION_NOUNS = Set.of("ministry", "government", "office", "department", "army",
            "military", "navy", "court", "parliament", "council", "commission", "embassy", "administration", "cabinet",
            "presidency", "secretariat", "directorate", "committee", "assembly", "senate", "congress", "kremlin");

    /** Nouns that can stand for any organisation named before: "the company said". */
    static final Set<String> GENERIC_ORG_NOUNS = Set.of("company", "firm", "group", "organisation", "organization",
            "agency", "alliance", "bloc", "regime", "movement", "militia", "party", "coalition", "body", "institution");

    /** The organisation named last before a position; with {@code headWord}, only one whose name contains it. */
    private String lastOrganisationBefore(int position, String headWord) {
        int[] best = null;
        for (int[] run : organisations) {
            if (run[1] <= position && (headWord == null
                    || text.substring(run[0], run[1]).toLowerCase(Locale.ROOT).contains(headWord))) {
                best = run;
            }
        }
        Optional<ArticleEntities.Mention> entity = entities.mentions().stream()
                .filter(m -> m.end() <= position && (headWord == null || m.alias().toLowerCase(Locale.ROOT).contains(headWord)
                        || m.entityId().toLowerCase(Locale.ROOT).contains(headWord)))
                .reduce((x, y) -> y);
        if (entity.isPresent() && (best == null || entity.get().start() > best[0])) {
            return entity.get().entityId();
        }
        return best == null ? null : stripThe(text.substring(best[0], best[1])).replaceAll("['’]s?$", "");
    }

    private Person lastPersonBefore(int position) {
        Person best = null;
        for (Person p : persons) {
            if (p.position() < position) {
                best = p;
            }
        }
        return best;
    }

    private boolean hasPossessive(NounPhrase np) {
        for (IndexedWord t : np.tokens()) {
            if (t.tag().equals("POS") || t.tag().equals("PRP$")) {
                return true;
            }
        }
        return false;
    }

    /** The run of capitalised proper nouns around the head: "The steel maker Arcelor Mittal" → "Arcelor Mittal". */
    private String properRun(NounPhrase np, IndexedWord head) {
        List<IndexedWord> tokens = np.tokens();
        int h = tokens.indexOf(head);
        if (h < 0) {
            return np.text(text);
        }
        int lo = h;
        int hi = h;
        while (lo > 0 && (tokens.get(lo - 1).tag().startsWith("NNP") || tokens.get(lo - 1).tag().equals("HYPH"))) {
            lo--;
        }
        while (hi + 1 < tokens.size() && (tokens.get(hi + 1).tag().startsWith("NNP") || tokens.get(hi + 1).tag().equals("HYPH"))) {
            hi++;
        }
        return text.substring(tokens.get(lo).beginPosition(), tokens.get(hi).endPosition());
    }

    private boolean isPossessor(NounPhrase np, int[] run) {
        for (IndexedWord t : np.tokens()) {
            if (t.beginPosition() >= run[1] && t.beginPosition() <= run[1] + 1) {
                return t.tag().equals("POS") && np.tokens().indexOf(t) < np.tokens().size() - 1;
            }
        }
        return false;
    }

    private static String lastWord(String name) {
        String[] parts = name.trim().split("\\s+");
        return parts[parts.length - 1];
    }

    static String stripThe(String s) {
        String t = s.trim();
        return t.toLowerCase(Locale.ROOT).startsWith("the ") ? t.substring(4).trim() : t;
    }

    static String stripDeterminer(String s) {
        String t = s.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        for (String det : List.of("the ", "a ", "an ", "some ", "other ", "several ", "many ")) {
            if (lower.startsWith(det)) {
                return t.substring(det.length()).trim();
            }
        }
        return t;
    }

    private static List<CoreLabel> stripTitles(List<CoreLabel> tokens) {
        List<CoreLabel> out = new ArrayList<>(tokens);
        while (!out.isEmpty() && TITLES.contains(out.get(0).word().toLowerCase(Locale.ROOT))) {
            out.remove(0);
        }
        while (!out.isEmpty() && (out.get(out.size() - 1).word().equals("’s") || out.get(out.size() - 1).word().equals("'s"))) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static List<CoreLabel> tokensIn(NlpPipeline.Sentence s, int start, int end) {
        List<CoreLabel> out = new ArrayList<>();
        for (CoreLabel t : s.tokens()) {
            if (t.beginPosition() >= start && t.endPosition() <= end) {
                out.add(t);
            }
        }
        return out;
    }

    /** Maximal runs of tokens with one NER type, as character spans. */
    static List<int[]> runs(List<CoreLabel> tokens, String type) {
        List<int[]> out = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (CoreLabel t : tokens) {
            if (type.equals(t.ner())) {
                if (start < 0) {
                    start = t.beginPosition();
                }
                end = t.endPosition();
            } else if (start >= 0) {
                out.add(new int[]{start, end});
                start = -1;
            }
        }
        if (start >= 0) {
            out.add(new int[]{start, end});
        }
        return out;
    }

    @Override
    public String toString() {
        return "SourceResolver" + Arrays.toString(persons.toArray());
    }
}
