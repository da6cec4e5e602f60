package dev.claimtrail.query.stories;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stories from links: each connected group of two or more linked claims is one story, named by its
 * smallest claim id. A function of the sets alone, so it is the same however the links were found.
 */
public final class StoryComponents {

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
