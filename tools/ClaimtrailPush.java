import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./claimtrail push PATH…}: pushes .txt files (the whole file is the text, the file name the
 * externalId), .json files (one article object) and .ndjson files (one article per line) to the
 * ingest service, and prints each article's id. Run as a single-file source program so that a
 * machine with only a JDK needs nothing else. The feed key (X-API-Key) is {@code CLAIMTRAIL_API_KEY},
 * else the one {@code ./claimtrail up} keeps in {@code $CLAIMTRAIL_DATA/feed.key}.
 */
public class ClaimtrailPush {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static void main(String[] args) throws Exception {
        String base = System.getenv().getOrDefault("CLAIMTRAIL_INGEST_URL",
                "http://localhost:" + System.getenv().getOrDefault("INGEST_PORT", "8081"));
        if (args.length == 0) {
            System.err.println("usage: claimtrail push FILE.txt|FILE.json|FILE.ndjson …");
            System.exit(2);
        }
        // HTTP/1.1: with the default h2c upgrade attempt, ingest's refusal (answered from the headers, then
        // the connection closed) reaches this client as a bare EOF instead of the 401 and its reason.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String key = feedKey();
        int failures = 0;
        for (String arg : args) {
            Path path = Path.of(arg);
            if (!Files.isRegularFile(path)) {
                System.err.println(arg + ": no such file");
                failures++;
                continue;
            }
            String name = path.getFileName().toString();
            String content = Files.readString(path, StandardCharsets.UTF_8);
            if (name.endsWith(".ndjson")) {
                List<String> lines = content.lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).isBlank()) {
                        failures += push(http, base, key, lines.get(i), name + ":" + (i + 1)) ? 0 : 1;
                    }
                }
            } else if (name.endsWith(".json")) {
                failures += push(http, base, key, content, name) ? 0 : 1;
            } else {
                String body = "{\"externalId\":" + quote(name) + ",\"text\":" + quote(content) + "}";
                failures += push(http, base, key, body, name) ? 0 : 1;
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    /** The key to send, or null to send none (ingest without feed keys is open). */
    static String feedKey() throws IOException {
        String key = System.getenv("CLAIMTRAIL_API_KEY");
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        Path file = Path.of(System.getenv().getOrDefault("CLAIMTRAIL_DATA", ".claimtrail"), "feed.key");
        if (Files.isRegularFile(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            return stored.isEmpty() ? null : stored;
        }
        return null;
    }

    private static boolean push(HttpClient http, String base, String key, String json, String label) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/articles"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 == 2) {
                System.out.println(find(ID, response.body()) + "\t" + find(STATUS, response.body()) + "\t" + label);
                return true;
            }
            System.err.println(label + ": HTTP " + response.statusCode() + " " + find(DETAIL, response.body()));
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                System.err.println("  set CLAIMTRAIL_API_KEY to this feed's key, or let `./claimtrail up` keep one in "
                        + "$CLAIMTRAIL_DATA/feed.key");
            }
            return false;
        } catch (IOException e) {
            System.err.println(label + ": cannot reach " + base + " (" + e.getMessage() + ") — is `./claimtrail up` running?");
            return false;
        }
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1) : "?";
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
