package dev.claimtrail.query.infra;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page cursors over a keyset of text values (a date and an id, a name), for lists not ordered
 * by a sequence column. Like {@link KeysetCursor}, the encoding is private to the API.
 */
public final class TextCursor {

    private static final char SEPARATOR = '\u001f';

    private TextCursor() {
    }

    public static String encode(String kind, String... values) {
        String text = kind + SEPARATOR + String.join(String.valueOf(SEPARATOR), values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The values of a cursor of this kind; null for a missing cursor.
     *
     * @throws ProblemException (400) for a cursor this API did not issue for this list
     */
    public static List<String> decode(String kind, int size, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(text.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() == size + 1 && parts.get(0).equals(kind)) {
                return parts.subList(1, parts.size());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ProblemException.badRequest("cursor '" + cursor + "' is not a cursor this API issued for this list");
    }
}
