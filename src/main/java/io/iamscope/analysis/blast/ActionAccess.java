package io.iamscope.analysis.blast;

import io.iamscope.catalog.AccessLevel;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One action some reachable principal can perform, where and by whom. Concrete resources come first. */
public record ActionAccess(String action, AccessLevel accessLevel, List<ResourceAccess> resources) {
    public ActionAccess {
        resources = List.copyOf(resources);
    }

    /** Conditional when no resource scope is definite. */
    public boolean conditional() {
        for (ResourceAccess r : resources) {
            if (!r.conditional()) {
                return false;
            }
        }
        return true;
    }

    /** Every principal that can perform it somewhere, sorted. */
    public Set<String> principals() {
        Set<String> out = new TreeSet<>();
        resources.forEach(r -> r.grantedBy().forEach(g -> out.add(g.principal())));
        return out;
    }
}
