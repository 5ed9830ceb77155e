package io.iamscope.analysis.trail;

import io.iamscope.catalog.Tactic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attacker's calls of one ATT&amp;CK tactic: when they began and ended, how many, and which actions (first called
 * first). A report lists them by their first call, which reads as the attack's phases.
 *
 * @param tactic null for calls whose tactic is not known
 */
public record TacticUse(Tactic tactic, Instant first, Instant last, long calls, long denied, List<String> actions) {
    public TacticUse {
        actions = List.copyOf(actions);
    }

    /** The actions grouped by tactic, by first call (then tactic order; unknown last at equal times). */
    static List<TacticUse> of(List<ActionUse> actions) {
        Map<Tactic, List<ActionUse>> by = new LinkedHashMap<>();
        actions.stream().sorted(Comparator.comparing(ActionUse::first).thenComparing(ActionUse::action))
                .forEach(a -> by.computeIfAbsent(a.tactic(), t -> new ArrayList<>()).add(a));
        List<TacticUse> out = new ArrayList<>();
        by.forEach((t, list) -> out.add(new TacticUse(t, list.get(0).first(),
                list.stream().map(ActionUse::last).max(Comparator.naturalOrder()).orElseThrow(),
                list.stream().mapToLong(ActionUse::calls).sum(), list.stream().mapToLong(ActionUse::denied).sum(),
                list.stream().map(ActionUse::action).toList())));
        out.sort(Comparator.comparing(TacticUse::first).thenComparing(u -> u.tactic() == null ? Integer.MAX_VALUE
                : u.tactic().ordinal()));
        return out;
    }
}
