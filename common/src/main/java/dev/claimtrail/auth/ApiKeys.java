package dev.claimtrail.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API keys, as salted SHA-256 hashes, each with the role it grants. A presented key is
 * hashed with every entry's salt and compared in constant time, so neither the configuration nor the
 * timing of a refusal gives a key away. Same entry format as ingest's feed keys
 * ({@code name:salt:sha256hex(salt+key)}). It lives in {@code common} because services share code only
 * through it: the query and claims services check reader and operator keys with this one class.
 */
public final class ApiKeys {

    /** What a key may do; an operator may also read. */
    public enum Role {
        READER, OPERATOR;

        public boolean grants(Role needed) {
            return compareTo(needed) >= 0;
        }
    }

    /** Whom a presented key belongs to: a name from the configuration, never the key. */
    public record Caller(String name, Role role) {
    }

    private record Entry(String name, Role role, String salt, byte[] hash) {
    }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param readers   {@code name:salt:sha256hex} entries granting {@link Role#READER}
     * @param operators entries granting {@link Role#OPERATOR}
     * @throws IllegalArgumentException naming the malformed entry by property, position and name, never
     *                                  repeating the hash
     */
    public static ApiKeys parse(List<String> readers, List<String> operators) {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        add(entries, names, readers, Role.READER, "claimtrail.auth.reader-keys");
        add(entries, names, operators, Role.OPERATOR, "claimtrail.auth.operator-keys");
        return new ApiKeys(entries);
    }

    private static void add(List<Entry> entries, Set<String> names, List<String> configured, Role role, String property) {
        for (int i = 0; i < configured.size(); i++) {
            String[] parts = configured.get(i).strip().split(":", -1);
            String where = property + " entry " + (i + 1);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(where + " must be name:salt:sha256hex");
            }
            String name = parts[0].strip();
            byte[] hash;
            try {
                hash = HexFormat.of().parseHex(parts[2].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " ('" + name + "') has a hash that is not hex");
            }
            if (hash.length != 32) {
                throw new IllegalArgumentException(where + " ('" + name + "') has a hash that is not 64 hex digits");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + " repeats the name '" + name + "'");
            }
            entries.add(new Entry(name, role, parts[1], hash));
        }
    }

    public boolean has(Role role) {
        return entries.stream().anyMatch(entry -> entry.role() == role);
    }

    /** The caller the key belongs to, if any. Every entry is checked, so the time taken does not tell which matched. */
    public Optional<Caller> callerOf(String presentedKey) {
        Caller match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash(entry.salt(), presentedKey)) && match == null) {
                match = new Caller(entry.name(), entry.role());
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
}
