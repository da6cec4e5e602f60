package dev.claimtrail.claims.infra.auth;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/**
 * API keys as {@code name:salt:sha256hex} entries, the hash being
 * {@code printf '%s%s' "$SALT" "$KEY" | sha256sum}: the configuration never holds a usable key.
 */
@ConfigMapping(prefix = "claimtrail.auth")
public interface AuthConfig {

    /** Keys that may read ({@code GET /api/extractor}). None configured: reads are open. */
    Optional<List<String>> readerKeys();

    /**
     * Keys that may read and call operator endpoints ({@link OperatorOnly}: the extractor try-out). None
     * configured: they are open (the local default), with a warning at start.
     */
    Optional<List<String>> operatorKeys();
}
