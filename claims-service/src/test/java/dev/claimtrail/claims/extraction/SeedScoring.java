package dev.claimtrail.claims.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimtrail.events.ArticleSnapshot;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.Ids;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the extractor over the seed articles and writes the predictions as NDJSON in the scorer's
 * shape ({@code shared/eval/README.md}). The publication date given to each article is the feed
 * metadata the gold file records for it ({@code published_at.value}); nothing else is read from
 * the gold.
 *
 * <pre>
 * cd /work/main && ./mvnw -B -o -q -pl claims-service test-compile exec:java ... (see BENCHMARKS.md)
 * </pre>
 * Arguments: seedsDir goldFile out.ndjson
 */
public final class SeedScoring {

    public static void main(String[] args) throws IOException {
        Path seeds = Path.of(args.length > 0 ? args[0] : "../shared/seeds");
        Path gold = Path.of(args.length > 1 ? args[1] : "../shared/eval/seeds.gold.json");
        Path out = Path.of(args.length > 2 ? args[2] : "/tmp/core-preds.ndjson");
        ObjectMapper json = new ObjectMapper();
        Map<String, String> published = new HashMap<>();
        for (JsonNode a : json.readTree(gold.toFile()).get("articles")) {
            JsonNode p = a.path("published_at").path("value");
            published.put(a.get("id").asText(), p.isMissingNode() || p.isNull() ? null : p.asText());
        }
        CoreNlpClaimExtractor extractor = new CoreNlpClaimExtractor();
        List<Path> files;
        try (Stream<Path> s = Files.list(seeds)) {
            files = s.filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.txt")).sorted().toList();
        }
        int total = 0;
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String text = Files.readString(f, StandardCharsets.UTF_8);
                ArticleSnapshot article = new ArticleSnapshot(Ids.articleId("external:" + name), 1, name, null, null, null,
                        published.get(name), "en", text, Ids.sha256Hex(text));
                for (Claim c : extractor.extract(article)) {
                    w.write(json.writeValueAsString(toJson(json, name, c)));
                    w.write('\n');
                    total++;
                }
            }
        }
        System.out.println("wrote " + total + " claims from " + files.size() + " articles to " + out);
    }

    static ObjectNode toJson(ObjectMapper json, String articleId, Claim c) {
        ObjectNode o = json.createObjectNode();
        o.put("id", c.id());
        o.put("articleId", articleId);
        o.put("kind", c.kind());
        ObjectNode src = o.putObject("source");
        src.put("name", c.source().name());
        src.put("type", c.source().type());
        src.put("role", c.source().role());
        src.put("organisation", c.source().organisation());
        if (c.source().mention() != null) {
            src.put("mention", c.source().mention().text());
        }
        ObjectNode cue = o.putObject("cue");
        cue.put("text", c.cue().text());
        cue.put("lemma", c.cue().lemma());
        o.put("stance", c.stance());
        o.put("direct", c.direct());
        ObjectNode content = o.putObject("content");
        content.put("text", c.content().text());
        content.put("start", c.content().start());
        content.put("end", c.content().end());
        ObjectNode ev = o.putObject("evidence");
        ev.put("text", c.evidence().text());
        ev.put("start", c.evidence().start());
        ev.put("end", c.evidence().end());
        ArrayNode subjects = o.putArray("subjects");
        c.subjects().forEach(s -> subjects.addObject().put("id", s.id()).put("alias", s.alias()));
        ArrayNode qs = o.putArray("quantities");
        for (Claim.Quantity q : c.quantities()) {
            ObjectNode qn = qs.addObject();
            qn.put("value", q.value());
            qn.put("qualifier", q.qualifier());
            qn.put("unit", q.unit());
            qn.put("of", q.of());
        }
        ArrayNode locs = o.putArray("locations");
        c.locations().forEach(l -> locs.addObject().put("name", l.name()));
        if (c.claimedAt() != null) {
            o.putObject("claimedAt").put("value", c.claimedAt().value()).put("precision", c.claimedAt().precision());
        } else {
            o.putNull("claimedAt");
        }
        ArrayNode via = o.putArray("via");
        c.via().forEach(v -> via.addObject().put("name", v));
        return o;
    }
}
