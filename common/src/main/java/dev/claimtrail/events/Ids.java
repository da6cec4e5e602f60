package dev.claimtrail.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Deterministic ids. Replays and re-runs of the same extractor must produce the same ids so that
 * every consumer can recognise what it has already applied.
 */
public final class Ids {

    /** Namespace for Claimtrail's name-based UUIDs (RFC 9562 version 5). */
    private static final UUID NAMESPACE = UUID.fromString("6f1c2f5e-8d0a-4f43-9a53-0c1aa1c7e7d1");

    private Ids() {
    }

    /** The article id for an identity key such as {@code url:https://example.org/a}. */
    public static String articleId(String identityKey) {
        return nameUuid("article|" + identityKey).toString();
    }

    /**
     * A claim id from the article revision, the extractor version and the claim's spans (source
     * mention, cue, content), which together pin one attribution relation.
     */
    public static String claimId(String articleId, int revision, String extractorVersion,
                                 int sourceStart, int sourceEnd, int cueStart, int cueEnd,
                                 int contentStart, int contentEnd) {
        return nameUuid(String.join("|", "claim", articleId, Integer.toString(revision), extractorVersion,
                Integer.toString(sourceStart), Integer.toString(sourceEnd),
                Integer.toString(cueStart), Integer.toString(cueEnd),
                Integer.toString(contentStart), Integer.toString(contentEnd))).toString();
    }

    /** The id of the one ArticleProcessed event per article revision and extractor version. */
    public static String processedEventId(String articleId, int revision, String extractorVersion) {
        return nameUuid(String.join("|", "processed", articleId, Integer.toString(revision), extractorVersion)).toString();
    }

    /** The id of the event that published a given article revision. */
    public static String articleEventId(String articleId, int revision) {
        return nameUuid(String.join("|", "article", articleId, Integer.toString(revision))).toString();
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(digest("SHA-256", text.getBytes(StandardCharsets.UTF_8)));
    }

    static UUID nameUuid(String name) {
        byte[] namespace = toBytes(NAMESPACE);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[namespace.length + nameBytes.length];
        System.arraycopy(namespace, 0, input, 0, namespace.length);
        System.arraycopy(nameBytes, 0, input, namespace.length, nameBytes.length);
        byte[] hash = digest("SHA-1", input);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            lsb = (lsb << 8) | (hash[i] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] out = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (msb >>> (8 * (7 - i)));
            out[8 + i] = (byte) (lsb >>> (8 * (7 - i)));
        }
        return out;
    }

    private static byte[] digest(String algorithm, byte[] input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by every JVM", e);
        }
    }
}
