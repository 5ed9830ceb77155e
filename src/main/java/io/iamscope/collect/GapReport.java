package io.iamscope.collect;

import io.iamscope.model.Gap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Groups gaps into a few lines for the end-of-run report: one line per account, operation and error, with
 * how many calls failed, in which regions, and one example message.
 */
public final class GapReport {
    private GapReport() {
    }

    private record Key(String account, String service, String operation, String errorCode) {
    }

    /** The report lines, most frequent first within each account; empty when there are no gaps. */
    public static List<String> lines(CollectResult result) {
        Map<Key, List<Gap>> groups = new LinkedHashMap<>();
        for (CollectResult.AccountSummary a : result.accounts()) {
            for (Gap g : a.gaps()) {
                groups.computeIfAbsent(new Key(a.accountId(), g.service(), g.operation(), g.errorCode()),
                        k -> new ArrayList<>()).add(g);
            }
        }
        List<String> out = new ArrayList<>();
        groups.forEach((k, gaps) -> {
            TreeSet<String> regions = new TreeSet<>();
            gaps.forEach(g -> {
                if (g.region() != null) {
                    regions.add(g.region());
                }
            });
            String where = regions.isEmpty() ? "" : " in " + String.join(", ", regions);
            String calls = gaps.size() == 1 ? "1 call" : gaps.size() + " calls";
            out.add(k.account() + " " + k.service() + ":" + k.operation() + " " + k.errorCode() + ": " + calls
                    + where + ": " + gaps.get(0).message());
        });
        return out;
    }
}
