package dev.claimtrail.claims.extraction.enrich;

import dev.claimtrail.events.Claim;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entity mentions of one article: curated aliases, aliases the article itself states, and the IS/ISKP reading.
 * Built once per article by {@link #analyse}; immutable and thread-safe afterwards.
 *
 * <p>How it reads a text:
 * <ol>
 * <li>One leftmost-longest pass of the catalogue's alias trie over the word tokens ("Pakistani Taliban" is TTP, not
 * the Taliban; "Islamic State-Khorasan Province" is ISKP, not IS).</li>
 * <li>Aliases the text states: "X (also known as A, or B, or the 'C')", "X (ABC)", "X, also known as A", "A, known
 * as X". When X is known, A, B, C become its aliases for this article; when neither side is known but the name
 * looks like an armed group (a group word such as Jamaat/Tehrik/Lashkar, or "militant group X"), a new entity is
 * created whose id is the first name. Then a second pass with the learned aliases.</li>
 * <li>Branches (claims.md rule 5): a mention of an entity that has a regional branch (IS → ISKP) is read as the
 * branch when the nearest decisive context — the sentence, else the paragraph, else the article — places it in the
 * branch's home (places of Afghanistan, or a mention of the branch itself) rather than the parent's (Iraq, Syria).
 * A sentence that names parent and branch apart contrasts them ("IS in Syria, ISKP in Kunar"); "Islamic State's
 * Khorasan Province" is the branch.</li>
 * <li>An alias listed for several entities ("Ansarullah": the Tajik group and Yemen's Houthis) is read the same way,
 * by whose home the context names.</li>
 * </ol>
 */
public final class ArticleEntities {

    /** An entity mention: canonical id, the alias as written, offsets into the article, and the entity's kind. */
    public record Mention(String entityId, String alias, int start, int end, String kind /* group|organisation */) {
    }

    /** Pronouns that may stand for a group at the start of a claim's content ("it has expanded its ranks"). */
    private static final Set<String> PRONOUNS = Set.of("it", "its");
    private static final Set<String> DETERMINERS = Set.of("the", "this", "that");
    /** Nouns that refer back to an armed group. */
    private static final Set<String> GROUP_HEADS = Set.of("group", "militants", "fighters", "insurgents", "outfit",
            "faction", "network", "movement", "militia", "jihadists");
    /** Nouns that refer back to an alliance or an organisation. */
    private static final Set<String> ORGANISATION_HEADS = Set.of("organisation", "organization", "alliance", "bloc");
    /** Nouns used of either ("the grouping": Russian usage for alliances and terrorist groups alike). */
    private static final Set<String> ANY_HEADS = Set.of("grouping");
    private static final Set<String> MILITANT_MODIFIERS = Set.of("militant", "terrorist", "terror", "extremist",
            "jihadist", "jihadi", "islamist", "salafi", "salafist", "insurgent", "armed", "radical", "rebel",
            "separatist", "banned", "outlawed", "proscribed", "fundamentalist", "violent", "shadowy", "notorious");
    private static final Set<String> OTHER_MODIFIERS = Set.of("military", "security", "regional", "intergovernmental",
            "political", "same", "entire", "whole", "new", "local", "afghan", "pakistani", "tajik", "sunni");
    /** Reporting verbs: a mention followed by one of them is the speaker, so a following "it" is a self-reference. */
    private static final Set<String> REPORTING = Set.of("say", "says", "said", "claim", "claims", "claimed", "state",
            "states", "stated", "tell", "tells", "told", "warn", "warns", "warned", "deny", "denies", "denied", "add",
            "adds", "added", "note", "notes", "noted", "announce", "announces", "announced", "insist", "insists",
            "insisted", "allege", "alleges", "alleged", "accuse", "accuses", "accused", "report", "reports", "reported",
            "reveal", "reveals", "revealed", "assert", "asserts", "asserted", "acknowledge", "acknowledges",
            "acknowledged", "confirm", "confirms", "confirmed", "argue", "argues", "argued", "stress", "stresses",
            "stressed", "maintain", "maintains", "maintained", "reiterate", "reiterated", "reiterates", "vowed",
            "vows", "threatened", "threatens", "rejected", "rejects", "dismissed", "dismisses", "believes",
            "expressed", "expresses", "voiced", "highlighted", "pointed", "called", "calls", "urged", "urges");
    private static final Set<String> SKIPPABLE = Set.of("has", "have", "had", "also", "repeatedly", "however",
            "again", "previously", "long", "already", "further", "then", "now", "s", "officially", "publicly",
            "recently", "earlier", "once", "is", "was", "been");
    /** Words that make an unknown name look like an armed group's name. */
    private static final Set<String> GROUP_NAME_WORDS = Set.of("jamaat", "jamaa", "jamaah", "jamoat", "tehrik",
            "tehreek", "tahreek", "tahrik", "harakat", "harkat", "hizb", "hezb", "hezbollah", "jaish", "jaysh",
            "lashkar", "ansar", "ansarullah", "mujahideen", "mujahidin", "jihad", "jihadi", "taliban", "wilayat",
            "vilayat", "wilayah", "katibat", "katiba", "jabhat", "tanzim", "caliphate", "emirate", "brigade",
            "brigades", "battalion", "militia", "liberation", "front", "army", "movement", "mujahid", "sipah", "fedayeen");
    private static final Set<String> GROUP_CONTEXT_HEADS = Set.of("group", "organisation", "organization", "outfit",
            "movement", "faction", "network", "militia", "grouping");
    private static final Set<String> NAME_JOINERS = Set.of("of", "al", "ul", "e", "i", "wa", "wal", "the", "and", "ud",
            "ut", "ash", "as", "el", "ad", "an", "ar", "at", "az", "bin", "ibn", "in", "for");

    private static final String ALSO = "(?:also |otherwise |commonly |better |locally |formerly |widely )?";
    private static final Pattern PAREN_AKA = Pattern.compile(
            "\\A\\s*\\(\\s*" + ALSO + "(?:known as|called|aka|a\\.k\\.a\\.?|referred to as|or)\\s+([^()]{1,240})\\)");
    private static final Pattern PAREN_ACRONYM = Pattern.compile(
            "\\A\\s*\\(\\s*(?:the\\s+)?([A-Z][A-Za-z]{0,3}[A-Z](?:-[A-Z]{1,3})?)\\s*\\)");
    private static final Pattern COMMA_AKA = Pattern.compile(
            "\\A\\s*,\\s*" + ALSO + "(?:known as|called|dubbed|referred to as|which calls itself|calling itself)\\s+"
                    + "([^.;:()\\n]{1,160})");
    /** "A, also known as" / "A (also known as": A is the capitalised name just before. */
    private static final Pattern BEFORE_AKA = Pattern.compile(
            "(?:,\\s*|\\(\\s*)" + ALSO + "(?:known as|called|dubbed|aka|a\\.k\\.a\\.?)\\s+(?:the\\s+)?[\"“‘']?\\s*\\z");
    private static final Pattern SO_CALLED = Pattern.compile(
            "\\bso-called\\s+[\"“‘']([A-Z][^\"”’'\\n]{2,60})[\"”’']");
    private static final Pattern ALIAS_SPLIT = Pattern.compile("\\s*(?:,\\s*(?:or|and)?\\s*|;\\s*|\\s+or\\s+)");
    private static final Pattern RELATIVE_PRONOUN = Pattern.compile(",?\\s*\\b(?:which|who)\\s+([^,.;:\"“”]{0,60}?)\\s*\\z");
    /** "(also known as …)" or "(ABC)" after a name. */
    private static final Pattern SELF_NAMING = Pattern.compile("\\(\\s*(?:" + ALSO
            + "(?:known as|called|aka)\\s+([^()]{1,240})|([A-Z][A-Za-z]{0,3}[A-Z](?:-[A-Z]{1,3})?))\\s*\\)");
    private static final Pattern POSSESSIVE_GAP = Pattern.compile("['’]s\\s+(?:[A-Za-z-]+\\s+)?");
    private static final Pattern QUOTES = Pattern.compile("[\"“”‘’']");

    private final String text;
    private final TextTokens tokens;
    private final List<Mention> mentions;
    private final Map<String, String> kinds;
    private final List<int[]> sentences;

    private ArticleEntities(String text, TextTokens tokens, List<Mention> mentions, Map<String, String> kinds) {
        this.sentences = Sentences.split(text);
        this.text = text;
        this.tokens = tokens;
        this.mentions = Collections.unmodifiableList(mentions);
        this.kinds = kinds;
    }

    /** Finds the entity mentions of an article: curated aliases plus those the text states. */
    public static ArticleEntities analyse(String text, EntityCatalog catalog) {
        String original = text == null ? "" : text;
        // regular expressions below read plain spaces; aliases are still cut from the text as written
        String t = TextTokens.plainSpaces(original);
        EntityCatalog cat = catalog == null ? EntityCatalog.curated() : catalog;
        TextTokens toks = TextTokens.of(t);
        List<Raw> first = scan(toks, cat.aliasTrie(), null);

        Learned learned = learn(t, toks, first, cat);
        List<Raw> raws = learned.trie == null ? first : scan(toks, cat.aliasTrie(), learned.trie);

        Map<String, String> kinds = new HashMap<>();
        for (EntityCatalog.Entity e : cat.entities().values()) {
            kinds.put(e.id(), e.kind());
        }
        kinds.putAll(learned.newKinds);

        List<Mention> out = new ArrayList<>(raws.size());
        Branches branches = new Branches(t, toks, cat, raws);
        for (Raw r : raws) {
            String id = branches.resolve(r);
            out.add(new Mention(id, original.substring(r.start, r.end), r.start, r.end,
                    kinds.getOrDefault(id, EntityCatalog.GROUP)));
        }
        return new ArticleEntities(t, toks, out, Map.copyOf(kinds));
    }

    /** Every entity mention in the text, by start offset. */
    public List<Mention> mentions() {
        return mentions;
    }

    /** The mention overlapping [start, end) the most, if any (e.g. to link a source's organisation). */
    public Optional<Mention> mentionAt(int start, int end) {
        Mention best = null;
        int bestOverlap = 0;
        for (Mention m : mentions) {
            if (m.start() >= end) {
                break;
            }
            int ov = Math.min(end, m.end()) - Math.max(start, m.start());
            if (ov > bestOverlap || (ov == 0 && best == null && start == end && m.start() <= start && start < m.end())) {
                best = m;
                bestOverlap = ov;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Subjects of a content span; see {@link #subjectsIn(int, int, int, int)}. */
    public List<Claim.Subject> subjectsIn(int start, int end) {
        return subjectsIn(start, end, -1, -1);
    }

    /**
     * The entities a claim's content [start, end) is about, deduplicated by id in order of appearance, each with the
     * alias as written. Countries are not entities (they are locations). Besides the mentions inside the span it
     * resolves, conservatively, references to a group named before:
     * <ul>
     * <li>a content-initial "it"/"its" — to the latest mention in the same or the previous sentence, only if that
     * is an armed group, not the speaker (a mention followed by a reporting verb, the given source, or an
     * organisation-like speaker in between: "the UN said it …"), and not an expletive ("it is likely that");</li>
     * <li>"the group", "this group", "the extremist group", "the movement", "the organisation", "the alliance",
     * "the grouping" — to the latest mention of a fitting kind within a paragraph, unless a non-definite use of the
     * same noun came in between ("A group of elders … the group"), an apposition names it anyway ("the militant
     * group, TTP"), or the phrase is restrictive ("the group of experts", "the militants who …");</li>
     * <li>"the militants", "the fighters" — to the group of the latest earlier militants ("TTP militants",
     * "militants from the IMU"), none if those were nobody's ("dozens of militants killed");</li>
     * <li>a subject outside the content: a relative clause ("groups such as A, B and C, which officials say pose a
     * threat" → A, B, C), a span that starts at its verb ("IS militias | were threatening"), a partitive
     * ("Of these, 4,000 were …" → the group counted before).</li>
     * </ul>
     * A definite reference to the speaker of the same sentence is a self-reference and dropped.
     *
     * @param sourceStart start of the source mention, or -1 when unknown
     * @param sourceEnd   end of the source mention, or -1
     */
    public List<Claim.Subject> subjectsIn(int start, int end, int sourceStart, int sourceEnd) {
        Map<String, String> found = new LinkedHashMap<>();
        int s = Math.max(0, start);
        int e = Math.min(text.length(), end);
        if (s >= e) {
            return List.of();
        }
        List<Pending> pending = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.start() >= s && m.end() <= e) {
                pending.add(new Pending(m.start(), m.entityId(), m.alias()));
            }
        }
        int ti = tokens.firstAtOrAfter(s);
        // 1. relative clause whose subject lies before the content
        if (ti < tokens.size() && tokens.get(ti).start() < e) {
            for (Mention m : relativeAntecedents(s, tokens.get(ti))) {
                pending.add(new Pending(m.start(), m.entityId(), m.alias()));
            }
        }
        // 1b. a content that starts at its verb: the subject was left just outside ("IS militias | were threatening")
        if (ti < tokens.size() && tokens.get(ti).start() < e && AUXILIARIES.contains(tokens.get(ti).norm())) {
            for (Mention m : subjectJustBefore(s)) {
                pending.add(new Pending(m.start(), m.entityId(), m.alias()));
            }
        }
        // 2. content-initial pronoun, or a partitive just before the content ("Of these, 4,000 were ...")
        if (ti < tokens.size() && tokens.get(ti).start() < e && PRONOUNS.contains(tokens.get(ti).norm())
                && !expletive(ti)) {
            Mention a = pronounAntecedent(tokens.get(ti).start(), sourceStart, sourceEnd);
            if (a != null) {
                pending.add(new Pending(tokens.get(ti).start(), a.entityId(), a.alias()));
            }
        } else if (ti < tokens.size() && tokens.get(ti).start() < e && partitiveBefore(s)) {
            Mention a = pronounAntecedent(s, sourceStart, sourceEnd);
            if (a != null) {
                pending.add(new Pending(s, a.entityId(), a.alias()));
            }
        }
        // 3. definite references
        for (int k = ti; k < tokens.size() && tokens.get(k).start() < e; k++) {
            Mention a = definiteAntecedent(k, e);
            if (a != null && !isTheSource(a, sourceStart, sourceEnd) && !(isSpeaker(a) && sameSentence(a.start(), s))) {
                pending.add(new Pending(tokens.get(k).start(), a.entityId(), a.alias()));
            }
        }
        pending.sort((x, y) -> Integer.compare(x.at, y.at));
        for (Pending p : pending) {
            found.putIfAbsent(p.id, p.alias);
        }
        List<Claim.Subject> out = new ArrayList<>(found.size());
        found.forEach((id, alias) -> out.add(new Claim.Subject(id, alias)));
        return out;
    }

    /** The kind of an entity id seen in this article (curated or learned). */
    public Optional<String> kindOf(String entityId) {
        return Optional.ofNullable(kinds.get(entityId));
    }

    /** The most recent mention ending at or before {@code offset}, within the same or the previous paragraph. */
    Mention lastMentionBefore(int offset, String kind) {
        for (int i = mentions.size() - 1; i >= 0; i--) {
            Mention m = mentions.get(i);
            if (m.end() > offset) {
                continue;
            }
            if (paragraphBreaks(m.end(), offset) > 1 || offset - m.end() > 1200) {
                return null;
            }
            if (kind == null || kind.equals(m.kind())) {
                return m;
            }
        }
        return null;
    }

    private record Pending(int at, String id, String alias) {
    }

    private static final Pattern PARTITIVE = Pattern.compile(
            "(?i)\\b(?:of|among)\\s+(?:these|them|those|this number)\\s*,?\\s*\\z");

    private static final Pattern PARTITIVE_OPENING = Pattern.compile(
            "(?i)\\A\\W{0,3}(?:of|among)\\s+(?:these|them|those|this number)\\b");

    /**
     * "Of these, " / "among them" right before the content or opening it: it counts part of something said
     * before.
     */
    private boolean partitiveBefore(int start) {
        return PARTITIVE.matcher(text.substring(Math.max(0, start - 30), start)).find()
                || PARTITIVE_OPENING.matcher(text).region(start, Math.min(text.length(), start + 30)).lookingAt();
    }

    /**
     * The group a pronoun at {@code at} stands for: the most recent mention in the same or the previous sentence,
     * if it is an armed group and not the speaker.
     */
    private Mention pronounAntecedent(int at, int sourceStart, int sourceEnd) {
        Mention m = lastMentionBefore(at, null);
        if (m == null || at - m.end() > 600 || !EntityCatalog.GROUP.equals(m.kind())) {
            return null;
        }
        int here = Sentences.indexOf(sentences, at);
        int there = Sentences.indexOf(sentences, m.start());
        if (here - there > 1) {
            return null;
        }
        if (sourceStart >= 0 && m.start() < sourceEnd && m.end() > sourceStart) {
            return null;
        }
        if (sourceStart >= 0 && sourceEnd > sourceStart && sourceEnd <= at && m.end() <= sourceStart
                && couldBeIt(sourceStart, sourceEnd)) {
            return null; // "the Foreign Ministry said it was concerned": "it" is the speaker
        }
        if (isSpeaker(m) || speakerBetween(m.end(), at)) {
            return null;
        }
        return m;
    }

    private static final Set<String> COPULAS = Set.of("is", "was", "will", "would", "remains", "remained", "seems",
            "seemed", "appears", "appeared", "s", "has", "had", "could", "might", "may", "must", "should");
    private static final Set<String> EXPLETIVE_TAILS = Set.of("that", "to", "whether", "for", "if", "how", "why",
            "when", "what");

    /** "it is likely that …", "it was time to …": an "it" that stands for nothing. */
    private boolean expletive(int ti) {
        if (!tokens.get(ti).norm().equals("it") || ti + 1 >= tokens.size()
                || !COPULAS.contains(tokens.get(ti + 1).norm())) {
            return false;
        }
        for (int k = ti + 2; k < tokens.size() && k <= ti + 5; k++) {
            if (EXPLETIVE_TAILS.contains(tokens.get(k).norm())) {
                return true;
            }
        }
        return false;
    }

    private boolean sameSentence(int a, int b) {
        return Sentences.indexOf(sentences, a) == Sentences.indexOf(sentences, b);
    }

    /** The mention is the source itself ("The Taliban", "the CSTO" as the speaker), not just named inside it. */
    private static boolean isTheSource(Mention m, int sourceStart, int sourceEnd) {
        return sourceStart >= 0 && m.start() >= sourceStart && m.end() <= sourceEnd && m.end() >= sourceEnd - 1;
    }

    /** Heads of singular non-person speakers, which "it" can stand for. */
    private static final Set<String> IT_HEADS = Set.of("ministry", "government", "department", "office", "council",
            "agency", "army", "military", "embassy", "committee", "commission", "service", "organisation",
            "organization", "group", "movement", "party", "alliance", "bloc", "union", "court", "report", "statement",
            "network", "administration", "cabinet", "parliament", "assembly", "kremlin", "pentagon", "state",
            "country", "command", "force", "police", "directorate", "authority", "regime", "secretariat", "body",
            "mission", "team", "panel", "center", "centre", "institute", "newspaper", "outlet", "channel", "website");

    private boolean couldBeIt(int sourceStart, int sourceEnd) {
        for (int k = tokens.firstAtOrAfter(sourceStart); k < tokens.size() && tokens.get(k).end() <= sourceEnd; k++) {
            TextTokens.Token t = tokens.get(k);
            if (IT_HEADS.contains(t.norm()) || (t.isUpper() && t.raw().length() >= 2)) {
                return true;
            }
        }
        Optional<Mention> m = mentionAt(sourceStart, sourceEnd);
        return m.isPresent();
    }

    /**
     * A speaker that "it" can stand for between the antecedent and the pronoun: "The Foreign Ministry said last week
     * it was concerned" — a reporting verb with an organisation-like head word just before it.
     */
    private boolean speakerBetween(int from, int to) {
        for (int k = tokens.firstAtOrAfter(from); k < tokens.size() && tokens.get(k).start() < to; k++) {
            if (!REPORTING.contains(tokens.get(k).norm())) {
                continue;
            }
            for (int j = k - 1; j >= 0 && j >= k - 4 && tokens.get(j).start() >= from; j--) {
                TextTokens.Token t = tokens.get(j);
                // an organisation head noun, or an acronym ("the UN said it …"): people are "he" or "she"
                if (IT_HEADS.contains(t.norm()) || (t.isUpper() && t.raw().length() >= 2)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a reporting verb follows the mention ("The Taliban, however, has repeatedly denied"). */
    private boolean isSpeaker(Mention m) {
        int k = tokens.firstAtOrAfter(m.end());
        int seen = 0;
        while (k < tokens.size() && seen < 5) {
            String w = tokens.get(k).norm();
            if (REPORTING.contains(w)) {
                return true;
            }
            if (!SKIPPABLE.contains(w)) {
                return false;
            }
            k++;
            seen++;
        }
        return false;
    }

    private Mention definiteAntecedent(int k, int spanEnd) {
        TextTokens.Token det = tokens.get(k);
        if (!DETERMINERS.contains(det.norm())) {
            return null;
        }
        int h = k + 1;
        boolean militant = false;
        int mods = 0;
        while (h < tokens.size() && mods <= 2 && tokens.get(h).softGapBefore()) {
            String w = tokens.get(h).norm();
            if (MILITANT_MODIFIERS.contains(w)) {
                militant = true;
            } else if (!OTHER_MODIFIERS.contains(w)) {
                break;
            }
            h++;
            mods++;
        }
        if (h >= tokens.size() || tokens.get(h).start() >= spanEnd) {
            return null;
        }
        TextTokens.Token head = tokens.get(h);
        if (!head.softGapBefore() && h > k + 1) {
            return null;
        }
        String hw = head.norm();
        String kind;
        if (GROUP_HEADS.contains(hw)) {
            kind = EntityCatalog.GROUP;
        } else if (ORGANISATION_HEADS.contains(hw)) {
            kind = militant ? EntityCatalog.GROUP : EntityCatalog.ORGANISATION;
        } else if (ANY_HEADS.contains(hw)) {
            kind = militant ? EntityCatalog.GROUP : null;
        } else {
            return null;
        }
        // the head is itself part of a name ("the Taliban movement") or followed by one (apposition)
        if (insideMention(head.start())) {
            return null;
        }
        if (h + 1 < tokens.size()) {
            TextTokens.Token next = tokens.get(h + 1);
            String between = text.substring(head.end(), next.start());
            if (between.isBlank() || between.trim().equals(",")) {
                if (mentionStartingAt(next.start()) != null
                        || (next.norm().equals("the") && h + 2 < tokens.size()
                        && mentionStartingAt(tokens.get(h + 2).start()) != null)) {
                    return null;
                }
            }
            if (between.isBlank() && Set.of("of", "who", "that", "which", "whose").contains(next.norm())) {
                return null;
            }
        }
        if (PEOPLE_HEADS.contains(hw)) {
            return byEarlierNoun(h, hw);
        }
        Mention m = lastMentionBefore(det.start(), kind);
        if (m == null) {
            return null;
        }
        return blockedBetween(m.end(), det.start(), hw) ? null : m;
    }

    private static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "has", "have", "had", "will",
            "would", "could", "can", "may", "might", "should", "must", "does", "do", "did");
    private static final Set<String> CLAUSE_OPENERS = Set.of("that", "said", "says", "say", "told", "warned",
            "claimed", "added", "noted", "stated", "whether", "because", "as", "while", "and", "but");

    /** Group mentions between the last clause opener ("that", "said", a comma) and {@code contentStart}. */
    private List<Mention> subjectJustBefore(int contentStart) {
        int k = tokens.firstAtOrAfter(contentStart) - 1;
        int from = contentStart;
        for (int seen = 0; k >= 0 && seen < 8; k--, seen++) {
            TextTokens.Token t = tokens.get(k);
            String gap = text.substring(t.end(), from);
            if (gap.contains(",") || gap.contains(".") || gap.contains(";") || gap.contains("\n")
                    || CLAUSE_OPENERS.contains(t.norm())) {
                break;
            }
            from = t.start();
        }
        List<Mention> out = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.start() >= from && m.end() <= contentStart && EntityCatalog.GROUP.equals(m.kind())) {
                out.add(m);
            }
        }
        return out;
    }

    /** Heads that name the people of a group: "the militants" refers back to earlier militants. */
    private static final Set<String> PEOPLE_HEADS = Set.of("militants", "fighters", "insurgents", "jihadists");
    private static final Set<String> TIES = Set.of("of", "from", "linked", "loyal", "belonging", "affiliated", "to",
            "with", "the", "allied", "tied", "connected", "associated");

    /**
     * "the militants": the group tied to the latest earlier mention of the same noun ("Vilayat Khorasan militants",
     * "militants from the Islamic State"); none when those earlier militants were nobody's ("dozens of militants
     * killed"); the latest group mention when the noun was not used before.
     */
    private Mention byEarlierNoun(int headToken, String head) {
        int at = tokens.get(headToken).start();
        for (int k = headToken - 1; k >= 0; k--) {
            TextTokens.Token t = tokens.get(k);
            if (at - t.end() > 1200 || paragraphBreaks(t.end(), at) > 1) {
                break;
            }
            if (!t.norm().equals(head)) {
                continue;
            }
            // "TTP militants": a mention just before
            if (k > 0) {
                Mention before = mentionEndingAt(tokens.get(k - 1).end());
                if (before != null && EntityCatalog.GROUP.equals(before.kind())) {
                    return before;
                }
            }
            // "militants from the Islamic State", "militants linked to ISKP"
            for (int j = k + 1; j < tokens.size() && j <= k + 4; j++) {
                Mention after = mentionStartingAt(tokens.get(j).start());
                if (after != null) {
                    return EntityCatalog.GROUP.equals(after.kind()) ? after : null;
                }
                if (!TIES.contains(tokens.get(j).norm())) {
                    break;
                }
            }
            // an earlier "the militants" already resolved carries its referent; other uses are nobody's
            if (k > 0 && DETERMINERS.contains(tokens.get(k - 1).norm())) {
                return byEarlierNoun(k, head);
            }
            return null;
        }
        Mention m = lastMentionBefore(at, EntityCatalog.GROUP);
        return m;
    }

    private Mention mentionEndingAt(int offset) {
        for (Mention m : mentions) {
            if (m.end() == offset) {
                return m;
            }
            if (m.start() > offset) {
                return null;
            }
        }
        return null;
    }

    /** Another, non-definite use of the same noun between antecedent and reference starts a new referent. */
    private boolean blockedBetween(int from, int to, String head) {
        String singular = head.endsWith("s") ? head.substring(0, head.length() - 1) : head;
        String plural = head.endsWith("s") ? head : head + "s";
        for (int k = tokens.firstAtOrAfter(from); k < tokens.size() && tokens.get(k).start() < to; k++) {
            String w = tokens.get(k).norm();
            if (!w.equals(singular) && !w.equals(plural)) {
                continue;
            }
            if (k > 0) {
                TextTokens.Token prev = tokens.get(k - 1);
                String pw = prev.norm();
                if (DETERMINERS.contains(pw) || pw.equals("its") || pw.equals("their") || pw.equals("these")
                        || insideMention(prev.start())) {
                    continue;
                }
                if (k > 1 && (MILITANT_MODIFIERS.contains(pw) || OTHER_MODIFIERS.contains(pw))
                        && DETERMINERS.contains(tokens.get(k - 2).norm())) {
                    continue;
                }
            }
            if (insideMention(tokens.get(k).start())) {
                continue;
            }
            return true;
        }
        return false;
    }

    /**
     * "groups such as A, B (B2) and C, which regional stakeholders say pose a threat": when the content starts
     * without a subject of its own right after "which/who/that ... say", the subject is the coordinated mentions
     * before the relative pronoun.
     */
    private List<Mention> relativeAntecedents(int contentStart, TextTokens.Token first) {
        String fw = first.norm();
        if (!Character.isLowerCase(first.raw().charAt(0)) || Set.of("the", "a", "an", "this", "these", "those", "it",
                "they", "there", "he", "she", "we", "i", "you", "its", "their", "such", "some", "many", "most", "all",
                "no", "that", "if", "in", "as", "while", "when", "although").contains(fw)) {
            return List.of();
        }
        int from = Math.max(0, contentStart - 120);
        String before = text.substring(from, contentStart);
        Matcher m = RELATIVE_PRONOUN.matcher(before);
        if (!m.find()) {
            return List.of();
        }
        String clause = m.group(1).trim();
        boolean reported = false;
        for (String w : clause.toLowerCase().split("\\s+")) {
            if (REPORTING.contains(w) || w.equals("believe") || w.equals("fear") || w.equals("think")) {
                reported = true;
            }
        }
        if (!reported) {
            return List.of();
        }
        int relStart = from + m.start();
        List<Mention> out = new ArrayList<>();
        int cursor = relStart;
        for (int i = mentions.size() - 1; i >= 0; i--) {
            Mention mm = mentions.get(i);
            if (mm.end() > cursor) {
                continue;
            }
            String gap = text.substring(mm.end(), cursor);
            if (!gap.matches("[\\s,()]*(?:(?:and|or)[\\s,()]*)?")) {
                break;
            }
            out.add(0, mm);
            cursor = mm.start();
        }
        return out;
    }

    private boolean insideMention(int offset) {
        for (Mention m : mentions) {
            if (m.start() > offset) {
                return false;
            }
            if (offset < m.end()) {
                return true;
            }
        }
        return false;
    }

    private Mention mentionStartingAt(int offset) {
        for (Mention m : mentions) {
            if (m.start() == offset) {
                return m;
            }
            if (m.start() > offset) {
                return null;
            }
        }
        return null;
    }

    private int paragraphBreaks(int from, int to) {
        int n = 0;
        for (int i = Math.max(0, from); i < Math.min(to, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                n++;
                while (i + 1 < to && Character.isWhitespace(text.charAt(i + 1))) {
                    i++;
                }
            }
        }
        return n;
    }

    // ---------------------------------------------------------------------------------------------------------
    // matching

    /** A raw match; {@code candidates} holds every entity the alias may name (ambiguous aliases have several). */
    private record Raw(String id, int start, int end, int firstToken, int lastToken, List<String> candidates) {
    }

    private static List<Raw> scan(TextTokens toks, PhraseTrie<String> curated, PhraseTrie<String> learned) {
        List<Raw> out = new ArrayList<>();
        int i = 0;
        while (i < toks.size()) {
            PhraseTrie.Match<String> a = curated.longestAt(toks, i, toks.size());
            PhraseTrie.Match<String> b = learned == null ? null : learned.longestAt(toks, i, toks.size());
            PhraseTrie.Match<String> m = a == null ? b : (b == null || a.lastToken() >= b.lastToken() ? a : b);
            if (m != null && !shouting(toks, m)) {
                out.add(new Raw(m.payloads().get(0), toks.get(m.firstToken()).start(), toks.get(m.lastToken()).end(),
                        m.firstToken(), m.lastToken(), List.copyOf(new java.util.LinkedHashSet<>(m.payloads()))));
                i = m.lastToken() + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    /**
     * An acronym of two letters or fewer inside an all-capitals line ("WHO IS BEHIND THE ATTACK") is a word, not a
     * name: both neighbours are capitalised words too.
     */
    private static boolean shouting(TextTokens toks, PhraseTrie.Match<String> m) {
        if (m.firstToken() != m.lastToken() || toks.get(m.firstToken()).raw().length() > 2) {
            return false;
        }
        int i = m.firstToken();
        boolean prevUpper = i > 0 && toks.get(i - 1).isUpper() && toks.get(i - 1).raw().length() > 1;
        boolean nextUpper = i + 1 < toks.size() && toks.get(i + 1).isUpper() && toks.get(i + 1).raw().length() > 1;
        return prevUpper && nextUpper;
    }

    // ---------------------------------------------------------------------------------------------------------
    // aliases the text states

    private static final class Learned {
        PhraseTrie<String> trie;
        final Map<String, String> newKinds = new HashMap<>();
        final Map<String, String> aliasToId = new LinkedHashMap<>();

        void add(String alias, String id, EntityCatalog cat) {
            String a = cleanAlias(alias);
            if (a == null) {
                return;
            }
            Optional<String> known = cat.idOf(a);
            if (known.isPresent()) {
                return; // curated already: either the same entity, or another one, which wins
            }
            aliasToId.putIfAbsent(TextTokens.normalise(a), id);
            if (trie == null) {
                trie = new PhraseTrie<>();
            }
            trie.add(a, id, false);
        }
    }

    private static Learned learn(String text, TextTokens toks, List<Raw> mentions, EntityCatalog cat) {
        Learned l = new Learned();
        for (Raw r : mentions) {
            String after = text.substring(r.end, Math.min(text.length(), r.end + 260));
            Matcher m = PAREN_AKA.matcher(after);
            if (m.find()) {
                for (String a : ALIAS_SPLIT.split(m.group(1))) {
                    l.add(a, r.id, cat);
                }
                continue;
            }
            m = PAREN_ACRONYM.matcher(after);
            if (m.find()) {
                // "Jamaat Ansarullah (JA)"; not a credit or a code after the name ("the Taliban (AFP)")
                if (initialsMatch(text.substring(r.start, r.end), m.group(1))) {
                    l.add(m.group(1), r.id, cat);
                }
                continue;
            }
            m = COMMA_AKA.matcher(after);
            if (m.find()) {
                for (String a : ALIAS_SPLIT.split(m.group(1))) {
                    if (startsName(a)) {
                        l.add(a, r.id, cat);
                    }
                }
            }
            // "A, also known as <mention>": A is an alias of the mention's entity
            int from = Math.max(0, r.start - 60);
            Matcher mb = BEFORE_AKA.matcher(text.substring(from, r.start));
            if (mb.find()) {
                int[] name = nameSpanBefore(text, toks, from + mb.start());
                if (name != null && !covered(mentions, name[0])) {
                    l.add(text.substring(name[0], name[1]), r.id, cat);
                }
            }
        }
        learnUnknownGroups(text, toks, mentions, cat, l);
        return l;
    }

    /** Unknown groups that name themselves: "the Islamic Jihad Front (IJF)", "Jundallah (also known as …)". */
    private static void learnUnknownGroups(String text, TextTokens toks, List<Raw> mentions, EntityCatalog cat,
                                           Learned l) {
        Matcher p = SELF_NAMING.matcher(text);
        while (p.find()) {
            int[] span = nameSpanBefore(text, toks, p.start());
            if (span == null || covered(mentions, span[1] - 1)) {
                continue;
            }
            String id = cleanAlias(text.substring(span[0], span[1]));
            if (id == null || cat.idOf(id).isPresent() || l.aliasToId.containsKey(TextTokens.normalise(id))
                    || !looksLikeGroup(id, toks, span[0])) {
                continue;
            }
            String acronym = p.group(2);
            if (acronym != null && !initialsMatch(id, acronym)) {
                continue;
            }
            l.newKinds.put(id, EntityCatalog.GROUP);
            l.add(id, id, cat);
            if (acronym != null) {
                l.add(acronym, id, cat);
            } else {
                for (String a : ALIAS_SPLIT.split(p.group(1))) {
                    l.add(a, id, cat);
                }
            }
        }
        Matcher so = SO_CALLED.matcher(text);
        while (so.find()) {
            String name = cleanAlias(so.group(1));
            if (name == null || cat.idOf(name).isPresent() || l.aliasToId.containsKey(TextTokens.normalise(name))) {
                continue;
            }
            if (looksLikeGroup(name, toks, so.start())) {
                l.newKinds.put(name, EntityCatalog.GROUP);
                l.add(name, name, cat);
            }
        }
    }

    private static boolean covered(List<Raw> mentions, int offset) {
        int o = offset;
        for (Raw r : mentions) {
            if (r.start <= o && o < r.end) {
                return true;
            }
        }
        return false;
    }

    /** The capitalised name (joined by of/al/ul/e …) that ends just before {@code offset}, as [start, end), or null. */
    private static int[] nameSpanBefore(String text, TextTokens toks, int offset) {
        int end = offset;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int k = toks.firstAtOrAfter(end) - 1;
        if (k < 0 || toks.get(k).end() != end || !toks.get(k).isCapitalised()) {
            return null;
        }
        int first = k;
        for (int j = k; j >= 0 && k - j <= 8; j--) {
            TextTokens.Token t = toks.get(j);
            if (t.isCapitalised()) {
                first = j;
            } else if (!NAME_JOINERS.contains(t.norm())) {
                break;
            }
            if (!t.softGapBefore()) {
                break;
            }
        }
        return new int[] {toks.get(first).start(), end};
    }

    private static boolean looksLikeGroup(String name, TextTokens toks, int nameStart) {
        for (String w : TextTokens.normTokens(name)) {
            if (GROUP_NAME_WORDS.contains(w)) {
                return true;
            }
        }
        // "the militant group X", "a terrorist organisation called X"
        int k = toks.firstAtOrAfter(nameStart) - 1;
        for (int seen = 0; k >= 0 && seen < 4; k--, seen++) {
            String w = toks.get(k).norm();
            if (GROUP_CONTEXT_HEADS.contains(w) && k > 0 && MILITANT_MODIFIERS.contains(toks.get(k - 1).norm())) {
                return true;
            }
        }
        return false;
    }

    private static boolean initialsMatch(String name, String acronym) {
        StringBuilder initials = new StringBuilder();
        for (TextTokens.Token t : TextTokens.of(name).list()) {
            if (t.isCapitalised()) {
                initials.append(Character.toUpperCase(t.raw().charAt(0)));
            }
        }
        String a = acronym.replace("-", "").toUpperCase();
        String ini = initials.toString();
        // every acronym letter in order among the initials, and the first letters agree
        if (a.isEmpty() || ini.isEmpty() || a.charAt(0) != ini.charAt(0)) {
            return false;
        }
        int p = 0;
        for (int i = 0; i < ini.length() && p < a.length(); i++) {
            if (ini.charAt(i) == a.charAt(p)) {
                p++;
            }
        }
        return p == a.length();
    }

    private static boolean startsName(String s) {
        String c = cleanAlias(s);
        return c != null && Character.isUpperCase(c.charAt(0));
    }

    /** Strips quotes, a leading "the" and trailing punctuation; null when nothing name-like is left. */
    static String cleanAlias(String s) {
        if (s == null) {
            return null;
        }
        String a = QUOTES.matcher(s).replaceAll(" ").trim();
        a = EntityCatalog.stripThe(a).replaceAll("[\\s,.;:]+$", "").replaceAll("\\s+", " ").trim();
        if (a.length() < 2 || a.length() > 80 || !Character.isLetter(a.charAt(0))) {
            return null;
        }
        if (!Character.isUpperCase(a.charAt(0))) {
            return null;
        }
        return a;
    }

    // ---------------------------------------------------------------------------------------------------------
    // branches: IS → ISKP

    /** Decides, for mentions of an entity that has a regional branch, whether the branch is meant. */
    private static final class Branches {
        private final EntityCatalog cat;
        private final List<int[]> sentences;
        private final List<int[]> paragraphs;
        /** Per parent id: its branches. */
        private final Map<String, List<EntityCatalog.Entity>> branchesOf = new HashMap<>();
        /** Places found in the text, with their country. */
        private final List<int[]> placeSpans = new ArrayList<>();
        private final List<String> placeCountries = new ArrayList<>();
        private final List<Raw> raws;
        private final String text;

        Branches(String text, TextTokens toks, EntityCatalog cat, List<Raw> raws) {
            this.text = text;
            this.cat = cat;
            this.raws = raws;
            for (EntityCatalog.Entity e : cat.entities().values()) {
                if (e.branchOf() != null) {
                    branchesOf.computeIfAbsent(e.branchOf(), k -> new ArrayList<>()).add(e);
                }
            }
            this.sentences = Sentences.split(text);
            this.paragraphs = Sentences.paragraphs(text);
            boolean needed = false;
            for (Raw r : raws) {
                needed |= branchesOf.containsKey(r.id) || r.candidates().size() > 1;
            }
            if (!needed) {
                return;
            }
            Gazetteer g = cat.gazetteer();
            for (PhraseTrie.Match<Gazetteer.Place> m : g.names().scan(toks, 0, toks.size())) {
                addPlace(toks, m);
            }
            for (PhraseTrie.Match<Gazetteer.Place> m : g.adjectives().scan(toks, 0, toks.size())) {
                addPlace(toks, m);
            }
        }

        private void addPlace(TextTokens toks, PhraseTrie.Match<Gazetteer.Place> m) {
            Gazetteer.Place p = m.payloads().get(0);
            if (p.country() != null) {
                placeSpans.add(new int[] {toks.get(m.firstToken()).start(), toks.get(m.lastToken()).end()});
                placeCountries.add(p.country());
            }
        }

        String resolve(Raw raw) {
            Raw r = raw.candidates().size() > 1 ? disambiguate(raw) : raw;
            List<EntityCatalog.Entity> branches = branchesOf.get(r.id);
            if (branches == null) {
                return r.id;
            }
            EntityCatalog.Entity parent = cat.entities().get(r.id);
            int[] sentence = Sentences.around(sentences, r.start);
            // "Islamic State's Khorasan Province": the parent names the branch it owns
            for (Raw o : raws) {
                if (o.start >= r.end && o.start - r.end <= 16 && POSSESSIVE_GAP.matcher(
                        text.substring(r.end, o.start)).matches()) {
                    for (EntityCatalog.Entity b : branches) {
                        if (b.id().equals(o.id)) {
                            return b.id();
                        }
                    }
                }
            }
            if (sentence != null) {
                // a sentence naming both the parent and its branch contrasts them: "IS in Syria, ISKP in Afghanistan"
                for (Raw o : raws) {
                    if (o.start >= sentence[0] && o.end <= sentence[1]) {
                        for (EntityCatalog.Entity b : branches) {
                            if (b.id().equals(o.id)) {
                                return parent.id();
                            }
                        }
                    }
                }
            }
            for (List<int[]> scope : List.of(sentences, paragraphs)) {
                int[] s = Sentences.around(scope, r.start);
                if (s != null) {
                    String d = decide(parent, branches, s[0], s[1]);
                    if (d != null) {
                        return d;
                    }
                }
            }
            String d = decide(parent, branches, 0, Integer.MAX_VALUE);
            return d != null ? d : r.id;
        }

        /**
         * An alias shared by several entities ("Ansarullah": the Tajik group or Yemen's Houthis) names the one whose
         * home the nearest decisive context — sentence, paragraph, article — places it in; the first listed when
         * nothing decides.
         */
        private Raw disambiguate(Raw r) {
            for (List<int[]> scope : List.of(sentences, paragraphs)) {
                int[] s = Sentences.around(scope, r.start);
                if (s != null) {
                    String d = bestHome(r.candidates(), s[0], s[1]);
                    if (d != null) {
                        return withId(r, d);
                    }
                }
            }
            String d = bestHome(r.candidates(), 0, Integer.MAX_VALUE);
            return withId(r, d != null ? d : r.candidates().get(0));
        }

        private static Raw withId(Raw r, String id) {
            return new Raw(id, r.start, r.end, r.firstToken, r.lastToken, r.candidates);
        }

        private String bestHome(List<String> candidates, int from, int to) {
            String best = null;
            int bestScore = 0;
            boolean tie = false;
            for (String id : candidates) {
                EntityCatalog.Entity e = cat.entities().get(id);
                int score = 0;
                for (int i = 0; i < placeSpans.size(); i++) {
                    int[] sp = placeSpans.get(i);
                    if (sp[0] >= from && sp[1] <= to && e != null && e.home().contains(placeCountries.get(i))) {
                        score++;
                    }
                }
                if (score > bestScore) {
                    best = id;
                    bestScore = score;
                    tie = false;
                } else if (score == bestScore && score > 0) {
                    tie = true;
                }
            }
            return tie ? null : best;
        }

        /** The branch whose home dominates [from, to), the parent when its home does, null when undecided. */
        private String decide(EntityCatalog.Entity parent, List<EntityCatalog.Entity> branches, int from, int to) {
            Map<String, Integer> score = new HashMap<>();
            int parentScore = 0;
            for (int i = 0; i < placeSpans.size(); i++) {
                int[] sp = placeSpans.get(i);
                if (sp[0] < from || sp[1] > to) {
                    continue;
                }
                String c = placeCountries.get(i);
                if (parent.home().contains(c)) {
                    parentScore++;
                }
                for (EntityCatalog.Entity b : branches) {
                    if (b.home().contains(c)) {
                        score.merge(b.id(), 1, Integer::sum);
                    }
                }
            }
            for (Raw o : raws) {
                if (o.start >= from && o.end <= to) {
                    for (EntityCatalog.Entity b : branches) {
                        if (b.id().equals(o.id)) {
                            score.merge(b.id(), 2, Integer::sum);
                        }
                    }
                }
            }
            String best = null;
            int bestScore = 0;
            for (Map.Entry<String, Integer> e : score.entrySet()) {
                if (e.getValue() > bestScore) {
                    best = e.getKey();
                    bestScore = e.getValue();
                }
            }
            if (best != null && bestScore > parentScore) {
                return best;
            }
            if (parentScore > bestScore) {
                return parent.id();
            }
            return null;
        }
    }
}
