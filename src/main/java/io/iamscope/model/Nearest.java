package io.iamscope.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The names closest to a mistyped one, by Levenshtein distance (case-insensitive), for "did you mean". A name
 * that contains the query, or that the query contains, counts as close, so that a short name finds its ARN.
 */
public final class Nearest {
    private Nearest() {
    }

    /** Up to {@code limit} names within a distance of about a third of the query's length, closest first. */
    public static List<String> to(String query, Collection<String> names, int limit) {
        String q = query.toLowerCase(Locale.ROOT);
        int threshold = Math.max(2, q.length() / 3);
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String name : names) {
            String n = name.toLowerCase(Locale.ROOT);
            int d = n.contains(q) || (q.contains(n) && n.length() >= 3) ? Math.abs(n.length() - q.length()) / 4
                    : distance(q, n, threshold);
            if (d <= threshold) {
                scored.add(new Scored(name, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().map(Scored::name).distinct().limit(limit).toList();
    }

    /** Levenshtein distance, stopping early (returning {@code max + 1}) once it must exceed {@code max}. */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
