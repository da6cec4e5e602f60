package dev.claimtrail.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured feed keys, as salted SHA-256 hashes. A presented key is hashed with each entry's
 * salt and compared in constant time, so neither the configuration nor the timing of a refusal gives
 * a key away. Keys are high-entropy random strings, so one salted SHA-256 is enough; a slow password
 * hash would only slow every push down.
 */
public final class FeedKeys {

    private final List<Entry> entries;

    private FeedKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param configured {@code name:salt:sha256hex} entries
     * @throws IllegalArgumentException naming the malformed entry by position and feed name, never
     *                                  repeating the hash
     */
    public static FeedKeys parse(List<String> configured) {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < configured.size(); i++) {
            String[] parts = configured.get(i).strip().split(":", -1);
            String where = "claimtrail.auth.feed-keys entry " + (i + 1);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(where + " must be name:salt:sha256hex");
            }
            byte[] hash;
            try {
                hash = HexFormat.of().parseHex(parts[2].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " (feed '" + parts[0] + "') has a hash that is not hex");
            }
            if (hash.length != 32) {
                throw new IllegalArgumentException(where + " (feed '" + parts[0] + "') has a hash that is not 64 hex digits");
            }
            if (!names.add(parts[0].strip())) {
                throw new IllegalArgumentException(where + " repeats feed '" + parts[0] + "'");
            }
            entries.add(new Entry(parts[0].strip(), parts[1], hash));
        }
        return new FeedKeys(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The feed the key belongs to, if any. Every entry is checked, so the time taken does not tell which matched. */
    public Optional<String> feedOf(String presentedKey) {
        String match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash(entry.salt(), presentedKey)) && match == null) {
                match = entry.name();
            }
        }
        return Optional.ofNullable(match);
    }

    /** SHA-256 of salt then key, both UTF-8: what an entry's hash is made of. */
    public static byte[] hash(String salt, String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.UTF_8));
            return digest.digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private record Entry(String name, String salt, byte[] hash) {
    }
}
