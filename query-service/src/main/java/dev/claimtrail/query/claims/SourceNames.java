package dev.claimtrail.query.claims;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form source names are matched in, so that a surname finds the full name whatever the case and
 * with or without accents. Stored next to the name and applied to the query.
 */
public final class SourceNames {

    private SourceNames() {
    }

    public static String normalise(String name) {
        if (name == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
