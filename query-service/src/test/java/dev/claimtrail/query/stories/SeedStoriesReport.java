package dev.claimtrail.query.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimtrail.events.Claim;
import dev.claimtrail.events.EventCodec;
import dev.claimtrail.query.conflicts.ConflictQueryService;
import dev.claimtrail.query.served.ServedClaim;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measurement, not a check: runs the story matcher's pure logic over a dump of /api/claims (ndjson) and
 * writes the same claims with their storyId, for shared/eval/score.py. Runs only when asked:
 * {@code -Dclaimtrail.seeds.claims=IN.ndjson -Dclaimtrail.seeds.out=OUT.ndjson}.
 */
class SeedStoriesReport {

    @Test
    void clusterTheDump() throws IOException {
        String in = System.getProperty("claimtrail.seeds.claims");
        String out = System.getProperty("claimtrail.seeds.out");
        Assumptions.assumeTrue(in != null && out != null, "no dump given");
        List<ObjectNode> lines = new ArrayList<>();
        List<ServedClaim> served = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(in))) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode node = (ObjectNode) EventCodec.mapper().readTree(line);
            lines.add(node);
            Claim claim = EventCodec.mapper().treeToValue(node, Claim.class);
            served.add(ServedClaim.of(claim, 90));
        }
        // the defaults of application.properties (claimtrail.views.*)
        StoryMatcher matcher = new StoryMatcher(3, 0.6, 3);
        List<StoryComponents.Link> links = new ArrayList<>();
        for (int i = 0; i < served.size(); i++) {
            for (int j = i + 1; j < served.size(); j++) {
                StoryMatcher.Basis basis = matcher.match(served.get(i), served.get(j));
                if (basis != null) {
                    links.add(new StoryComponents.Link(served.get(i).id(), served.get(j).id()));
                    System.out.printf("LINK %s %s | %s: %s || %s: %s%n", basis,
                            served.get(i).claim().article().externalId(), served.get(i).claim().source().name(),
                            served.get(i).claim().content().text(),
                            served.get(j).claim().article().externalId(), served.get(j).claim().content().text());
                }
            }
        }
        Map<String, String> storyOf = StoryComponents.stories(served, links, matcher);
        StringBuilder text = new StringBuilder();
        for (ObjectNode node : lines) {
            JsonNode id = node.get("id");
            node.put("storyId", storyOf.get(id.asText()));
            text.append(node).append('\n');
        }
        Files.writeString(Path.of(out), text);

        List<ConflictQueryService.FigureReport> figures = new ArrayList<>();
        for (ServedClaim c : served) {
            for (ServedClaim.Figure f : c.figures()) {
                figures.add(new ConflictQueryService.FigureReport(f.subject(), f.quantity().value(),
                        f.quantity().qualifier(), f.quantity().unit(), f.quantity().text(), storyOf.get(c.id()),
                        c.claim()));
            }
        }
        for (ConflictQueryService.Conflict conflict : ConflictQueryService.among(figures)) {
            System.out.printf("CONFLICT %s %s:%n", conflict.subject(), conflict.value());
            conflict.attributions().forEach(a -> System.out.printf("   %s: %s%n", a.source(),
                    a.reports().stream().map(r -> r.externalId() + " " + r.qualifier() + " story=" + r.storyId()).toList()));
        }
    }
}
