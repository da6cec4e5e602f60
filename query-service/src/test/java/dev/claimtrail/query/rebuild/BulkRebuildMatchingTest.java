package dev.claimtrail.query.rebuild;

import dev.claimtrail.events.ClaimRecorded;
import dev.claimtrail.query.bench.SyntheticNews;
import dev.claimtrail.query.served.ServedClaim;
import dev.claimtrail.query.served.SourceIdentity;
import dev.claimtrail.query.stories.StoryComponents;
import dev.claimtrail.query.stories.StoryMatcher;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk rebuild's link search prunes by time (a sweep over each blocking key's claims in window order)
 * and matches on slimmed profiles of the claims. Both must be invisible: the links are those of comparing
 * every pair of claims that share a blocking key, as full claims, and so are the stories cut from them.
 */
class BulkRebuildMatchingTest {

    static final int UNDATED_WINDOW_DAYS = 90;
    final StoryMatcher matcher = new StoryMatcher(3, 0.6, 3);

    @Test
    void theSweepFindsExactlyTheLinksOfComparingEveryPairThatSharesAKey() {
        List<ServedClaim> claims = corpus(2_500);
        BulkRebuild bulk = new BulkRebuild(matcher, UNDATED_WINDOW_DAYS);
        claims.forEach(bulk::serve);

        Set<String> expected = new TreeSet<>();
        List<StoryComponents.Link> expectedLinks = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            for (int j = i + 1; j < claims.size(); j++) {
                ServedClaim a = claims.get(i);
                ServedClaim b = claims.get(j);
                if (Collections.disjoint(a.blockingKeys(), b.blockingKeys())) {
                    continue; // never compared live: no served_term 'match' row in common
                }
                StoryMatcher.Basis basis = matcher.match(a, b);
                if (basis != null) {
                    String lo = a.id().compareTo(b.id()) < 0 ? a.id() : b.id();
                    String hi = lo.equals(a.id()) ? b.id() : a.id();
                    expected.add(lo + " " + hi + " " + basis.name());
                    expectedLinks.add(new StoryComponents.Link(lo, hi));
                }
            }
        }
        List<BulkRebuild.StoryLink> links = bulk.links();
        Set<String> found = new TreeSet<>();
        links.forEach(l -> assertTrue(found.add(l.a() + " " + l.b() + " " + l.basis()), "each link once: " + l));
        assertTrue(expected.size() >= 50, "the corpus forms stories: " + expected.size() + " links");
        assertEquals(expected, found);

        Map<String, String> expectedStories = byDefinition(claims, expectedLinks);
        assertEquals(expectedStories, new TreeMap<>(StoryComponents.stories(claims, expectedLinks, matcher)),
                "the indexed story cutting is the one by definition");
        Map<String, String> stories = new TreeMap<>(BulkRebuild.storyOf(bulk.stories(links)));
        assertEquals(expectedStories, stories);
        assertTrue(new HashSet<>(stories.values()).size() >= 20, "stories formed: " + stories.size());
    }

    /**
     * StoryComponents.stories as its documentation states it, scanning every claim of the group for each
     * seed (quadratic in the group's size, which is why the real one indexes).
     */
    private Map<String, String> byDefinition(List<ServedClaim> members, List<StoryComponents.Link> links) {
        Map<String, ServedClaim> byId = new HashMap<>();
        members.forEach(m -> byId.put(m.id(), m));
        Map<String, Set<String>> linked = new HashMap<>();
        for (StoryComponents.Link link : links) {
            linked.computeIfAbsent(link.a(), k -> new HashSet<>()).add(link.b());
            linked.computeIfAbsent(link.b(), k -> new HashSet<>()).add(link.a());
        }
        Comparator<ServedClaim> reportOrder = Comparator
                .comparing(ServedClaim::publishedDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ServedClaim::articleId).thenComparing(ServedClaim::id);
        Map<String, String> storyOf = new TreeMap<>();
        for (List<String> group : StoryComponents.groups(StoryComponents.of(byId.keySet(), links)).values()) {
            List<ServedClaim> order = group.stream().map(byId::get).sorted(reportOrder).toList();
            Set<String> placed = new HashSet<>();
            for (ServedClaim seed : order) {
                if (placed.contains(seed.id())) {
                    continue;
                }
                List<ServedClaim> report = new ArrayList<>();
                for (ServedClaim c : order) {
                    if (!placed.contains(c.id()) && c.articleId().equals(seed.articleId())
                            && (c == seed || (SourceIdentity.same(seed.claim().source(), c.claim().source())
                            && matcher.overlapInTime(seed, c)))) {
                        report.add(c);
                    }
                }
                List<ServedClaim> story = new ArrayList<>(report);
                for (ServedClaim c : order) {
                    if (placed.contains(c.id()) || c.articleId().equals(seed.articleId())) {
                        continue;
                    }
                    Set<String> neighbours = linked.getOrDefault(c.id(), Set.of());
                    if (report.stream().anyMatch(r -> neighbours.contains(r.id()))
                            && story.stream().allMatch(m -> matcher.overlapInTime(c, m))) {
                        story.add(c);
                    }
                }
                if (story.stream().map(ServedClaim::articleId).distinct().count() < 2) {
                    placed.add(seed.id());
                    continue;
                }
                String id = story.stream().map(ServedClaim::id).min(Comparator.naturalOrder()).orElseThrow();
                for (ServedClaim m : story) {
                    placed.add(m.id());
                    storyOf.put(m.id(), id);
                }
            }
        }
        return storyOf;
    }

    private static List<ServedClaim> corpus(long claims) {
        List<ServedClaim> out = new ArrayList<>();
        new SyntheticNews(7, 1_000_000).generate(claims, article -> {
            for (ClaimRecorded recorded : article.claims()) {
                out.add(ServedClaim.of(recorded.claim(), UNDATED_WINDOW_DAYS));
            }
        });
        return out;
    }
}
