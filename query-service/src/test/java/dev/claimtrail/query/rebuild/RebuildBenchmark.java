package dev.claimtrail.query.rebuild;

import dev.claimtrail.events.ArticleIngested;
import dev.claimtrail.events.ArticleProcessed;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.events.CloudEvents;
import dev.claimtrail.events.Event;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.events.Ids;
import dev.claimtrail.events.Topics;
import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.query.support.EventProducer;
import dev.claimtrail.query.support.LiveConsumersPaused;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rebuild rate against PostgreSQL's own bulk load, in one run: a log of generated news claims (8 per
 * article, sources, subjects, figures, places and dates drawn from pools so that stories and conflicts
 * form as in real news) is rebuilt into the read models, then every row the rebuild wrote is exported
 * and loaded again with COPY into a fresh schema made by the same migrations (same indexes, same
 * generated full-text column, same foreign keys): the limit of what any writer of these rows can reach.
 * Live projections are paused, so the rebuild has the machine to itself. Not part of the build: run it
 * with the command in BENCHMARKS.md. Arguments as system properties: {@code benchmark.rebuild.claims}
 * (default 1,000,000).
 */
@QuarkusTest
@TestProfile(LiveConsumersPaused.class) // the rebuild alone is measured
@WithTestResource(KafkaTestResource.class)
@WithTestResource(FreshDatabaseResource.class)
@EnabledIfSystemProperty(named = "benchmark.rebuild", matches = "true")
class RebuildBenchmark {

    static final int CLAIMS_PER_ARTICLE = 8;
    static final int ARTICLES_PER_TRANSACTION = 100;
    /** Tables in an order their foreign keys allow loading in. */
    static final List<String> TABLES = List.of("article", "article_revision", "article_processing", "article_serving",
            "claim", "claim_subject", "served_claim", "served_term", "served_figure", "story_link", "story");

    @Inject
    RebuildService rebuilds;

    @Inject
    ReadModelSchemas schemas;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void rebuildRateBesideCopy() throws Exception {
        int claims = Integer.getInteger("benchmark.rebuild.claims", 1_000_000);
        int articles = claims / CLAIMS_PER_ARTICLE;
        long t0 = System.nanoTime();
        long bytes = produce(articles, new Random(42));
        System.out.printf("produced %,d articles, %,d claims, %,d ArticleProcessed (%,d MB) in %.1f s%n",
                articles, (long) articles * CLAIMS_PER_ARTICLE, articles, bytes >> 20, (System.nanoTime() - t0) / 1e9);

        RebuildStatus status = rebuilds.start(null);
        long peakHeap = 0;
        while (!status.finished()) {
            Thread.sleep(2000);
            // The bulk rebuild holds what the views need of every claim until the end: its memory is a figure.
            peakHeap = Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            status = rebuilds.get(status.id());
            System.out.printf("rebuild %s: %,d / %,d records, %.0f/s, eta %s s%n", status.state(), status.applied(),
                    status.target(), status.ratePerSecond(), status.etaSeconds());
        }
        assertEquals(RebuildStatus.DONE, status.state(), status.error());
        double rebuildSeconds = Duration.between(status.startedAt(), status.finishedAt()).toNanos() / 1e9;
        long claimRows = count("SELECT count(*) FROM query.claim");
        assertEquals((long) articles * CLAIMS_PER_ARTICLE, claimRows);

        Path dir = Files.createTempDirectory("rebuild-benchmark-");
        String scratch = "query_copy_benchmark";
        schemas.drop(scratch);
        schemas.create(scratch);
        long rows = 0;
        double copySeconds = 0;
        double claimCopySeconds = 0;
        try (Connection c = dataSource.getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : TABLES) {
                String columns = String.join(", ", loadableColumns(c, table));
                Path file = dir.resolve(table + ".copy");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                    copy.copyOut("COPY (SELECT " + columns + " FROM query." + table + ") TO STDOUT", out);
                }
                long start = System.nanoTime();
                long loaded;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
                    loaded = copy.copyIn("COPY " + scratch + "." + table + " (" + columns + ") FROM STDIN", in);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("COPY %-18s %,10d rows %8.1f s %,10.0f rows/s (%,d MB)%n", table, loaded, seconds,
                        loaded / seconds, Files.size(file) >> 20);
                rows += loaded;
                copySeconds += seconds;
                if (table.equals("claim") || table.equals("claim_subject")) {
                    claimCopySeconds += seconds;
                }
                Files.delete(file);
            }
        } finally {
            Files.deleteIfExists(dir);
            schemas.drop(scratch);
        }
        double rebuildRate = claimRows / rebuildSeconds;
        double copyRate = claimRows / copySeconds;
        System.out.println();
        System.out.printf("| claims | rebuild | rebuild claims/s | COPY of all %,d rows it wrote | COPY claims/s | ratio |%n", rows);
        System.out.printf("| %,d | %.1f s | %,.0f | %.1f s | %,.0f | %.2f |%n", claimRows, rebuildSeconds, rebuildRate,
                copySeconds, copyRate, rebuildRate / copyRate);
        System.out.printf("COPY of the claim and claim_subject rows alone: %.1f s, %,.0f claims/s%n", claimCopySeconds,
                claimRows / claimCopySeconds);
        System.out.printf("heap used during the rebuild, sampled every 2 s: peak %,d MB of %,d MB max%n",
                peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Every column but the generated ones (identity and computed), which the load computes as the rebuild did. */
    private static List<String> loadableColumns(Connection c, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'query' AND table_name = ? AND is_generated = 'NEVER' AND is_identity = 'NO'
                ORDER BY ordinal_position""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add('"' + rs.getString(1) + '"');
                }
            }
        }
        return out;
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- the generated log ----

    /**
     * Speakers as news has them: thousands of people and hundreds of bodies, a few of them quoted far more
     * often than the rest (indices drawn with a square skew). Their names are the stories' blocking keys,
     * so the size of these pools decides how many earlier claims each new one is compared with.
     */
    static final String[] SYLLABLES = {"ka", "lin", "or", "tiz", "ha", "dad", "ra", "man", "no", "wak", "bel", "lo",
            "sa", "to", "cos", "ta", "men", "sah", "ka", "ri", "pet", "rov", "wei", "ok", "af", "nas", "ser", "ros",
            "gup", "lind", "de", "mir", "sil", "va", "mo", "reau", "ta", "na", "hug", "ab", "fi", "scher", "zu", "el"};
    static final String[] FIRST = {"Andrey", "Lena", "Omar", "Priya", "Tomasz", "Aisha", "Kenji", "Maria", "Samuel",
            "Fatima", "Ivan", "Chen", "Grace", "Hassan", "Elena", "Rahul", "Sofia", "Yusuf", "Ingrid", "Pedro"};
    static final String[] BODY_PLACES = {"Northern", "Southern", "Eastern", "Western", "Central", "National",
            "Provincial", "Regional", "Federal", "City", "District", "Border", "Coastal", "Highland", "Valley",
            "Capital", "Interim", "Joint", "United", "Independent"};
    static final String[] BODY_KINDS = {"Ministry", "Command", "Council", "Police", "Commission", "Bank", "Front",
            "Assembly", "Court", "Authority", "Agency", "Committee", "Army", "Movement", "Union", "Office", "Institute",
            "Party", "Alliance", "Relief Fund"};
    static final int PEOPLE = 8000;

    static String person(int i) {
        String surname = SYLLABLES[i % SYLLABLES.length] + SYLLABLES[(i / SYLLABLES.length) % SYLLABLES.length]
                + SYLLABLES[(i * 7 + 3) % SYLLABLES.length];
        return FIRST[(i / 11) % FIRST.length] + " " + Character.toUpperCase(surname.charAt(0)) + surname.substring(1);
    }

    static String body(int i) {
        return BODY_PLACES[i % BODY_PLACES.length] + " " + BODY_KINDS[(i / BODY_PLACES.length) % BODY_KINDS.length];
    }

    static int skewed(Random random, int n) {
        double u = random.nextDouble();
        return (int) (u * u * n);
    }

    static final String[] ROLES = {"minister", "spokesperson", "commander", "governor", "analyst", "mayor", "official"};
    static final String[] PLACES = {"Karsu", "Almaty", "Kabul", "Peshawar", "Quetta", "Lagos", "Kano", "Mosul",
            "Aleppo", "Goma", "Bamako", "Herat", "Kandahar", "Bishkek", "Osh", "Tripoli", "Benghazi", "Sanaa", "Aden",
            "Mogadishu"};
    static final String[] CUES = {"said", "told", "announced", "claimed", "warned", "added", "stated", "denied"};
    static final String[] WORDS = ("fighters troops crossed border district river attack convoy killed wounded "
            + "civilians displaced families camp aid shipment arrived ceasefire talks resumed capital election "
            + "results delayed budget deficit inflation rose percent prices fuel shortage protest police arrested "
            + "students bridge reopened hospital patients vaccines delivered province governor resigned militants "
            + "seized checkpoint army recaptured villages drone strike market curfew imposed refugees returned").split(" ");
    static final String[] UNITS = {"fighters", "people", "families", "percent", "troops", "tonnes", "dollars"};

    /** Produces the articles, their claims and ArticleProcessed as ingest- and claims-service would. */
    private static long produce(int articles, Random random) {
        Properties p = EventProducer.bulkConfig(KafkaTestResource.sharedBootstrapServers());
        Properties tx = new Properties();
        tx.putAll(p);
        tx.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "rebuild-benchmark-" + UUID.randomUUID());
        long bytes = 0;
        try (KafkaProducer<String, String> plain = new KafkaProducer<>(p);
             KafkaProducer<String, String> claims = new KafkaProducer<>(tx)) {
            claims.initTransactions();
            claims.beginTransaction();
            for (int i = 0; i < articles; i++) {
                ArticleSnapshot article = article(i, random);
                bytes += send(plain, Topics.ARTICLES, new ArticleIngested(ArticleIngested.SCHEMA_VERSION,
                        Ids.articleEventId(article.id(), 1), Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 60L),
                        article));
                for (int k = 0; k < CLAIMS_PER_ARTICLE; k++) {
                    Claim claim = claim(article, k, random);
                    bytes += send(claims, Topics.CLAIMS, new ClaimRecorded(ClaimRecorded.SCHEMA_VERSION, claim.id(),
                            Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 60L + k), claim));
                }
                bytes += send(claims, Topics.CLAIMS, new ArticleProcessed(ArticleProcessed.SCHEMA_VERSION,
                        Ids.processedEventId(article.id(), 1, "1.0"), Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 60L + 30),
                        article.id(), 1, new Claim.Extractor("claimtrail-attribution", "1.0"), CLAIMS_PER_ARTICLE,
                        ArticleProcessed.EXTRACTED, null));
                if ((i + 1) % ARTICLES_PER_TRANSACTION == 0) {
                    claims.commitTransaction();
                    claims.beginTransaction();
                }
            }
            claims.commitTransaction();
            plain.flush();
        }
        return bytes;
    }

    private static long send(KafkaProducer<String, String> producer, String topic, Event event) {
        String json = EventCodec.toJson(event);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.articleId(), json);
        CloudEvents.headers(event, "/claimtrail/rebuild-benchmark", Instant.EPOCH).forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        producer.send(record);
        return json.length();
    }

    private static ArticleSnapshot article(int i, Random random) {
        StringBuilder text = new StringBuilder();
        while (text.length() < 2400) {
            text.append(sentence(random, 12 + random.nextInt(14))).append(' ');
        }
        String externalId = "bench-" + i;
        LocalDate published = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(6 * 365));
        return new ArticleSnapshot(Ids.articleId("external:" + externalId), 1, externalId,
                "https://news.example/" + externalId, "Report " + i + ": " + sentence(random, 6),
                "Outlet " + random.nextInt(40), published.toString(), "en", text.toString(),
                Ids.sha256Hex(text.toString()));
    }

    private static Claim claim(ArticleSnapshot article, int k, Random random) {
        String text = article.text();
        int at = Math.min(text.length() - 200, k * 280);
        String content = sentence(random, 8 + random.nextInt(14));
        Claim.Source source;
        int kind = random.nextInt(10);
        String person = person(skewed(random, PEOPLE));
        if (kind < 6) {
            source = new Claim.Source(person, Claim.Source.PERSON, ROLES[random.nextInt(ROLES.length)],
                    random.nextInt(5) < 2 ? body(skewed(random, 400)) : null, new Claim.Span(person, at, at + person.length()));
        } else if (kind < 9) {
            String org = body(skewed(random, 400));
            source = new Claim.Source(org, Claim.Source.ORGANISATION, null, null, new Claim.Span(org, at, at + org.length()));
        } else {
            source = new Claim.Source("unnamed source", Claim.Source.UNNAMED, null, null, new Claim.Span("officials", at, at + 9));
        }
        String cue = CUES[random.nextInt(CUES.length)];
        int cueStart = at + 40;
        int contentStart = at + 50;
        Claim.Span contentSpan = new Claim.Span(content, contentStart, contentStart + content.length());
        List<Claim.Subject> subjects = new ArrayList<>();
        for (int s = random.nextInt(3); s > 0; s--) {
            String org = body(skewed(random, 400));
            subjects.add(new Claim.Subject("ORG-" + org.replace(' ', '-').toUpperCase(), org));
        }
        List<Claim.Quantity> quantities = new ArrayList<>();
        if (random.nextInt(10) < 3) {
            long value = (1 + random.nextInt(200)) * 50L;
            String unit = UNITS[random.nextInt(UNITS.length)];
            quantities.add(new Claim.Quantity(BigDecimal.valueOf(value), null, random.nextBoolean() ? "about" : null,
                    unit, null, value + " " + unit));
        }
        List<Claim.Location> locations = new ArrayList<>();
        for (int l = random.nextInt(3); l > 0; l--) {
            locations.add(new Claim.Location(PLACES[random.nextInt(PLACES.length)], null, null));
        }
        Claim.ClaimedAt claimedAt = null;
        int dated = random.nextInt(10);
        LocalDate published = LocalDate.parse(article.publishedAt());
        if (dated < 6) {
            claimedAt = new Claim.ClaimedAt(published.minusDays(random.nextInt(3)).toString(), Claim.ClaimedAt.DAY);
        } else if (dated < 8) {
            claimedAt = new Claim.ClaimedAt(published.toString().substring(0, 7), Claim.ClaimedAt.MONTH);
        }
        String id = Ids.claimId(article.id(), 1, "1.0", at, at + person.length(), cueStart, cueStart + cue.length(),
                contentSpan.start(), contentSpan.end());
        return new Claim(id, Claim.ATTRIBUTED,
                new Claim.ArticleRef(article.id(), 1, article.externalId(), article.outlet(), article.url(), article.publishedAt()),
                new Claim.Extractor("claimtrail-attribution", "1.0"), source,
                new Claim.Cue(cue, cue.equals("told") ? "tell" : cue.replaceAll("ed$|d$", ""), cueStart, cueStart + cue.length()),
                cue.equals("denied") ? Claim.DENIES : Claim.ASSERTS, random.nextInt(4) == 0, contentSpan,
                new Claim.Span(person + " " + cue + " that " + content + ".", at, contentSpan.end() + 1),
                subjects, quantities, locations, claimedAt, List.of());
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                s.append(' ');
            }
            if (random.nextInt(12) == 0) {
                s.append(PLACES[random.nextInt(PLACES.length)]);
            } else {
                s.append(WORDS[random.nextInt(WORDS.length)]);
            }
        }
        return s.toString();
    }
}
