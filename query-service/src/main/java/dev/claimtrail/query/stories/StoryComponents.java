package dev.claimtrail.query.stories;

import dev.claimtrail.query.served.ServedClaim;
import dev.claimtrail.query.served.SourceIdentity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stories from links. {@link #of} gives the connected groups of linked claims; {@link #stories} cuts
 * them into stories that a chain of links cannot stretch (see there). Either is a function of the sets
 * of claims and links alone, so it is the same however and in whatever order the links were found.
 * A story is named by its smallest claim id.
 */
public final class StoryComponents {

    /**
     * Report order, from the claims alone: publication date (undated last), then article and claim id.
     * The first report of a linked group seeds its story.
     */
    static final Comparator<ServedClaim> REPORT_ORDER = Comparator
            .comparing(ServedClaim::publishedDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ServedClaim::articleId)
            .thenComparing(ServedClaim::id);

    /** A link between two claims. */
    public record Link(String a, String b) {
    }

    private StoryComponents() {
    }

    /** Story id of every member in a story of two or more; claims in no story are absent. */
    public static Map<String, String> of(Collection<String> members, Collection<Link> links) {
        Map<String, String> parent = new HashMap<>();
        members.forEach(m -> parent.put(m, m));
        for (Link link : links) {
            if (parent.containsKey(link.a()) && parent.containsKey(link.b())) {
                union(parent, link.a(), link.b());
            }
        }
        Map<String, TreeSet<String>> groups = new TreeMap<>();
        for (String m : members) {
            groups.computeIfAbsent(find(parent, m), k -> new TreeSet<>()).add(m);
        }
        Map<String, String> storyOf = new TreeMap<>();
        for (TreeSet<String> group : groups.values()) {
            if (group.size() > 1) {
                String id = group.first();
                group.forEach(m -> storyOf.put(m, id));
            }
        }
        return storyOf;
    }

    /**
     * Stories guarded against chains. Links are pairwise, and A~B~C does not make A and C the same
     * statement: connected groups alone would merge them. So within each connected group, in report
     * order, the first claim not yet placed seeds a story with its report (the claims of its article by
     * the same speaker on the same occasion), and a claim of another article joins only when it is
     * linked to that seed report itself and its occasion overlaps every member's. A claim linked only
     * to a later report of the story stays out of it (and may seed or join another). A group that
     * ends up in one article is no story. Claims in no story are absent from the result.
     */
    public static Map<String, String> stories(Collection<ServedClaim> members, Collection<Link> links,
                                              StoryMatcher matcher) {
        Map<String, ServedClaim> byId = new HashMap<>();
        members.forEach(m -> byId.put(m.id(), m));
        Map<String, Set<String>> linked = new HashMap<>();
        for (Link link : links) {
            if (byId.containsKey(link.a()) && byId.containsKey(link.b())) {
                linked.computeIfAbsent(link.a(), k -> new HashSet<>()).add(link.b());
                linked.computeIfAbsent(link.b(), k -> new HashSet<>()).add(link.a());
            }
        }
        Map<String, String> storyOf = new TreeMap<>();
        for (List<String> group : groups(of(byId.keySet(), links)).values()) {
            List<ServedClaim> order = group.stream().map(byId::get).sorted(REPORT_ORDER).toList();
            // Indexes, so that a group of many thousands of linked claims (a much-quoted speaker) is cut in
            // time proportional to its links, not to its size squared: each claim's place in report order,
            // and each article's claims in that order.
            Map<String, Integer> position = new HashMap<>();
            Map<String, List<ServedClaim>> byArticle = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                position.put(order.get(i).id(), i);
                byArticle.computeIfAbsent(order.get(i).articleId(), a -> new ArrayList<>()).add(order.get(i));
            }
            Set<String> placed = new HashSet<>();
            for (ServedClaim seed : order) {
                if (placed.contains(seed.id())) {
                    continue;
                }
                List<ServedClaim> report = new ArrayList<>();
                for (ServedClaim c : byArticle.get(seed.articleId())) {
                    if (!placed.contains(c.id())
                            && (c == seed || (SourceIdentity.same(seed.claim().source(), c.claim().source())
                                && matcher.overlapInTime(seed, c)))) {
                        report.add(c);
                    }
                }
                // The claims of other articles linked to the seed report, in report order.
                TreeMap<Integer, ServedClaim> linkedToReport = new TreeMap<>();
                for (ServedClaim r : report) {
                    for (String neighbour : linked.getOrDefault(r.id(), Set.of())) {
                        ServedClaim c = byId.get(neighbour);
                        if (!placed.contains(neighbour) && !c.articleId().equals(seed.articleId())) {
                            linkedToReport.put(position.get(neighbour), c);
                        }
                    }
                }
                List<ServedClaim> story = new ArrayList<>(report);
                for (ServedClaim c : linkedToReport.values()) {
                    if (story.stream().allMatch(m -> matcher.overlapInTime(c, m))) {
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

    /** Members grouped by story id, each group sorted. */
    public static Map<String, List<String>> groups(Map<String, String> storyOf) {
        Map<String, List<String>> out = new TreeMap<>();
        storyOf.forEach((claim, story) -> out.computeIfAbsent(story, k -> new ArrayList<>()).add(claim));
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    private static String find(Map<String, String> parent, String x) {
        String root = x;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        while (!parent.get(x).equals(root)) {
            String next = parent.get(x);
            parent.put(x, root);
            x = next;
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }
}
