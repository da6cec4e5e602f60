package dev.claimtrail.query.infra.auth;


import dev.claimtrail.auth.ApiKeys;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.HexFormat;
import java.util.Map;

/** A locked-down query service: one reader key ("analysts") and one operator key ("ops"). */
public class ReaderKeysProfile implements QuarkusTestProfile {

    public static final String READER_KEY = "reader-Hc3nB8kY5uJ0aZ6d";
    public static final String OPERATOR_KEY = "operator-Tf1gW7qN4mR9xV2s";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "claimtrail.auth.reader-keys", entry("analysts", "salt-r", READER_KEY),
                "claimtrail.auth.operator-keys", entry("ops", "salt-o", OPERATOR_KEY));
    }

    public static String entry(String name, String salt, String key) {
        return name + ":" + salt + ":" + HexFormat.of().formatHex(ApiKeys.hash(salt, key));
    }
}
