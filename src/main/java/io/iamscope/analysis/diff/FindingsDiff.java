package io.iamscope.analysis.diff;

import io.iamscope.analysis.findings.Affected;
import io.iamscope.analysis.findings.Category;
import io.iamscope.analysis.findings.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Two reviews compared by finding id (code, subject, key: {@link Finding#id()}). The ranking of what would hurt most
 * if stolen is left out: it is an order, and a change anywhere moves it.
 */
public final class FindingsDiff {
    private FindingsDiff() {
    }

    /**
     * Findings introduced and widened (most urgent first), then resolved. A finding about principals (those that
     * can escalate through a statement) is new only for the principals no finding of its code concerned before:
     * the same principals escalating through another statement (a policy rewritten) is not a new finding, and is
     * not resolved either; nor is one whose principals another finding of its family still concerns.
     */
    public static List<FindingChange> between(List<Finding> before, List<Finding> after) {
        Map<String, Finding> was = byId(before);
        Map<String, Finding> is = byId(after);
        Set<String> affectedBefore = affected(was.values(), Finding::code);
        // A finding about a principal is not resolved while another of its family still concerns it (one that could
        // take over a role and can now become admin through it has an escalation finding instead of a takeover one).
        Set<String> affectedAfter = affected(is.values(), Finding::category);
        List<FindingChange> added = new ArrayList<>();
        List<FindingChange> resolved = new ArrayList<>();
        for (Finding f : is.values()) {
            Finding old = was.get(f.id());
            Set<String> had = old == null ? Set.of()
                    : old.affected().stream().map(Affected::arn).collect(java.util.stream.Collectors.toSet());
            List<String> newly = f.affected().stream().map(Affected::arn)
                    .filter(a -> old == null ? !affectedBefore.contains(f.code() + " " + a) : !had.contains(a))
                    .toList();
            if (old == null && (f.affected().isEmpty() || !newly.isEmpty())) {
                added.add(new FindingChange(ChangeKind.ADDED, f, newly));
            } else if (old != null && !newly.isEmpty()) {
                added.add(new FindingChange(ChangeKind.CHANGED, f, newly));
            }
        }
        for (Finding f : was.values()) {
            boolean stillAffects = !f.affected().isEmpty() && f.affected().stream()
                    .allMatch(a -> affectedAfter.contains(f.category() + " " + a.arn()));
            if (!is.containsKey(f.id()) && !stillAffects) {
                resolved.add(new FindingChange(ChangeKind.REMOVED, f, List.of()));
            }
        }
        Comparator<FindingChange> order = Comparator.comparing(FindingChange::finding, Finding.ORDER);
        added.sort(order);
        resolved.sort(order);
        List<FindingChange> out = new ArrayList<>(added);
        out.addAll(resolved);
        return List.copyOf(out);
    }

    /** {@code KEY arn} for every principal a finding concerns, the key being its code or its family. */
    private static Set<String> affected(java.util.Collection<Finding> findings, Function<Finding, Object> key) {
        Set<String> out = new java.util.HashSet<>();
        findings.forEach(f -> f.affected().forEach(a -> out.add(key.apply(f) + " " + a.arn())));
        return out;
    }

    private static Map<String, Finding> byId(List<Finding> findings) {
        Map<String, Finding> m = new LinkedHashMap<>();
        findings.stream().filter(f -> f.category() != Category.BLAST_RADIUS).forEach(f -> m.putIfAbsent(f.id(), f));
        return m;
    }
}
