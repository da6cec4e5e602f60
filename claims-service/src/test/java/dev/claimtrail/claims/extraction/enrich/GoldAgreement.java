package dev.claimtrail.claims.extraction.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimtrail.events.Claim;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Isolated measurement of the enrichment finders against the seed gold ({@code /work/shared/eval/seeds.gold.json}):
 * for every gold claim the finders run on the gold content span (subjects, quantities, locations) and on the
 * sentence(s) around it (claimed_at, with the article's published_at), and agreement is computed the way
 * {@code score.py} computes it. Run: {@code java ... GoldAgreement [gold.json] [seedsDir]} or through
 * {@link GoldAgreementTest}.
 */
public final class GoldAgreement {

    public record Result(int subjectsOk, int subjectsN, int quantitiesOk, int quantitiesN, int timeOk, int timeN,
                         int nullOk, int nullN, double locationJaccard, int extraQuantities, List<String> misses,
                         int occasionOk, int occasionNullOk) {
        double occasion() {
            return timeN == 0 ? 1 : (double) occasionOk / timeN;
        }

        double subjects() {
            return subjectsN == 0 ? 1 : (double) subjectsOk / subjectsN;
        }

        double quantities() {
            return quantitiesN == 0 ? 1 : (double) quantitiesOk / quantitiesN;
        }

        double time() {
            return timeN == 0 ? 1 : (double) timeOk / timeN;
        }
    }

    public static void main(String[] args) throws IOException {
        Path gold = Path.of(args.length > 0 ? args[0] : "../../shared/eval/seeds.gold.json");
        Path seeds = Path.of(args.length > 1 ? args[1] : "../../shared/seeds");
        Result r = measure(gold, seeds, true);
        print(r);
    }

    static void print(Result r) {
        System.out.printf(Locale.ROOT, "subjects exact   %.3f (%d/%d)%n", r.subjects(), r.subjectsOk(), r.subjectsN());
        System.out.printf(Locale.ROOT, "quantities       %.3f (%d/%d), extra figures on claims without gold ones: %d%n",
                r.quantities(), r.quantitiesOk(), r.quantitiesN(), r.extraQuantities());
        System.out.printf(Locale.ROOT, "claimed_at       %.3f (%d/%d)%n", r.time(), r.timeOk(), r.timeN());
        System.out.printf(Locale.ROOT, "claimed_at null  %.3f (%d/%d) (info)%n",
                r.nullN() == 0 ? 1.0 : (double) r.nullOk() / r.nullN(), r.nullOk(), r.nullN());
        System.out.printf(Locale.ROOT, "claimed_at with occasion carry-over (OccasionDates, gold source names) %.3f "
                        + "(%d/%d), null agreed %d/%d%n", r.occasion(), r.occasionOk(), r.timeN(), r.occasionNullOk(),
                r.nullN());
        System.out.printf(Locale.ROOT, "locations        %.3f mean Jaccard (info)%n", r.locationJaccard());
    }

    static Result measure(Path goldFile, Path seedsDir, boolean verbose) throws IOException {
        JsonNode gold = new ObjectMapper().readTree(goldFile.toFile());
        EntityCatalog catalog = EntityCatalog.curated();
        QuantityFinder quantities = new QuantityFinder();
        TimeResolver times = new TimeResolver();
        LocationFinder locations = LocationFinder.curated();
        OccasionDates occasions = new OccasionDates(times);
        int oOk = 0, oNull = 0;
        int sOk = 0, sN = 0, qOk = 0, qN = 0, tOk = 0, tN = 0, nOk = 0, nN = 0, extra = 0, lN = 0;
        double lSum = 0;
        List<String> misses = new ArrayList<>();
        for (JsonNode article : gold.get("articles")) {
            String id = article.get("id").asText();
            String text = Files.readString(seedsDir.resolve(id), StandardCharsets.UTF_8);
            LocalDate published = TimeResolver.publishedDate(article.path("published_at").path("value").asText(null));
            ArticleEntities entities = ArticleEntities.analyse(text, catalog);
            List<int[]> sentences = Sentences.split(text);
            List<OccasionDates.Input> inputs = new ArrayList<>();
            for (JsonNode c : article.get("claims")) {
                int cs = c.get("content").get("start").asInt();
                int ce = c.get("content").get("end").asInt();
                int[] ev = evidence(sentences, cs, ce);
                String src = c.path("source").path("name").asText(null);
                boolean unnamed = src == null || "unnamed".equals(c.path("source").path("type").asText());
                inputs.add(new OccasionDates.Input(unnamed ? null : src, ev[0], ev[1], cs, ce));
            }
            List<Claim.ClaimedAt> carried = occasions.resolve(text, inputs, published);
            int index = -1;
            for (JsonNode c : article.get("claims")) {
                index++;
                if (c.path("optional").asBoolean(false)) {
                    continue;
                }
                String cid = id.substring(0, 3) + "#" + c.get("id").asText();
                int cs = c.get("content").get("start").asInt();
                int ce = c.get("content").get("end").asInt();
                // subjects
                List<Claim.Subject> subj = entities.subjectsIn(cs, ce);
                sN++;
                if (subjectsExact(subj, c)) {
                    sOk++;
                } else {
                    misses.add(cid + " subjects gold=" + c.get("subjects") + " opt=" + c.path("subjects_optional")
                            + " got=" + subj);
                }
                // quantities
                List<Claim.Quantity> qs = quantities.find(text, cs, ce, entities);
                if (verbose && !qs.isEmpty()) {
                    System.out.println("  " + cid + " figures " + qs);
                }
                if (c.path("quantities").size() > 0) {
                    qN++;
                    if (quantitiesOk(qs, c.get("quantities"))) {
                        qOk++;
                    } else {
                        misses.add(cid + " quantities gold=" + c.get("quantities") + " got=" + qs);
                    }
                } else if (!qs.isEmpty()) {
                    extra += qs.size();
                    misses.add(cid + " extra quantities " + qs);
                }
                // locations
                List<Claim.Location> locs = locations.find(text, cs, ce, List.of());
                double j = jaccard(locs, c.path("locations"));
                lSum += j;
                if (j < 1) {
                    List<String> names = new ArrayList<>();
                    locs.forEach(l -> names.add(l.name()));
                    misses.add(cid + " locations gold=" + c.path("locations") + " got=" + names);
                }
                lN++;
                // claimed_at, from the sentence(s) holding the content
                int[] ev = evidence(sentences, cs, ce);
                int es = ev[0], ee = ev[1];
                Claim.ClaimedAt at = times.resolve(text, es, ee, cs, ce, published);
                JsonNode g = c.get("claimed_at");
                if (g != null && !g.isNull()) {
                    tN++;
                    if (timeOk(carried.get(index), g)) {
                        oOk++;
                    } else {
                        misses.add(cid + " occasion claimed_at gold=" + g + " got=" + carried.get(index));
                    }
                    if (timeOk(at, g)) {
                        tOk++;
                    } else {
                        misses.add(cid + " claimed_at gold=" + g + " got=" + at + " | "
                                + text.substring(es, ee).replace('\n', ' '));
                    }
                } else {
                    nN++;
                    if (carried.get(index) == null) {
                        oNull++;
                    } else {
                        misses.add(cid + " occasion claimed_at gold=null got=" + carried.get(index));
                    }
                    if (at == null) {
                        nOk++;
                    } else {
                        misses.add(cid + " claimed_at gold=null got=" + at);
                    }
                }
            }
        }
        if (verbose) {
            misses.forEach(m -> System.out.println("  " + m));
        }
        return new Result(sOk, sN, qOk, qN, tOk, tN, nOk, nN, lN == 0 ? 1 : lSum / lN, extra, misses,
                oOk, oNull);
    }

    /** The sentence(s) overlapping the content: the evidence a dashboard would highlight. */
    private static int[] evidence(List<int[]> sentences, int cs, int ce) {
        int es = cs, ee = ce;
        for (int[] s : sentences) {
            if (s[1] > cs && s[0] < ce) {
                es = Math.min(es, s[0]);
                ee = Math.max(ee, s[1]);
            }
        }
        return new int[] {es, ee};
    }

    private static boolean subjectsExact(List<Claim.Subject> got, JsonNode c) {
        Set<String> pred = new HashSet<>();
        Set<String> inventory = Set.of("ISKP", "IS", "TTP", "Jamaat Ansarullah", "Al-Qaeda", "Taliban", "CSTO",
                "Jaish ul-Adl");
        for (Claim.Subject s : got) {
            if (inventory.contains(s.id())) {
                pred.add(s.id());
            }
        }
        Set<String> covered = new HashSet<>();
        int satisfied = 0, items = 0;
        for (JsonNode item : c.path("subjects")) {
            items++;
            Set<String> alts = new HashSet<>();
            if (item.isArray()) {
                item.forEach(x -> alts.add(x.asText()));
            } else {
                alts.add(item.asText());
            }
            covered.addAll(alts);
            if (alts.stream().anyMatch(pred::contains)) {
                satisfied++;
            }
        }
        c.path("subjects_optional").forEach(x -> covered.add(x.asText()));
        long extras = pred.stream().filter(p -> !covered.contains(p)).count();
        return satisfied == items && extras == 0;
    }

    private static boolean quantitiesOk(List<Claim.Quantity> got, JsonNode gold) {
        for (JsonNode g : gold) {
            BigDecimal v = new BigDecimal(g.get("value").asText());
            String q = g.get("qualifier").isNull() ? null : g.get("qualifier").asText();
            boolean found = false;
            for (Claim.Quantity p : got) {
                if (p.value() != null && p.value().compareTo(v) == 0 && java.util.Objects.equals(p.qualifier(), q)) {
                    found = true;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean timeOk(Claim.ClaimedAt at, JsonNode g) {
        if (at == null) {
            return false;
        }
        List<String> rank = List.of("year", "month", "day");
        String gp = g.get("precision").asText();
        if (rank.indexOf(at.precision()) < rank.indexOf(gp)) {
            return false;
        }
        int len = gp.equals("year") ? 4 : gp.equals("month") ? 7 : 10;
        return at.value().length() >= len && at.value().substring(0, len).equals(g.get("value").asText());
    }

    private static double jaccard(List<Claim.Location> got, JsonNode gold) {
        Set<String> p = new HashSet<>();
        got.forEach(l -> p.add(key(l.name())));
        Set<String> g = new HashSet<>();
        gold.forEach(x -> g.add(key(x.asText())));
        if (p.isEmpty() && g.isEmpty()) {
            return 1;
        }
        Set<String> inter = new HashSet<>(p);
        inter.retainAll(g);
        Set<String> union = new HashSet<>(p);
        union.addAll(g);
        return (double) inter.size() / union.size();
    }

    private static String key(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").trim();
    }
}
