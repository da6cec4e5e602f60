package dev.claimtrail.query.served;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a claim's content that say what it is about, for comparing paraphrases across
 * outlets: accents, case and apostrophes folded, figures written without separators ("6,500" is
 * "6500"), function words dropped and plural or tense endings trimmed, so that "members amassed"
 * and "has amassed up to 6,500 members" share "member" and "amass".
 */
public final class ContentTokens {

    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "from", "with",
            "as", "into", "onto", "about", "over", "under", "up", "than", "that", "this", "these", "those", "there",
            "their", "them", "they", "it", "its", "he", "she", "his", "her", "we", "our", "us", "you", "your", "i",
            "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
            "would", "can", "could", "should", "may", "might", "must", "shall", "not", "no", "so", "such", "also",
            "which", "who", "whom", "what", "when", "where", "while", "other", "some", "any", "all", "more", "most",
            "very", "s", "said", "say", "says", "according", "reportedly", "now", "then", "only", "just", "both");

    private ContentTokens() {
    }

    public static Set<String> of(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        if (text == null) {
            return tokens;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("['’`]s\\b", "")
                .replaceAll("['’`]", "")
                .replaceAll("(?<=\\d),(?=\\d{3})", "");
        for (String word : folded.split("[^\\p{L}\\p{N}.]+")) {
            String w = word.replaceAll("^\\.+|\\.+$", "");
            if (w.isEmpty() || STOPWORDS.contains(w)) {
                continue;
            }
            tokens.add(stem(w));
        }
        return tokens;
    }

    /** A deliberately light stemmer: enough to meet "borders"/"border" and "amassed"/"amass". */
    static String stem(String word) {
        if (word.chars().anyMatch(Character::isDigit) || word.length() <= 4) {
            return word;
        }
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("ing") && word.length() > 6) {
            return word.substring(0, word.length() - 3);
        }
        if (word.endsWith("ed") && word.length() > 5) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("es") && (word.endsWith("ses") || word.endsWith("xes") || word.endsWith("ches")
                || word.endsWith("shes"))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** Shared words over the words of the shorter text: one outlet's fragment of a longer report still scores high. */
    public static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return (double) shared(a, b) / Math.min(a.size(), b.size());
    }

    public static int shared(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int n = 0;
        for (String t : small) {
            if (large.contains(t)) {
                n++;
            }
        }
        return n;
    }
}
