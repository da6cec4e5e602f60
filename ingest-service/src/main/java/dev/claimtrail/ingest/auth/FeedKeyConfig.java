package dev.claimtrail.ingest.auth;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "claimtrail.auth")
public interface FeedKeyConfig {

    /**
     * The feeds allowed to push, as {@code name:salt:sha256hex} entries, where the hash is the
     * SHA-256 of the salt followed by the key ({@code printf '%s%s' "$SALT" "$KEY" | sha256sum}).
     * Only hashes are configured, so the configuration never holds a usable key. When empty, ingest
     * accepts pushes without a key (the local default) and warns once at start.
     */
    Optional<List<String>> feedKeys();

    /**
     * Feed names whose key is still recognised but no longer allowed: they get 403, which tells the
     * feed's operator the key is right but has been withdrawn (rather than mistyped).
     */
    Optional<List<String>> revokedFeeds();
}
