package dev.claimtrail.query.infra;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page cursors over a monotonic sequence column. Clients pass them back unchanged; the
 * encoding is private so the keyset behind it can change without breaking them.
 */
public final class KeysetCursor {

    private static final String PREFIX = "seq:";

    private KeysetCursor() {
    }

    public static String encode(long lastSeq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastSeq).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sequence value after which the next page starts; 0 (before everything) for a missing cursor.
     *
     * @throws ProblemException (400) for a cursor this service did not issue
     */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0L;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long seq = Long.parseLong(text.substring(PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below (NumberFormatException is an IllegalArgumentException)
        }
        throw ProblemException.badRequest("cursor '" + cursor + "' is not a cursor this API issued");
    }
}
