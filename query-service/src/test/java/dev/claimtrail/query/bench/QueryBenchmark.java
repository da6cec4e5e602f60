package dev.claimtrail.query.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimtrail.query.claims.ClaimCursor;
import dev.claimtrail.query.claims.ClaimFilter;
import dev.claimtrail.query.claims.ClaimQueryService;
import dev.claimtrail.query.figures.FigureQueryService;
import dev.claimtrail.query.stories.StoryQueryService;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Latency of the main read queries over HTTP, as a dashboard sees them, with parameters drawn from
 * what the read model holds: half weighted by how often a value occurs (popular subjects and sources
 * are asked for more), half uniformly over the distinct values (the long tail). Requests go one at a
 * time, so the figures are latencies, not throughput. After the HTTP pass the same requests are run
 * once more against the query services in-process (SQL plus decoding, no HTTP or JSON writing).
 */
final class QueryBenchmark {

    /** One measured request. */
    record Sample(String kind, String path, long nanos, int rows, int status) {
    }

    /**
     * A request to measure: its label, the path and query, and the same call in-process (null for a
     * cursor page, whose cursor only the page before tells: then {@code filter} is what it pages).
     */
    record Request(String kind, String path, ClaimFilter filter, Supplier<Integer> inProcess) {
    }

    /** Figures of one kind of request. */
    record Stats(String kind, int requests, double p50, double p95, double p99, double max, int rowsMedian,
                 int rowsMax, double serviceP50, double serviceP99) {
    }


    private final URI base;
    private final DataSource dataSource;
    private final ClaimQueryService claims;
    private final StoryQueryService stories;
    private final FigureQueryService figures;
    private final Random random = new Random(7);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final SyntheticNews.Vocabulary vocabulary = new SyntheticNews(42L, 1_000_000L).vocabulary();

    private Weighted subjects;
    private Weighted sources;
    private Weighted figureSubjects;
    private List<String> storyIds;
    /** The days the claims cover (a partial fill covers the corpus's first months only). */
    private LocalDate firstDay;
    private int days;

    QueryBenchmark(URI base, DataSource dataSource, ClaimQueryService claims, StoryQueryService stories,
                   FigureQueryService figures) {
        this.base = base;
        this.dataSource = dataSource;
        this.claims = claims;
        this.stories = stories;
        this.figures = figures;
    }

    /** Values to query with, read from the read model. */
    void loadParameters() {
        subjects = weighted("SELECT term, count(*) FROM served_term WHERE kind = 'subject' GROUP BY term");
        sources = weighted("SELECT source_name, count(*) FROM served_claim WHERE source_key IS NOT NULL GROUP BY source_name");
        figureSubjects = weighted("SELECT lower(subject_id), count(*) FROM served_figure WHERE subject_id <> ''"
                + " GROUP BY lower(subject_id)");
        // a random sample of stories plus the largest ones, which are the slowest to show
        // the days of publication: claim dates reach further back ("last year" is a whole year)
        firstDay = LocalDate.parse(strings("SELECT min(published_date)::text FROM served_claim").get(0));
        days = (int) (LocalDate.parse(strings("SELECT max(published_date)::text FROM served_claim").get(0))
                .toEpochDay() - firstDay.toEpochDay()) + 1;
        storyIds = strings("SELECT id FROM (SELECT id FROM story ORDER BY md5(id) LIMIT 3000) s"
                + " UNION SELECT id FROM (SELECT id FROM story ORDER BY member_count DESC LIMIT 30) b");
    }

    /** Sizes of the read model, for the report. */
    Map<String, Long> sizes() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table : List.of("article", "claim", "claim_subject", "served_claim", "served_term",
                "served_figure", "story_link", "story")) {
            out.put(table, count("SELECT count(*) FROM " + table));
        }
        out.put("stories with 5+ members", count("SELECT count(*) FROM story WHERE member_count >= 5"));
        out.put("largest story", count("SELECT COALESCE(max(member_count), 0) FROM story"));
        out.put("database MB", count("SELECT pg_database_size(current_database()) / 1048576"));
        return out;
    }

    /**
     * The requests of one kind: {@code n} of them, and for claims lists {@code n} first pages, some followed
     * by cursor pages (those of a list that has no further page are skipped when run).
     */
    List<Request> requests(String kind, int n) {
        List<Request> out = new ArrayList<>();
        while (out.stream().filter(r -> r.inProcess() != null).count() < n) {
            switch (kind) {
                case "claims" -> out.addAll(claimsPages());
                case "story" -> out.add(story());
                case "figures" -> out.add(figureTimeline());
                case "search" -> out.add(search());
                default -> throw new IllegalArgumentException(kind);
            }
        }
        return out;
    }

    /**
     * Runs the requests over HTTP, one sample each; a cursor page follows the previous page's
     * {@code next} and is skipped (a sample with {@code nanos} -1) when that page was the last.
     */
    List<Sample> run(List<Request> requests) {
        List<Sample> samples = new ArrayList<>();
        String next = null;
        for (Request r : requests) {
            String path = r.path();
            if (path.endsWith(NEXT)) {
                if (next == null) {
                    samples.add(new Sample(r.kind(), path, -1, 0, 0));
                    continue;
                }
                path = path.replace(NEXT, encode(next));
            }
            Response response = send(r.kind(), path);
            samples.add(response.sample());
            next = response.next();
        }
        return samples;
    }

    /** The same requests in-process, in nanoseconds, one per sample (-1 for a skipped one). */
    List<Long> runInProcess(List<Request> requests, List<Sample> samples) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            Sample sample = samples.get(i);
            if (sample.nanos() < 0) {
                out.add(-1L);
                continue;
            }
            Supplier<Integer> call = r.inProcess();
            if (call == null) {
                String cursor = java.net.URLDecoder.decode(
                        sample.path().substring(sample.path().indexOf("cursor=") + 7), StandardCharsets.UTF_8);
                ClaimQueryService.After after = ClaimCursor.decode(r.filter(), cursor);
                call = () -> claims.page(r.filter(), after, 51).size();
            }
            long t0 = System.nanoTime();
            call.get();
            out.add(System.nanoTime() - t0);
        }
        return out;
    }

    /** One row for all requests of a kind, then one per variant (filter combination, search form). */
    static List<Stats> byKind(String kind, List<Sample> samples, List<Long> inProcess) {
        List<Stats> out = new ArrayList<>();
        out.add(stats("**" + kind + " (all)**", samples, inProcess));
        Map<String, List<Integer>> variants = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            variants.computeIfAbsent(samples.get(i).kind(), k -> new ArrayList<>()).add(i);
        }
        if (variants.size() > 1) {
            variants.keySet().stream().sorted().forEach(variant -> {
                List<Integer> idx = variants.get(variant);
                out.add(stats(variant, idx.stream().map(samples::get).toList(), idx.stream().map(inProcess::get).toList()));
            });
        }
        return out;
    }

    /** The slowest measured requests, to EXPLAIN. */
    static List<Sample> slowest(List<Sample> samples, int n) {
        return samples.stream().filter(s -> s.nanos() >= 0)
                .sorted((a, b) -> Long.compare(b.nanos(), a.nanos())).limit(n).toList();
    }

    /** Every HTTP answer was a 200. */
    static List<Sample> failures(List<Sample> samples) {
        return samples.stream().filter(s -> s.nanos() >= 0 && s.status() != 200).toList();
    }

    static Stats stats(String kind, List<Sample> all, List<Long> service) {
        List<Sample> samples = all.stream().filter(s -> s.nanos() >= 0).toList();
        long[] nanos = samples.stream().mapToLong(Sample::nanos).sorted().toArray();
        int[] rows = samples.stream().mapToInt(Sample::rows).sorted().toArray();
        long[] svc = service.stream().mapToLong(Long::longValue).filter(n -> n >= 0).sorted().toArray();
        return new Stats(kind, nanos.length, ms(pct(nanos, 50)), ms(pct(nanos, 95)), ms(pct(nanos, 99)),
                ms(nanos[nanos.length - 1]), rows[rows.length / 2], rows[rows.length - 1],
                svc.length == 0 ? Double.NaN : ms(pct(svc, 50)), svc.length == 0 ? Double.NaN : ms(pct(svc, 99)));
    }

    static String table(List<Stats> stats) {
        StringBuilder out = new StringBuilder();
        out.append("| query | requests | p50 ms | p95 ms | p99 ms | max ms | rows (median / max) | in-process p50 / p99 ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Stats s : stats) {
            out.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %d / %d | %.1f / %.1f |%n",
                    s.kind(), s.requests(), s.p50(), s.p95(), s.p99(), s.max(), s.rowsMedian(), s.rowsMax(),
                    s.serviceP50(), s.serviceP99()));
        }
        return out.toString();
    }

    // --- the request mixes ---------------------------------------------------------------------------

    /** A first page with one of the filter combinations a reader uses, then maybe a few more pages. */
    private List<Request> claimsPages() {
        String subject = null;
        String source = null;
        LocalDate from = null;
        LocalDate to = null;
        String kind;
        switch (random.nextInt(6)) {
            case 0 -> {
                kind = "claims: subject";
                subject = subjects.draw(random);
            }
            case 1 -> {
                kind = "claims: source";
                source = sourceFilter();
            }
            case 2 -> {
                kind = "claims: date range";
                LocalDate[] range = range();
                from = range[0];
                to = range[1];
            }
            case 3 -> {
                kind = "claims: subject + dates";
                subject = subjects.draw(random);
                LocalDate[] range = range();
                from = range[0];
                to = range[1];
            }
            case 4 -> {
                kind = "claims: source + dates";
                source = sourceFilter();
                LocalDate[] range = range();
                from = range[0];
                to = range[1];
            }
            default -> {
                kind = "claims: subject + source";
                subject = subjects.draw(random);
                source = sourceFilter();
            }
        }
        ClaimFilter filter = new ClaimFilter(null, null, source, subject, from, to, null, false);
        StringBuilder query = new StringBuilder("/api/claims?limit=50");
        param(query, "subject", subject);
        param(query, "source", source);
        param(query, "from", from == null ? null : from.toString());
        param(query, "to", to == null ? null : to.toString());
        List<Request> out = new ArrayList<>();
        out.add(new Request(kind, query.toString(), filter,
                () -> claims.page(filter, ClaimQueryService.After.START, 51).size()));
        // Following pages: the cursor comes from the page before, so it is resolved when run (see send).
        int more = random.nextInt(10) < 4 ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < more; i++) {
            out.add(new Request("claims: next page (cursor)", query + "&cursor=" + NEXT, filter, null));
        }
        return out;
    }

    private Request story() {
        String id = storyIds.get(random.nextInt(storyIds.size()));
        return new Request("story page", "/api/stories/" + id, null, () -> stories.story(id).members().size());
    }

    private Request figureTimeline() {
        String subject = figureSubjects.draw(random);
        return new Request("figure timeline", "/api/subjects/" + encode(subject).replace("+", "%20") + "/figures",
                null, () -> figures.timeline(subject).size());
    }

    /** Words of every frequency: the rank is log-uniform over the vocabulary, so rare words are asked too. */
    private Request search() {
        String q;
        String kind;
        int r = random.nextInt(10);
        if (r < 4) {
            kind = "search: one word";
            q = word();
        } else if (r < 6) {
            kind = "search: two words";
            q = word() + " " + word();
        } else if (r < 7) {
            kind = "search: phrase";
            List<String> words = vocabulary.words();
            int i = (int) Math.exp(random.nextDouble() * Math.log(300));
            q = "\"" + words.get(i) + " " + words.get((i * 7 + 3) % 300) + "\"";
        } else if (r < 8) {
            kind = "search: a or b";
            q = word() + " or " + word();
        } else {
            kind = "search: word + dates";
            q = word();
        }
        LocalDate[] range = kind.endsWith("dates") ? range() : new LocalDate[2];
        ClaimFilter filter = new ClaimFilter(null, null, null, null, range[0], range[1], q, false);
        StringBuilder query = new StringBuilder("/api/claims?limit=50");
        param(query, "q", q);
        param(query, "from", range[0] == null ? null : range[0].toString());
        param(query, "to", range[1] == null ? null : range[1].toString());
        return new Request(kind, query.toString(), filter,
                () -> claims.page(filter, ClaimQueryService.After.START, 51).size());
    }

    private String word() {
        List<String> words = vocabulary.words();
        return words.get(Math.min(words.size() - 1, (int) Math.exp(random.nextDouble() * Math.log(words.size()))));
    }

    /** A full name, a surname alone or a part of an organisation's name, as a reader would type it. */
    private String sourceFilter() {
        String name = sources.draw(random);
        String[] parts = name.split(" ");
        return parts.length > 1 && random.nextInt(3) == 0 ? parts[parts.length - 1] : name;
    }

    /** A day, a week, a month, a quarter or a year, within the days the claims cover. */
    private LocalDate[] range() {
        int[] spans = {1, 7, 30, 90, 365};
        int span = Math.min(days, spans[random.nextInt(spans.length)]);
        LocalDate from = firstDay.plusDays(random.nextInt(days - span + 1));
        return new LocalDate[] {from, from.plusDays(span - 1)};
    }

    // --- plumbing ------------------------------------------------------------------------------------

    private static final String NEXT = "{next}";

    private record Response(Sample sample, String next) {
    }

    private Response send(String kind, String resolved) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(resolved)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").GET().build();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(resolved + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long nanos = System.nanoTime() - t0;
        int rows = 0;
        String next = null;
        if (response.statusCode() == 200) {
            try {
                JsonNode body = json.readTree(response.body());
                if (body.has("items")) {
                    rows = body.get("items").size();
                } else if (body.has("members")) {
                    rows = body.get("members").size();
                }
                if (body.hasNonNull("next")) {
                    next = body.get("next").asText();
                }
            } catch (IOException e) {
                throw new IllegalStateException(resolved + " answered no JSON", e);
            }
        }
        return new Response(new Sample(kind, resolved, nanos, rows, response.statusCode()), next);
    }

    private static void param(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append('&').append(name).append('=').append(encode(value));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static long pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private Weighted weighted(String sql) {
        List<String> values = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
                counts.add(rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return new Weighted(values, counts);
    }

    private List<String> strings(String sql) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return out;
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Draws a value weighted by its count half of the time, uniformly the other half. */
    static final class Weighted {
        private final List<String> values;
        private final long[] cumulative;

        Weighted(List<String> values, List<Long> counts) {
            if (values.isEmpty()) {
                throw new IllegalStateException("the read model holds no values to query with");
            }
            this.values = values;
            this.cumulative = new long[counts.size()];
            long sum = 0;
            for (int i = 0; i < counts.size(); i++) {
                sum += counts.get(i);
                cumulative[i] = sum;
            }
        }

        String draw(Random random) {
            if (random.nextBoolean()) {
                return values.get(random.nextInt(values.size()));
            }
            long target = (long) (random.nextDouble() * cumulative[cumulative.length - 1]);
            int i = Arrays.binarySearch(cumulative, target + 1);
            return values.get(i >= 0 ? i : -i - 1);
        }
    }
}
