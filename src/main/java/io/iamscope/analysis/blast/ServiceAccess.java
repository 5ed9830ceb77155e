package io.iamscope.analysis.blast;

import io.iamscope.catalog.AccessLevel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The reachable actions of one service, sorted by access level then name. */
public record ServiceAccess(String prefix, String name, List<ActionAccess> actions) {
    public ServiceAccess {
        actions = List.copyOf(actions);
    }

    /** How many actions of each access level, in the catalog's level order. */
    public Map<AccessLevel, Integer> accessLevels() {
        Map<AccessLevel, Integer> out = new EnumMap<>(AccessLevel.class);
        actions.forEach(a -> out.merge(a.accessLevel(), 1, Integer::sum));
        return out;
    }

    public long definiteCount() {
        return actions.stream().filter(a -> !a.conditional()).count();
    }
}
