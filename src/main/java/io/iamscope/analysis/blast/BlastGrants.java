package io.iamscope.analysis.blast;

import io.iamscope.analysis.verify.Grant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The grants a blast radius claims, one per (granting user or role, action, resource), for a second opinion. */
public final class BlastGrants {
    private BlastGrants() {
    }

    public static List<Grant> of(BlastRadius b) {
        Set<Grant> out = new LinkedHashSet<>();
        for (ServiceAccess s : b.services()) {
            for (ActionAccess a : s.actions()) {
                for (ResourceAccess r : a.resources()) {
                    for (Grantor g : r.grantedBy()) {
                        // Only IAM users and roles can be simulated as themselves.
                        if (g.principal().contains(":user/") || g.principal().contains(":role/")) {
                            out.add(new Grant(g.principal(), a.action(), r.resource(), g.conditional()));
                        }
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }
}
