package io.iamscope.report;

import io.iamscope.analysis.blast.ActionAccess;
import io.iamscope.analysis.blast.Grantor;
import io.iamscope.analysis.blast.ResourceAccess;
import io.iamscope.analysis.blast.ServiceAccess;
import io.iamscope.policy.Arn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The access an attacker holds outside the accounts it controls. In a controlled account it can do whatever
 * the account's SCPs allow, so listing its services tells a responder nothing; what principals of other
 * accounts grant is what it reached beyond.
 */
final class BeyondControl {
    private BeyondControl() {
    }

    /** The services, each with only what principals outside {@code controlled} grant; services left empty go. */
    static List<ServiceAccess> services(List<ServiceAccess> services, Set<String> controlled) {
        List<ServiceAccess> out = new ArrayList<>();
        for (ServiceAccess s : services) {
            List<ActionAccess> actions = new ArrayList<>();
            for (ActionAccess a : s.actions()) {
                List<ResourceAccess> resources = new ArrayList<>();
                for (ResourceAccess r : a.resources()) {
                    List<Grantor> outside = r.grantedBy().stream()
                            .filter(g -> !controlled.contains(Arn.accountOf(g.principal()))).toList();
                    if (!outside.isEmpty()) {
                        resources.add(new ResourceAccess(r.resource(), r.concrete(), outside, r.set()));
                    }
                }
                if (!resources.isEmpty()) {
                    actions.add(new ActionAccess(a.action(), a.accessLevel(), resources));
                }
            }
            if (!actions.isEmpty()) {
                out.add(new ServiceAccess(s.prefix(), s.name(), actions));
            }
        }
        return out;
    }
}
