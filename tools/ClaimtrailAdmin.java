import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operator commands of {@code ./claimtrail}: status, dead letters, replay, and the progress of
 * re-extraction and rebuild. It talks to the admin APIs of query-service (and claims-service for the
 * redrive of extraction failures) with the operator key ({@code CLAIMTRAIL_OPERATOR_KEY}, else the one
 * {@code ./claimtrail up} keeps in {@code $CLAIMTRAIL_DATA/operator.key}). A single-file source program
 * without dependencies, like ClaimtrailPush, so a machine with only a JDK can run it.
 *
 * <pre>
 *   status
 *   dlq list [--topic articles.dlq|claims.dlq] [--status pending|redriven]
 *   dlq show ID
 *   dlq redrive ID…|--all
 *   replay --topic T [--from TS] [--to TS]
 *   reextract-progress --version V [--pid PID]
 *   rebuild [--from TS]
 * </pre>
 */
public class ClaimtrailAdmin {

    private static final String QUERY = env("CLAIMTRAIL_QUERY_URL", "http://localhost:" + env("QUERY_PORT", "8080"));
    private static final String CLAIMS = env("CLAIMTRAIL_CLAIMS_URL", "http://localhost:" + env("CLAIMS_PORT", "8082"));
    /** HTTP/1.1: a refusal answered from the headers reaches this client as its status, not as an EOF. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static String key;

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        key = operatorKey();
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "status" -> status();
                case "dlq" -> dlq(rest);
                case "replay" -> replay(options(rest));
                case "reextract-progress" -> reextractProgress(options(rest));
                case "rebuild" -> rebuild(options(rest));
                default -> usage();
            }
        } catch (Failure e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    // ---- status ---------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static void status() throws Exception {
        Map<String, Object> status = (Map<String, Object>) getJson(QUERY + "/api/admin/status");
        System.out.println("TOPICS (partition: start..end)");
        for (Object t : list(status.get("topics"))) {
            Map<String, Object> topic = (Map<String, Object>) t;
            StringBuilder parts = new StringBuilder();
            for (Object p : list(topic.get("partitions"))) {
                Map<String, Object> partition = (Map<String, Object>) p;
                parts.append("  ").append(num(partition.get("partition"))).append(": ")
                        .append(num(partition.get("start"))).append("..").append(num(partition.get("end")));
            }
            System.out.printf("  %-14s %8d records %s%n", topic.get("topic"), num(topic.get("records")), parts);
        }
        System.out.println("CONSUMER GROUPS (lag)");
        for (Object g : list(status.get("consumerGroups"))) {
            Map<String, Object> group = (Map<String, Object>) g;
            System.out.printf("  %-36s %8d   positions in %s%n", group.get("group"), num(group.get("lag")), group.get("committedBy"));
        }
        System.out.println("DEAD LETTERS");
        for (Object d : list(status.get("deadLetters"))) {
            Map<String, Object> counts = (Map<String, Object>) d;
            System.out.printf("  %-14s %5d total, %d pending, %d redriven%n", counts.get("topic"), num(counts.get("total")),
                    num(counts.get("pending")), num(counts.get("redriven")));
        }
        Map<String, Object> articles = (Map<String, Object>) status.get("articles");
        System.out.printf("ARTICLES%n  %d ingested (%d revisions), %d processed, %d pending%n", num(articles.get("ingested")),
                num(articles.get("revisions")), num(articles.get("processed")), num(articles.get("pending")));
        System.out.println("EXTRACTOR VERSIONS (oldest first; each article serves the newest that completed it)");
        for (Object v : list(status.get("extractorVersions"))) {
            Map<String, Object> version = (Map<String, Object>) v;
            System.out.printf("  %-20s %-24s %6d processed (%d extracted, %d no claims, %d failed), %d claims, %d pending%s%n",
                    version.get("version"), version.get("name"), num(version.get("processed")), num(version.get("extracted")),
                    num(version.get("noClaims")), num(version.get("failed")), num(version.get("claims")),
                    num(version.get("pending")), Boolean.TRUE.equals(version.get("complete")) ? "  complete" : "");
        }
    }

    // ---- dead letters ---------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static void dlq(List<String> args) throws Exception {
        if (args.isEmpty()) {
            usage();
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "list" -> {
                Map<String, String> o = options(rest);
                String url = QUERY + "/api/admin/dead-letters" + query(Map.of("topic", o.getOrDefault("topic", ""),
                        "status", o.getOrDefault("status", "")));
                List<Object> letters = list(getJson(url));
                System.out.printf("%-20s %-9s %-26s %-34s %-38s %s%n", "ID", "STATUS", "CONSUMER GROUP", "TYPE", "KEY", "REASON");
                for (Object l : letters) {
                    Map<String, Object> letter = (Map<String, Object>) l;
                    System.out.printf("%-20s %-9s %-26s %-34s %-38s %s%n", letter.get("id"), letter.get("status"),
                            orDash(letter.get("consumerGroup")), orDash(letter.get("eventType")), orDash(letter.get("key")),
                            orDash(letter.get("reason")));
                }
                System.err.println(letters.size() + " dead letter(s)");
            }
            case "show" -> {
                if (rest.size() != 1) {
                    usage();
                }
                System.out.println(pretty(getJson(QUERY + "/api/admin/dead-letters/" + rest.get(0)), ""));
            }
            case "redrive" -> {
                List<String> ids = new ArrayList<>();
                if (rest.equals(List.of("--all"))) {
                    for (Object l : list(getJson(QUERY + "/api/admin/dead-letters?status=pending"))) {
                        ids.add((String) ((Map<String, Object>) l).get("id"));
                    }
                } else if (!rest.isEmpty() && !rest.contains("--all")) {
                    ids.addAll(rest);
                } else {
                    usage();
                }
                int failures = 0;
                for (String id : ids) {
                    failures += redrive(id) ? 0 : 1;
                }
                System.err.println(ids.size() - failures + " of " + ids.size() + " dead letter(s) redriven");
                if (failures > 0) {
                    System.exit(1);
                }
            }
            default -> usage();
        }
    }

    /**
     * The service that runs the failed consumer group processes the letter again: extraction failures
     * (claims-extractor-*) in claims-service, undecodable records (query-service-*) here in query.
     */
    @SuppressWarnings("unchecked")
    static boolean redrive(String id) throws Exception {
        Map<String, Object> letter;
        try {
            letter = (Map<String, Object>) ((Map<String, Object>) getJson(QUERY + "/api/admin/dead-letters/" + id)).get("letter");
        } catch (Failure e) {
            System.err.println(id + ": " + e.getMessage());
            return false;
        }
        String group = String.valueOf(letter.get("consumerGroup"));
        String base = group.startsWith("claims-extractor-") ? CLAIMS : QUERY;
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/admin/dead-letters/" + id + "/redrive"))
                .POST(HttpRequest.BodyPublishers.noBody()), base);
        if (response.statusCode() / 100 == 2) {
            Map<String, Object> result = (Map<String, Object>) Json.parse(response.body());
            System.out.println(id + "\t" + result.get("status") + "\t" + group
                    + (result.get("outcome") == null ? "" : "\t" + result.get("outcome") + ", " + num(result.get("claimCount")) + " claims"));
            return true;
        }
        System.err.println(id + ": " + problem(response));
        return false;
    }

    // ---- replay ---------------------------------------------------------------------------------------

    static void replay(Map<String, String> o) throws Exception {
        if (!o.containsKey("topic")) {
            usage();
        }
        String url = QUERY + "/api/admin/replay" + query(Map.of("topic", o.get("topic"), "from", o.getOrDefault("from", ""),
                "to", o.getOrDefault("to", "")));
        HttpRequest.Builder request = authorised(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/x-ndjson"));
        HttpResponse<InputStream> response;
        try {
            response = HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable(QUERY, e);
        }
        if (response.statusCode() != 200) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new Failure("HTTP " + response.statusCode() + ": " + detail(body));
        }
        // Streamed through as it arrives: a window may hold more than fits in memory.
        try (InputStream in = response.body(); OutputStream out = System.out) {
            in.transferTo(out);
        }
    }

    // ---- progress: reextract and rebuild --------------------------------------------------------------

    /**
     * Waits until extractor version V has processed every article revision the read model knows,
     * drawing a progress bar. With {@code --pid}, gives up when that process (the claims-service running
     * V) exits first.
     */
    @SuppressWarnings("unchecked")
    static void reextractProgress(Map<String, String> o) throws Exception {
        String version = o.get("version");
        if (version == null) {
            usage();
        }
        ProcessHandle worker = o.containsKey("pid") ? ProcessHandle.of(Long.parseLong(o.get("pid"))).orElse(null) : null;
        Progress bar = new Progress("reextract " + version);
        while (true) {
            if (o.containsKey("pid") && (worker == null || !worker.isAlive())) {
                bar.end();
                throw new Failure("the claims-service running " + version + " exited before re-extraction completed");
            }
            Map<String, Object> versions;
            try {
                versions = (Map<String, Object>) getJson(QUERY + "/api/admin/extractor-versions");
            } catch (Failure e) {
                bar.note(e.getMessage());
                Thread.sleep(2000);
                continue;
            }
            long target = num(versions.get("revisions"));
            long done = 0;
            long failed = 0;
            for (Object v : list(versions.get("versions"))) {
                Map<String, Object> entry = (Map<String, Object>) v;
                if (version.equals(entry.get("version"))) {
                    done = target - num(entry.get("pending"));
                    failed = num(entry.get("failed"));
                }
            }
            bar.update(done, target, failed > 0 ? failed + " failed (see ./claimtrail dlq list)" : "");
            if (target > 0 && done >= target) {
                bar.end();
                System.err.println("re-extraction with " + version + " complete: " + done + " article revisions"
                        + (failed > 0 ? ", " + failed + " failed (dead-lettered)" : ""));
                return;
            }
            Thread.sleep(2000);
        }
    }

    /** Starts a rebuild of the read model and follows it until it is done or failed. */
    @SuppressWarnings("unchecked")
    static void rebuild(Map<String, String> o) throws Exception {
        String from = o.get("from");
        String body = "{\"from\":" + (from == null ? "null" : Json.quote(from)) + "}";
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(QUERY + "/api/admin/rebuilds"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), QUERY);
        if (started.statusCode() / 100 != 2) {
            throw new Failure("rebuild not started: " + problem(started));
        }
        String id = String.valueOf(((Map<String, Object>) Json.parse(started.body())).get("id"));
        Progress bar = new Progress("rebuild " + id);
        while (true) {
            Map<String, Object> state = (Map<String, Object>) getJson(QUERY + "/api/admin/rebuilds/" + id);
            String phase = String.valueOf(state.get("state"));
            bar.update(num(state.get("applied")), num(state.get("target")), phase);
            if (phase.equals("done")) {
                bar.end();
                System.err.println("rebuild " + id + " done: " + num(state.get("applied")) + " events applied");
                return;
            }
            if (phase.equals("failed")) {
                bar.end();
                throw new Failure("rebuild " + id + " failed: " + state.get("error"));
            }
            Thread.sleep(1000);
        }
    }

    /**
     * A progress bar with rate and ETA on stderr: redrawn in place on a terminal, a line every ten
     * seconds otherwise (logs, CI).
     */
    static final class Progress {
        private final String label;
        private final boolean terminal = System.console() != null;
        private final long startNanos = System.nanoTime();
        private long firstDone = -1;
        private long lastLine;
        private String note = "";

        Progress(String label) {
            this.label = label;
        }

        void note(String text) {
            note = text;
        }

        void update(long done, long target, String status) {
            if (firstDone < 0) {
                firstDone = done;
            }
            double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
            double rate = (done - firstDone) / seconds;
            long remaining = Math.max(0, target - done);
            String eta = rate > 0 ? duration((long) (remaining / rate)) : "--";
            int width = 30;
            int filled = target <= 0 ? 0 : (int) Math.min(width, width * done / target);
            String line = String.format(Locale.ROOT, "%s [%s%s] %3d%% %d/%d  %.1f/s  ETA %s %s", label,
                    "#".repeat(filled), "-".repeat(width - filled), target <= 0 ? 0 : Math.min(100, 100 * done / target),
                    done, target, rate, eta, status.isEmpty() ? note : status);
            note = "";
            if (terminal) {
                System.err.print("\r" + line + "\033[K");
            } else if (System.nanoTime() - lastLine > 10_000_000_000L || done >= target) {
                System.err.println(line);
                lastLine = System.nanoTime();
            }
        }

        void end() {
            if (terminal) {
                System.err.println();
            }
        }

        static String duration(long seconds) {
            return seconds >= 3600 ? (seconds / 3600) + "h" + (seconds % 3600 / 60) + "m"
                    : seconds >= 60 ? (seconds / 60) + "m" + (seconds % 60) + "s" : seconds + "s";
        }
    }

    // ---- HTTP -----------------------------------------------------------------------------------------

    static Object getJson(String url) throws Exception {
        String base = url.startsWith(CLAIMS) ? CLAIMS : QUERY;
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET(), base);
        if (response.statusCode() / 100 != 2) {
            throw new Failure(problem(response));
        }
        return Json.parse(response.body());
    }

    static HttpResponse<String> send(HttpRequest.Builder request, String base) throws Exception {
        try {
            return HTTP.send(authorised(request).timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(base, e);
        }
    }

    static HttpRequest.Builder authorised(HttpRequest.Builder request) {
        return key == null ? request : request.header("X-API-Key", key);
    }

    static String problem(HttpResponse<String> response) {
        String hint = response.statusCode() == 401 || response.statusCode() == 403
                ? " (set CLAIMTRAIL_OPERATOR_KEY, or let `./claimtrail up` keep one in $CLAIMTRAIL_DATA/operator.key)" : "";
        return "HTTP " + response.statusCode() + ": " + detail(response.body()) + hint;
    }

    @SuppressWarnings("unchecked")
    static String detail(String body) {
        try {
            Object parsed = Json.parse(body);
            if (parsed instanceof Map<?, ?> map && map.get("detail") != null) {
                return String.valueOf(((Map<String, Object>) map).get("detail"));
            }
        } catch (RuntimeException e) {
            // not JSON: show what came
        }
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    static Failure unreachable(String base, IOException e) {
        String why = e.getMessage() == null ? "connection refused" : e.getMessage();
        return new Failure("cannot reach " + base + " (" + why + ") — is `./claimtrail up` running?");
    }

    /** The operator key to send, or null to send none (admin endpoints without operator keys are open). */
    static String operatorKey() throws IOException {
        String fromEnv = System.getenv("CLAIMTRAIL_OPERATOR_KEY");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        Path file = Path.of(env("CLAIMTRAIL_DATA", ".claimtrail"), "operator.key");
        if (Files.isRegularFile(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            return stored.isEmpty() ? null : stored;
        }
        return null;
    }

    // ---- small helpers --------------------------------------------------------------------------------

    static Map<String, String> options(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || i + 1 >= args.size()) {
                System.err.println("expected --option value, got '" + arg + "'");
                usage();
            }
            options.put(arg.substring(2), args.get(++i));
        }
        return options;
    }

    static String query(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                q.append(q.length() == 0 ? '?' : '&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static long num(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    static String orDash(Object value) {
        return value == null ? "-" : String.valueOf(value);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @SuppressWarnings("unchecked")
    static String pretty(Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "{}";
            }
            StringBuilder out = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                out.append(indent).append("  ").append(Json.quote(e.getKey())).append(": ")
                        .append(pretty(e.getValue(), indent + "  ")).append(++i < map.size() ? ",\n" : "\n");
            }
            return out.append(indent).append('}').toString();
        }
        if (value instanceof List<?> items) {
            if (items.isEmpty()) {
                return "[]";
            }
            StringBuilder out = new StringBuilder("[\n");
            for (int i = 0; i < items.size(); i++) {
                out.append(indent).append("  ").append(pretty(items.get(i), indent + "  ")).append(i + 1 < items.size() ? ",\n" : "\n");
            }
            return out.append(indent).append(']').toString();
        }
        return value instanceof String s ? Json.quote(s) : String.valueOf(value);
    }

    static void usage() {
        System.err.println("""
                usage:
                  claimtrail status
                  claimtrail dlq list [--topic articles.dlq|claims.dlq] [--status pending|redriven]
                  claimtrail dlq show ID
                  claimtrail dlq redrive ID…|--all
                  claimtrail replay --topic T [--from 2024-02-14T00:00:00Z] [--to 2024-02-15T00:00:00Z]
                  claimtrail reextract --version 1.0.0+LABEL
                  claimtrail rebuild [--from TIMESTAMP]""");
        System.exit(2);
    }

    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    /** Just enough JSON for the admin API's answers: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            json.space();
            Object value = json.value();
            json.space();
            if (json.i != text.length()) {
                throw new IllegalArgumentException("trailing characters at " + json.i);
            }
            return value;
        }

        private Object value() {
            char c = peek();
            switch (c) {
                case '{': {
                    Map<String, Object> map = new LinkedHashMap<>();
                    i++;
                    space();
                    if (peek() == '}') {
                        i++;
                        return map;
                    }
                    while (true) {
                        space();
                        String name = string();
                        space();
                        expect(':');
                        space();
                        map.put(name, value());
                        space();
                        if (peek() == ',') {
                            i++;
                        } else {
                            expect('}');
                            return map;
                        }
                    }
                }
                case '[': {
                    List<Object> items = new ArrayList<>();
                    i++;
                    space();
                    if (peek() == ']') {
                        i++;
                        return items;
                    }
                    while (true) {
                        space();
                        items.add(value());
                        space();
                        if (peek() == ',') {
                            i++;
                        } else {
                            expect(']');
                            return items;
                        }
                    }
                }
                case '"':
                    return string();
                case 't':
                    word("true");
                    return Boolean.TRUE;
                case 'f':
                    word("false");
                    return Boolean.FALSE;
                case 'n':
                    word("null");
                    return null;
                default:
                    return number();
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private Number number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String text = s.substring(start, i);
            if (text.isEmpty()) {
                throw new IllegalArgumentException("unexpected character at " + start);
            }
            return text.contains(".") || text.contains("e") || text.contains("E") ? (Number) Double.parseDouble(text)
                    : (Number) Long.parseLong(text);
        }

        private void word(String w) {
            if (!s.startsWith(w, i)) {
                throw new IllegalArgumentException("expected " + w + " at " + i);
            }
            i += w.length();
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        private char peek() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end of JSON");
            }
            return s.charAt(i);
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        static String quote(String text) {
            StringBuilder out = new StringBuilder(text.length() + 16).append('"');
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
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
}
