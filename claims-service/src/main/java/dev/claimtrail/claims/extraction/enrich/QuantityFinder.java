package dev.claimtrail.claims.extraction.enrich;

import dev.claimtrail.events.Claim;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures stated in a span: "up to 6,500 members", "more than 40 bases and training camps", "about 150,000 troops",
 * "60%", "between 4,000 and 5,000 fighters", "1.2 million people", "two thousand militants", "$3 billion".
 * Stateless and thread-safe.
 *
 * <p>Decisions, so that every figure reads the same whichever outlet wrote it:
 * <ul>
 * <li>qualifier: "up to" (up to, as many as, as much as, no more than, not more than, at most, a maximum of),
 * "more than" (more than, over, upwards of, in excess of, above, greater than, exceeding, "N-plus", "N or more"),
 * "at least" (at least, no fewer/less than, a minimum of), "less than" (less/fewer than, under, below),
 * "about" (about, around, some, approximately, roughly, nearly, almost, close to, an estimated, circa, "N or so",
 * "a dozen"); null for an exact figure.</li>
 * <li>not figures: vague amounts ("dozens", "hundreds", "several thousand"), ordinals ("16th"), years ("2022",
 * "in 1992"), days of dates ("February 14"), clock times, identifiers ("Su-25", "Resolution 2254") and durations or
 * ages ("the past two years", "six months", "25-year-old") — a duration dates or bounds an event, it is not a
 * count. "one" counts only with a multiplier ("one million").</li>
 * <li>unit: the counted noun after the figure, past up to two modifiers ("six post-Soviet states" → states,
 * coordinated "bases and training camps" kept whole); "%"/"per cent" → percent; currencies → USD, EUR …; a figure
 * without a noun takes the unit of the figure it continues ("up to 6,500 members, with 4,000 located …", "Of
 * these, 4,000 …") or of "the number of X militants" before it.</li>
 * <li>of: the entity whose people are counted ("members of ISKP"; "ISKP has 6,500 fighters"; "it had reached
 * 6,500" with "it" resolved by {@link ArticleEntities}); null when the figure is not about an entity.</li>
 * </ul>
 */
public final class QuantityFinder {

    private static final Map<String, Long> SMALL = Map.ofEntries(
            Map.entry("one", 1L), Map.entry("two", 2L), Map.entry("three", 3L), Map.entry("four", 4L),
            Map.entry("five", 5L), Map.entry("six", 6L), Map.entry("seven", 7L), Map.entry("eight", 8L),
            Map.entry("nine", 9L), Map.entry("ten", 10L), Map.entry("eleven", 11L), Map.entry("twelve", 12L),
            Map.entry("thirteen", 13L), Map.entry("fourteen", 14L), Map.entry("fifteen", 15L),
            Map.entry("sixteen", 16L), Map.entry("seventeen", 17L), Map.entry("eighteen", 18L),
            Map.entry("nineteen", 19L), Map.entry("twenty", 20L), Map.entry("thirty", 30L), Map.entry("forty", 40L),
            Map.entry("fifty", 50L), Map.entry("sixty", 60L), Map.entry("seventy", 70L), Map.entry("eighty", 80L),
            Map.entry("ninety", 90L));
    private static final Map<String, Long> MULTIPLIERS = Map.of("hundred", 100L, "thousand", 1_000L,
            "million", 1_000_000L, "billion", 1_000_000_000L, "trillion", 1_000_000_000_000L, "mln", 1_000_000L,
            "bn", 1_000_000_000L, "dozen", 12L, "crore", 10_000_000L, "lakh", 100_000L);

    /** Qualifier phrases before a figure, longest first within each list; values are the normalised qualifier. */
    private static final String[][] QUALIFIERS = {
            {"no more than", "up to"}, {"not more than", "up to"}, {"as many as", "up to"}, {"as much as", "up to"},
            {"a maximum of", "up to"}, {"up to", "up to"}, {"at most", "up to"}, {"maximum of", "up to"},
            {"more than", "more than"}, {"upwards of", "more than"}, {"in excess of", "more than"},
            {"greater than", "more than"}, {"well over", "more than"}, {"just over", "more than"},
            {"over", "more than"}, {"above", "more than"}, {"exceeding", "more than"}, {"excess of", "more than"},
            {"no fewer than", "at least"}, {"no less than", "at least"}, {"not less than", "at least"},
            {"a minimum of", "at least"}, {"at least", "at least"},
            {"less than", "less than"}, {"fewer than", "less than"}, {"just under", "less than"},
            {"under", "less than"}, {"below", "less than"},
            {"an estimated", "about"}, {"approximately", "about"}, {"close to", "about"}, {"roughly", "about"},
            {"around", "about"}, {"about", "about"}, {"nearly", "about"}, {"almost", "about"}, {"some", "about"},
            {"circa", "about"}, {"approx", "about"}, {"estimated", "about"}, {"~", "about"}};

    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");
    private static final Set<String> YEAR_PREPOSITIONS = Set.of("in", "since", "by", "until", "till", "early",
            "late", "mid", "year", "during", "before", "after", "summer", "winter", "spring", "autumn", "fall",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec");
    private static final Set<String> TIME_UNITS = Set.of("year", "years", "month", "months", "week", "weeks", "day",
            "days", "hour", "hours", "minute", "minutes", "second", "seconds", "decade", "decades", "century",
            "centuries", "yr", "yrs", "year-old", "years-old", "night", "nights", "times");
    private static final Set<String> LABELS = Set.of("article", "resolution", "chapter", "section", "no", "number",
            "flight", "page", "route", "room", "highway", "platform", "level", "phase", "grade", "class", "category",
            "act", "law", "decree", "paragraph", "point", "item", "version", "vol", "volume", "issue", "episode",
            "season", "unit", "division", "brigade", "regiment", "battalion", "corps", "order", "protocol", "g",
            "covid", "su", "mig", "f", "t", "s", "tu", "mi", "ka", "an", "il", "pp", "p", "tel", "fax", "box");
    /** Nouns that are counted; a figure followed by one of these has found its unit. */
    private static final Set<String> UNITS = Set.of("members", "member", "fighters", "fighter", "militants",
            "militant", "terrorists", "terrorist", "troops", "troop", "soldiers", "soldier", "people", "persons",
            "person", "civilians", "civilian", "refugees", "refugee", "migrants", "migrant", "personnel", "officers",
            "officer", "policemen", "police", "insurgents", "insurgent", "jihadists", "jihadist", "extremists",
            "recruits", "supporters", "followers", "men", "women", "children", "combatants", "guards", "servicemen",
            "volunteers", "cadres", "operatives", "mercenaries", "residents", "citizens", "nationals", "detainees",
            "prisoners", "hostages", "casualties", "deaths", "dead", "victims", "killed", "wounded", "injured",
            "attacks", "attack", "incidents", "bases", "base", "camps", "camp", "training", "countries", "country",
            "states", "state", "provinces", "province", "districts", "district", "villages", "cities", "towns",
            "groups", "organisations", "organizations", "factions", "units", "cells", "weapons", "rifles", "tanks",
            "vehicles", "aircraft", "drones", "missiles", "rockets", "tonnes", "tons", "tonne", "ton", "kg",
            "kilograms", "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres",
            "meters", "metre", "meter", "m", "hectares", "dollars", "euros", "rubles", "roubles", "pounds", "rupees",
            "afghanis", "somoni", "yuan", "percent", "households", "families", "students", "madrassas", "schools",
            "checkpoints", "posts", "outposts", "sq", "square", "barrels", "litres", "liters", "doses", "arrests",
            "raids", "operations", "strikes", "airstrikes", "battalions", "brigades", "divisions", "companies",
            "jobs", "workers", "delegates", "participants", "applicants", "seats", "votes", "crossings", "kilos");
    private static final Set<String> PEOPLE = Set.of("members", "member", "fighters", "fighter", "militants",
            "militant", "terrorists", "troops", "soldiers", "men", "recruits", "supporters", "followers", "insurgents",
            "jihadists", "combatants", "personnel", "cadres", "operatives", "mercenaries", "volunteers", "servicemen",
            "strong", "army");
    /** Words after a figure that end the search for its unit. */
    private static final Set<String> STOP = Set.of("of", "in", "on", "at", "to", "from", "by", "with", "and", "or",
            "were", "was", "are", "is", "be", "been", "have", "has", "had", "will", "would", "could", "can", "may",
            "might", "should", "must", "do", "did", "does", "located", "positioned", "stationed", "based", "who",
            "which", "that", "the", "a", "an", "per", "for", "as", "than", "more", "less", "its", "their", "his",
            "her", "this", "these", "those", "it", "they", "he", "she", "we", "not", "also", "out", "into", "since",
            "after", "before", "during", "while", "when", "where", "if", "but", "so", "such", "said", "says", "say");
    private static final Map<String, String> CURRENCY_SYMBOLS = Map.of("$", "USD", "US$", "USD", "€", "EUR",
            "£", "GBP", "₽", "RUB", "₹", "INR", "¥", "CNY", "Rs", "INR", "Rs.", "INR");
    private static final Map<String, String> CURRENCY_WORDS = Map.of("dollars", "USD", "euros", "EUR",
            "rubles", "RUB", "roubles", "RUB", "pounds", "GBP", "rupees", "INR", "afghanis", "AFN", "somoni", "TJS",
            "yuan", "CNY");

    private static final Pattern MULTIPLIER_AFTER = Pattern.compile("\\A\\s*(thousand|million|billion|trillion|mln|bn|crore|lakh|m|k)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE_SEPARATOR = Pattern.compile("\\A\\s*(?:-|–|—|to|and)\\s*(?:\\$|€|£)?");
    private static final Pattern RANGE_OPENER = Pattern.compile("(?i)\\b(between|from)\\s*(?:\\$|€|£)?\\s*\\z");
    private static final Pattern PERCENT = Pattern.compile("\\A\\s*(%|per\\s*cent\\b|percent\\b|pc\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern GLUED = Pattern.compile("\\A-([A-Za-z]+)(?:-[A-Za-z]+)*");
    private static final Pattern TRAILING_QUALIFIER = Pattern.compile("\\A\\s*or\\s+(more|so|fewer|less)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern OWNER_OF = Pattern.compile("\\A\\s+(?:of|from|in)\\s+(?:the\\s+)?");
    private static final Pattern NEXT_WORD = Pattern.compile("\\A[\\s(\"“‘']*([A-Za-z][A-Za-z’'-]*)");
    private static final Pattern RANGE_MULTIPLIER = Pattern.compile("\\A[\\d.,]+\\s*(thousand|million|billion)", Pattern.CASE_INSENSITIVE);
    private static final List<Pattern> QUALIFIER_PATTERNS = java.util.Arrays.stream(QUALIFIERS)
            .map(q -> Pattern.compile("(?:^|[^a-z])" + Pattern.quote(q[0]) + "\\s*\\z")).toList();
    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+(?:-[A-Za-z]+)*");
    private static final Pattern NUMBER_OF = Pattern.compile(
            "\\b[Nn]umbers?\\s+of\\s+((?:[\\w’'-]+[\\s,]*){1,5})");

    public QuantityFinder() {
    }

    /** A figure found, with where it was written. */
    private record Found(int start, int end, BigDecimal value, BigDecimal valueTo, String qualifier, String unit,
                         String of, int numberStart) {
    }

    /**
     * The figures written in [start, end) of {@code text}, in order. {@code entities} (may be null) lets a figure be
     * tied to the group it counts.
     */
    public List<Claim.Quantity> find(String text, int start, int end, ArticleEntities entities) {
        List<Claim.Quantity> out = new ArrayList<>();
        if (text == null || start >= end) {
            return out;
        }
        String plain = TextTokens.plainSpaces(text);
        int s = Math.max(0, start);
        int e = Math.min(plain.length(), end);
        // figures said before the span in the same or the previous sentence give units to bare figures in it
        List<Found> context = new ArrayList<>();
        int ctxStart = contextStart(plain, s);
        if (ctxStart < s) {
            context.addAll(scan(plain, ctxStart, s, entities, List.of()));
        }
        for (Found f : scan(plain, s, e, entities, context)) {
            String written = plain.substring(f.start(), f.end()).replaceAll("[\"“”]", "").replaceAll("\\s+", " ")
                    .trim();
            out.add(new Claim.Quantity(f.value(), f.valueTo(), f.qualifier(), f.unit(), f.of(), written));
        }
        return out;
    }

    private List<Found> scan(String text, int s, int e, ArticleEntities entities, List<Found> before) {
        List<Found> found = new ArrayList<>();
        int i = s;
        while (i < e) {
            char c = text.charAt(i);
            Num n = null;
            if (Character.isDigit(c) && (i == 0 || !isWordChar(text.charAt(i - 1)) || text.charAt(i - 1) == '$')) {
                n = digits(text, i, e);
            } else if (Character.isLetter(c) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                n = words(text, i, e);
            }
            if (n == null) {
                i++;
                continue;
            }
            Found f = complete(text, n, s, e, entities, before, found);
            if (f != null) {
                found.add(f);
            }
            i = Math.max(f != null ? f.end() : n.end(), i + 1);
        }
        return found;
    }

    /** A number as read: value, where it was written. */
    private record Num(int start, int end, BigDecimal value, boolean fromDigits, boolean plainInteger) {
    }

    private Num digits(String text, int i, int e) {
        Matcher m = DIGITS.matcher(text).region(i, e);
        if (!m.lookingAt()) {
            return null;
        }
        int end = m.end();
        if (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == ':')) {
            // "16th", "1990s", "10:30", "5km" is handled by the unit reader only when spaced
            if (!(text.startsWith("km", end) || text.startsWith("kg", end) || text.startsWith("bn", end)
                    || text.startsWith("mln", end) || text.startsWith("k ", end) || text.startsWith("m ", end))) {
                return null;
            }
        }
        if (i > 0 && text.charAt(i - 1) == ':') {
            return null;
        }
        String raw = m.group().replace(",", "");
        BigDecimal v = new BigDecimal(raw);
        boolean plain = !m.group().contains(",") && !m.group().contains(".");
        // multiplier: "6.5 thousand", "1.2 million", "3bn"
        Matcher w = MULTIPLIER_AFTER
                .matcher(text).region(end, Math.min(text.length(), end + 12));
        if (w.lookingAt()) {
            String mul = w.group(1).toLowerCase(Locale.ROOT);
            boolean currency = currencyBefore(text, i) != null;
            if (MULTIPLIERS.containsKey(mul) && !mul.equals("dozen")) {
                v = v.multiply(BigDecimal.valueOf(MULTIPLIERS.get(mul)));
                end = w.end();
                plain = false;
            } else if (mul.equals("k") || (mul.equals("m") && (currency || countedNounAfter(text, w.end())))) {
                // "5k members", "$3m", "3.5m dollars"; a bare "5m" stays metres
                v = v.multiply(BigDecimal.valueOf(mul.equals("m") ? 1_000_000L : 1_000L));
                end = w.end();
                plain = false;
            }
        }
        return new Num(i, end, v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros(), true,
                plain);
    }

    private static boolean countedNounAfter(String text, int from) {
        String w = nextWord(text, from);
        return UNITS.contains(w) && !Set.of("m", "metres", "meters", "km").contains(w);
    }

    /** Word numbers: "three", "twenty-five", "two thousand", "a thousand", "two hundred and fifty", "a dozen". */
    private Num words(String text, int i, int e) {
        long total = 0;
        long current = 0;
        boolean any = false;
        boolean multiplied = false;
        int pos = i;
        int end = i;
        boolean article = false;
        Matcher m = WORD.matcher(text);
        while (pos < e) {
            m.region(pos, e);
            if (!m.lookingAt()) {
                break;
            }
            String w = m.group().toLowerCase(Locale.ROOT);
            int next = m.end();
            if (!any && (w.equals("a") || w.equals("an"))) {
                article = true;
                pos = skipSpaces(text, next, e);
                continue;
            }
            Long small = compound(w);
            if (small != null && canAdd(current, small)) {
                current += small;
                any = true;
                end = next;
            } else if (MULTIPLIERS.containsKey(w) && (any || article) && !w.equals("mln") && !w.equals("bn")) {
                long mul = MULTIPLIERS.get(w);
                long base = any ? (current == 0 ? 1 : current) : 1;
                if (mul >= 1000) {
                    total += base * mul;
                    current = 0;
                } else {
                    current = base * mul;
                }
                any = true;
                multiplied = true;
                end = next;
            } else if (w.equals("and") && any && current >= 100) {
                // "two hundred and fifty"
            } else {
                break;
            }
            pos = skipSpaces(text, next, e);
        }
        if (!any) {
            return null;
        }
        long value = total + current;
        if (value == 1 && !multiplied) {
            return null; // "one of the most serious challenges"
        }
        if (article && !multiplied) {
            return null;
        }
        return new Num(i, end, BigDecimal.valueOf(value), false, false);
    }

    /** "twenty five", "two hundred (and) fifty": a small number word may follow only a round tens or hundreds. */
    private static boolean canAdd(long current, long small) {
        return current == 0 || (current % 100 == 0) || (current % 10 == 0 && current >= 20 && small < 10);
    }

    private static Long compound(String w) {
        Long v = SMALL.get(w);
        if (v != null) {
            return v;
        }
        int dash = w.indexOf('-');
        if (dash > 0) {
            Long tens = SMALL.get(w.substring(0, dash));
            Long ones = SMALL.get(w.substring(dash + 1));
            if (tens != null && ones != null && tens >= 20 && tens % 10 == 0 && ones < 10) {
                return tens + ones;
            }
        }
        return null;
    }

    private Found complete(String text, Num n, int spanStart, int spanEnd, ArticleEntities entities,
                           List<Found> before, List<Found> sameSpan) {
        int numStart = n.start();
        int end = n.end();
        BigDecimal value = n.value();
        BigDecimal valueTo = null;
        String qualifier = null;
        int phraseStart = numStart;

        // currency before the figure
        String currency = currencyBefore(text, numStart);
        if (currency != null) {
            phraseStart = numStart - currencySymbolLength(text, numStart);
        }
        // range: "4,000-5,000", "4,000 to 5,000"; "between 4,000 and 5,000", "from 4,000 to 5,000"
        Matcher r = RANGE_SEPARATOR.matcher(text)
                .region(end, Math.min(text.length(), spanEnd));
        if (r.lookingAt()) {
            String sep = r.group().trim();
            boolean between = RANGE_OPENER
                    .matcher(text.substring(Math.max(0, numStart - 12), phraseStart)).find();
            if (!sep.startsWith("and") || between) {
                Num to = Character.isDigit(charAt(text, r.end())) ? digits(text, r.end(), spanEnd)
                        : words(text, r.end(), spanEnd);
                if (to != null && (!sep.equals("-") || n.fromDigits())) {
                    BigDecimal from = value;
                    BigDecimal toValue = to.value();
                    // "4-5 thousand": the multiplier written once applies to both ends
                    if (n.plainInteger() && !to.plainInteger() && to.fromDigits()
                            && toValue.compareTo(from) > 0 && from.compareTo(BigDecimal.valueOf(1000)) < 0) {
                        BigDecimal factor = multiplierOf(text, to);
                        if (factor != null) {
                            from = from.multiply(factor);
                        }
                    }
                    if (toValue.compareTo(from) > 0) {
                        value = from;
                        valueTo = toValue;
                        end = to.end();
                        if (between) {
                            phraseStart = numStart - (text.substring(Math.max(0, numStart - 12), numStart).length()
                                    - lastIndexOfWord(text.substring(Math.max(0, numStart - 12), numStart)));
                        }
                    }
                }
            }
        }

        if (isDateOrIdentifier(text, n, valueTo)) {
            return null;
        }
        // "half a million"
        if (!n.fromDigits() && text.substring(numStart, n.end()).toLowerCase(Locale.ROOT).startsWith("a ")
                && text.substring(Math.max(0, numStart - 5), numStart).equalsIgnoreCase("half ")) {
            value = value.divide(BigDecimal.valueOf(2));
            phraseStart = numStart - 5;
        }

        // qualifier before
        String lower = text.substring(Math.max(0, phraseStart - 24), phraseStart).toLowerCase(Locale.ROOT);
        for (int qi = 0; qi < QUALIFIERS.length; qi++) {
            String[] q = QUALIFIERS[qi];
            Matcher qm = QUALIFIER_PATTERNS.get(qi).matcher(lower);
            if (qm.find()) {
                qualifier = q[1];
                int qStart = phraseStart - (lower.length() - qm.start()) + (Character.isLetter(
                        lower.charAt(qm.start())) || lower.charAt(qm.start()) == '~' ? 0 : 1);
                phraseStart = Math.max(spanStart, qStart);
                break;
            }
        }
        // percent
        String unit = null;
        Matcher pct = PERCENT
                .matcher(text).region(end, Math.min(text.length(), end + 12));
        if (pct.lookingAt()) {
            unit = "percent";
            end = pct.end();
        }
        if (currency != null) {
            unit = currency;
        }
        // "6,000-strong", "5,000-plus", "5,000+"
        if (charAt(text, end) == '+' || text.regionMatches(true, end, "-plus", 0, 5)) {
            qualifier = qualifier == null ? "more than" : qualifier;
            end += charAt(text, end) == '+' ? 1 : 5;
        }
        String of = null;
        int unitEnd = end;
        // "25-year-old", "a 6,000-strong force": a hyphenated word glued to the figure
        Matcher glued = GLUED.matcher(text)
                .region(end, Math.min(text.length(), end + 30));
        int unitFrom = end;
        if (unit == null && glued.lookingAt()) {
            String g = glued.group(1).toLowerCase(Locale.ROOT);
            if (TIME_UNITS.contains(g)) {
                return null; // an age or a duration
            }
            unitFrom = glued.end();
            unitEnd = unitFrom;
            if (UNITS.contains(g)) {
                unit = glued.group(1); // "a 2,640-km border"
            }
        }
        if (unit == null) {
            String[] u = readUnit(text, unitFrom, spanEnd);
            if (u != null) {
                if (TIME_UNITS.contains(u[0].toLowerCase(Locale.ROOT))) {
                    return null; // a duration or an age, not a count
                }
                unit = CURRENCY_WORDS.getOrDefault(u[0].toLowerCase(Locale.ROOT), u[0]);
                unitEnd = Integer.parseInt(u[1]);
            }
        }
        // a bare four-digit number in the range of years is a year unless a listed counted noun follows
        if (isYear(n, valueTo) && (unit == null || !UNITS.contains(lastWord(unit)))) {
            return null;
        }
        // trailing qualifiers: "5,000 or more", "100 or so"
        Matcher tail = TRAILING_QUALIFIER.matcher(text)
                .region(unitEnd, Math.min(text.length(), unitEnd + 12));
        if (qualifier == null && tail.lookingAt()) {
            String t = tail.group(1).toLowerCase(Locale.ROOT);
            qualifier = t.equals("more") ? "at least" : t.equals("so") ? "about" : "up to";
        }
        if (qualifier == null && text.substring(numStart, n.end()).toLowerCase(Locale.ROOT).matches("an?\\s+dozen")) {
            qualifier = "about";
        }
        // figures without a noun continue one said before: "up to 6,500 members, with 4,000 located ..."
        if (unit == null) {
            // the figure before in the same sentence, or in the sentence before when a partitive ("Of these,")
            // points back to it
            Found prior = !sameSpan.isEmpty() && sameSentence(text, sameSpan.get(sameSpan.size() - 1).end(), numStart)
                    ? sameSpan.get(sameSpan.size() - 1) : null;
            if (prior == null && !before.isEmpty()) {
                Found last = before.get(before.size() - 1);
                if (sameSentence(text, last.end(), numStart) || PARTITIVE.matcher(
                        text.substring(Math.max(0, numStart - 40), numStart)).find()) {
                    prior = last;
                }
            }
            String counted = numberOfBefore(text, numStart, spanStart);
            if (counted != null) {
                unit = counted;
            } else if (prior != null && prior.unit() != null && !"percent".equals(prior.unit())) {
                unit = prior.unit();
                of = prior.of();
            }
        }
        if (unit == null && (isBareSmall(n) || (qualifier == null && value.compareTo(BigDecimal.valueOf(100)) < 0))) {
            return null; // "the two", "page 5", "at 3 p.m.": a small number without a noun is no figure
        }
        if (of == null && entities != null && (unit == null || PEOPLE.contains(unit.toLowerCase(Locale.ROOT))
                || isPeopleUnit(unit))) {
            of = owner(text, numStart, unitEnd, spanStart, entities);
        }
        return new Found(phraseStart, Math.max(end, unitEnd), value, valueTo, qualifier, unit, of, numStart);
    }

    private static String lastWord(String unit) {
        String[] w = unit.toLowerCase(Locale.ROOT).split("\\s+");
        return w[w.length - 1];
    }

    private static boolean isPeopleUnit(String unit) {
        for (String w : unit.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (PEOPLE.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBareSmall(Num n) {
        return !n.fromDigits() && n.value().compareTo(BigDecimal.valueOf(100)) < 0;
    }

    private static final Pattern PARTITIVE = Pattern.compile(
            "(?i)\\b(?:of|among)\\s+(?:these|them|those|this number|which)\\s*,?\\s*(?:\\w+\\s+){0,2}\\z");

    private static boolean sameSentence(String text, int from, int to) {
        for (int k = Math.max(0, from); k < to && k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\n' || ((c == '.' || c == '!' || c == '?') && k + 1 < text.length()
                    && Character.isWhitespace(text.charAt(k + 1)))) {
                return false;
            }
        }
        return true;
    }

    /** The entity whose people a figure counts: "members of ISKP", or the group the clause is about. */
    private static String owner(String text, int numStart, int unitEnd, int spanStart, ArticleEntities entities) {
        // "8 TTP militants": a group named between the figure and its noun
        for (ArticleEntities.Mention m : entities.mentions()) {
            if (m.start() > numStart && m.end() <= unitEnd && EntityCatalog.GROUP.equals(m.kind())
                    && !AFFILIATE.matcher(text).region(m.end(), Math.min(text.length(), m.end() + 12)).lookingAt()) {
                return m.entityId();
            }
        }
        // "members of (the) ISKP"
        Matcher of = OWNER_OF.matcher(text)
                .region(unitEnd, Math.min(text.length(), unitEnd + 12));
        if (of.lookingAt()) {
            var m = entities.mentionAt(of.end(), of.end() + 1);
            if (m.isPresent() && m.get().start() == of.end() && EntityCatalog.GROUP.equals(m.get().kind())) {
                return m.get().entityId();
            }
            return null; // "militants of various terrorist organisations": counted across groups
        }
        // the group the clause before the figure is about: mentions, pronouns, "the group"
        int clauseStart = clauseStart(text, numStart, spanStart);
        List<Claim.Subject> subjects = entities.subjectsIn(clauseStart, numStart);
        String id = null;
        for (Claim.Subject s : subjects) {
            if (entities.kindOf(s.id()).map(EntityCatalog.GROUP::equals).orElse(true)) {
                id = s.id();
            }
        }
        if (id != null) {
            // "the Al-Qaeda-linked group had 400 fighters": the figure counts another group
            for (ArticleEntities.Mention m : entities.mentions()) {
                if (m.start() >= clauseStart && m.end() <= numStart && m.entityId().equals(id)
                        && AFFILIATE.matcher(text).region(m.end(), Math.min(text.length(), m.end() + 12)).lookingAt()) {
                    return null;
                }
            }
        }
        return id;
    }

    /** Start of the clause holding a figure: the span start or the sentence start, whichever is later. */
    private static int clauseStart(String text, int at, int spanStart) {
        int k = at - 1;
        while (k > spanStart && k > 0) {
            char c = text.charAt(k);
            if (c == '\n' || c == ';' || ((c == '.' || c == '!' || c == '?') && k + 1 < text.length()
                    && Character.isWhitespace(text.charAt(k + 1)))) {
                return k + 1;
            }
            k--;
        }
        return Math.min(at, Math.max(spanStart, 0));
    }

    /** "the number of Vilayat Khorasan militants, saying it had reached 6,500" → militants. */
    private static String numberOfBefore(String text, int numStart, int spanStart) {
        int from = Math.max(0, contextStartOfSentence(text, numStart));
        Matcher m = NUMBER_OF.matcher(text.substring(from, numStart));
        String unit = null;
        while (m.find()) {
            String[] words = m.group(1).trim().split("\\s+");
            for (int k = 0; k < words.length && k < 5; k++) {
                String w = words[k].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
                if (UNITS.contains(w)) {
                    unit = w;
                    break;
                }
            }
        }
        return unit;
    }

    /** The counted noun after a figure, past up to two modifiers; {noun, endOffset} or null. */
    private static String[] readUnit(String text, int from, int limit) {
        Matcher w = NEXT_WORD.matcher(text);
        int pos = from;
        List<int[]> words = new ArrayList<>();
        for (int k = 0; k < 5 && pos < text.length(); k++) {
            w.region(pos, Math.min(text.length(), pos + 60));
            if (!w.lookingAt()) {
                break;
            }
            String gap = text.substring(pos, w.start(1));
            if (k > 0 && !gap.isBlank()) {
                break; // a comma or bracket ends the noun phrase
            }
            words.add(new int[] {w.start(1), w.end(1)});
            pos = w.end(1);
        }
        for (int k = 0; k < words.size() && k < 3; k++) {
            String word = text.substring(words.get(k)[0], words.get(k)[1]);
            String lw = word.toLowerCase(Locale.ROOT).replace("’", "'");
            if (lw.endsWith("'s")) {
                lw = lw.substring(0, lw.length() - 2);
            }
            if (UNITS.contains(lw) || TIME_UNITS.contains(lw) || lw.endsWith("-year-old")) {
                if (lw.endsWith("-year-old")) {
                    return new String[] {"years", String.valueOf(words.get(k)[1])};
                }
                int end = words.get(k)[1];
                String unit = word;
                // "bases and training camps"
                if (k + 2 < words.size() && Set.of("and", "or").contains(
                        text.substring(words.get(k + 1)[0], words.get(k + 1)[1]).toLowerCase(Locale.ROOT))) {
                    for (int j = k + 2; j < Math.min(words.size(), k + 5); j++) {
                        String lw2 = text.substring(words.get(j)[0], words.get(j)[1]).toLowerCase(Locale.ROOT);
                        if (SMALL.containsKey(lw2) || MULTIPLIERS.containsKey(lw2) || lw2.equals("a")) {
                            break; // "militants and three soldiers": a second figure
                        }
                        if (UNITS.contains(lw2) && !TIME_UNITS.contains(lw2)) {
                            end = words.get(j)[1];
                            unit = text.substring(words.get(k)[0], end);
                            if (!lw2.equals("training")) {
                                break;
                            }
                        } else if (STOP.contains(lw2)) {
                            break;
                        }
                    }
                }
                return new String[] {unit, String.valueOf(end)};
            }
            if (STOP.contains(lw) || lw.endsWith("ly") || lw.endsWith("ed") && k == 0) {
                break;
            }
        }
        // an unlisted plural noun right after the figure: "5,000 jihadis", "200 madrasas"
        if (!words.isEmpty()) {
            String first = text.substring(words.get(0)[0], words.get(0)[1]);
            String lw = first.toLowerCase(Locale.ROOT);
            if (Character.isLowerCase(first.charAt(0)) && lw.length() > 3 && lw.endsWith("s") && !lw.endsWith("ss")
                    && !lw.endsWith("ous") && !STOP.contains(lw) && !lw.endsWith("ly")) {
                return new String[] {first, String.valueOf(words.get(0)[1])};
            }
        }
        return null;
    }

    private static boolean isDateOrIdentifier(String text, Num n, BigDecimal valueTo) {
        int i = n.start();
        // a word glued by a hyphen before: "Su-25", "COVID-19"
        if (i > 1 && (text.charAt(i - 1) == '-' || text.charAt(i - 1) == '/') && Character.isLetterOrDigit(text.charAt(i - 2))) {
            return true;
        }
        String prev = previousWord(text, i);
        String next = nextWord(text, n.end());
        if (prev.equals("aged") || prev.equals("age") || prev.equals("ages")) {
            return true; // an age
        }
        // "1 in 5 recruits", "one in four": a proportion, not a count
        if (RATIO_AFTER.matcher(text).region(n.end(), Math.min(text.length(), n.end() + 16)).lookingAt()
                || RATIO_BEFORE.matcher(text.substring(Math.max(0, i - 16), i)).find()) {
            return true;
        }
        if (n.fromDigits() && n.plainInteger()) {
            long v = n.value().longValue();
            // a model or document number: "Boeing 737", "Flight 17", "Resolution 1267"
            String prevRaw = previousWordRaw(text, i);
            if (!prevRaw.isEmpty() && Character.isUpperCase(prevRaw.charAt(0)) && !MONTHS.contains(prev)
                    && text.startsWith(prevRaw + " ", i - prevRaw.length() - 1) && !sentenceInitial(text,
                    i - prevRaw.length() - 1)) {
                return true;
            }
            // days of dates: "February 14", "14 February", "Tuesday, December 19"
            if (v >= 1 && v <= 31 && (MONTHS.contains(prev) || MONTHS.contains(next))) {
                return true;
            }
            if (LABELS.contains(prev) && Character.isUpperCase(previousWordRaw(text, i).charAt(0))) {
                return true; // "Resolution 2254", "Article 5"
            }
            if (prev.equals("no") || prev.equals("#")) {
                return true;
            }
            if (v >= 1900 && v <= 2100 && YEAR_PREPOSITIONS.contains(prev)) {
                return true; // "June 2023", "in 2014", "late 2014", "since 2021"
            }
        }
        return false;
    }

    private static final Pattern AFFILIATE = Pattern.compile(
            "\\A-(?:linked|affiliated|allied|backed|inspired|aligned|leaning|style|related)\\b");
    private static final Pattern RATIO_AFTER = Pattern.compile("\\A\\s+(?:in|out of)\\s+(?:\\d+|two|three|four|"
            + "five|six|seven|eight|nine|ten|every)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RATIO_BEFORE = Pattern.compile("(?:\\d|\\bone|\\btwo|\\bthree)\\s+(?:in|out of)\\s+\\z",
            Pattern.CASE_INSENSITIVE);

    /** Whether a word starting at {@code at} opens a sentence (text start, or after . ! ? or a line break). */
    private static boolean sentenceInitial(String text, int at) {
        int k = at - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '"' || text.charAt(k) == '\u201C')) {
            k--;
        }
        return k < 0 || text.charAt(k) == '\n' || text.charAt(k) == '.' || text.charAt(k) == '!'
                || text.charAt(k) == '?' || text.charAt(k) == ':';
    }

    private static boolean isYear(Num n, BigDecimal valueTo) {
        if (!n.fromDigits() || !n.plainInteger()) {
            return false;
        }
        long v = n.value().longValue();
        return v >= 1000 && v <= 2100;
    }

    private static String previousWord(String text, int i) {
        return previousWordRaw(text, i).toLowerCase(Locale.ROOT);
    }

    private static String previousWordRaw(String text, int i) {
        int k = i - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == ',' || text.charAt(k) == '.')) {
            k--;
        }
        int e = k + 1;
        while (k >= 0 && (Character.isLetter(text.charAt(k)) || text.charAt(k) == '#')) {
            k--;
        }
        return e > k + 1 ? text.substring(k + 1, e) : "";
    }

    private static String nextWord(String text, int i) {
        int k = i;
        while (k < text.length() && text.charAt(k) == ' ') {
            k++;
        }
        int s = k;
        while (k < text.length() && Character.isLetter(text.charAt(k))) {
            k++;
        }
        return text.substring(s, k).toLowerCase(Locale.ROOT);
    }

    /** A currency written just before a figure ("$", "US$", "Rs"): its code and where the symbol starts. */
    private record Currency(String code, int start) {
    }

    private static Currency currencyAt(String text, int i) {
        int k = i;
        while (k > 0 && text.charAt(k - 1) == ' ') {
            k--;
        }
        Currency best = null;
        for (Map.Entry<String, String> c : CURRENCY_SYMBOLS.entrySet()) {
            String sym = c.getKey();
            int from = k - sym.length();
            if (from >= 0 && text.startsWith(sym, from)
                    && (!Character.isLetter(sym.charAt(0)) || from == 0 || !Character.isLetter(text.charAt(from - 1)))
                    && (best == null || from < best.start())) {
                best = new Currency(c.getValue(), from);
            }
        }
        return best;
    }

    private static String currencyBefore(String text, int i) {
        Currency c = currencyAt(text, i);
        return c == null ? null : c.code();
    }

    private static int currencySymbolLength(String text, int i) {
        Currency c = currencyAt(text, i);
        return c == null ? 0 : i - c.start();
    }

    private BigDecimal multiplierOf(String text, Num to) {
        Matcher w = RANGE_MULTIPLIER
                .matcher(text).region(to.start(), to.end());
        return w.lookingAt() ? BigDecimal.valueOf(MULTIPLIERS.get(w.group(1).toLowerCase(Locale.ROOT))) : null;
    }

    private static int lastIndexOfWord(String s) {
        Matcher m = RANGE_OPENER.matcher(s);
        return m.find() ? m.start() : s.length();
    }

    private static int contextStart(String text, int s) {
        // the previous sentence and the current one up to s
        int start = contextStartOfSentence(text, s);
        return contextStartOfSentence(text, Math.max(0, start - 2));
    }

    private static int contextStartOfSentence(String text, int at) {
        int k = Math.min(at, text.length()) - 1;
        while (k > 0) {
            char c = text.charAt(k);
            if (c == '\n' || ((c == '.' || c == '!' || c == '?') && k + 1 < text.length()
                    && Character.isWhitespace(text.charAt(k + 1)) && k + 1 < at)) {
                return k + 1;
            }
            k--;
        }
        return 0;
    }

    private static int skipSpaces(String text, int i, int e) {
        while (i < e && (text.charAt(i) == ' ' || text.charAt(i) == '-')) {
            i++;
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == ',';
    }

    private static char charAt(String text, int i) {
        return i >= 0 && i < text.length() ? text.charAt(i) : '\0';
    }
}
