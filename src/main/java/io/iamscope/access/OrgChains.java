package io.iamscope.access;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.model.OrgLevel;
import io.iamscope.model.OrgPolicy;
import io.iamscope.model.Organization;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * SCP and RCP chains of an account, as the engine takes them: one list of policies per level, root first.
 * "SCPs don't affect users or roles in the management account" and RCPs do not apply to its resources (AWS
 * Organizations User Guide: Service control policies; Resource control policies): null for it, as for an
 * account outside any organization.
 */
final class OrgChains {
    /** A chain and the names of its levels. */
    record Chain(List<List<AttachedPolicy>> levels, List<String> names) {
    }

    private OrgChains() {
    }

    static Chain scps(Organization org, String account, Function<OrgPolicy, AttachedPolicy> attach) {
        return chain(org, account, attach, OrgLevel::scps);
    }

    static Chain rcps(Organization org, String account, Function<OrgPolicy, AttachedPolicy> attach) {
        return chain(org, account, attach, OrgLevel::rcps);
    }

    private static Chain chain(Organization org, String account, Function<OrgPolicy, AttachedPolicy> attach,
                               Function<OrgLevel, List<OrgPolicy>> which) {
        if (org == null || account == null || org.isManagementAccount(account) || org.levels(account) == null) {
            return new Chain(null, List.of());
        }
        List<List<AttachedPolicy>> levels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<OrgLevel> path = org.levels(account);
        for (int i = 0; i < path.size(); i++) {
            OrgLevel level = path.get(i);
            levels.add(which.apply(level).stream().map(attach).toList());
            String kind = i == 0 ? "root" : i == path.size() - 1 ? "account" : "OU";
            names.add(kind + " `" + (level.name() == null ? level.targetId() : level.name()) + "` ("
                    + level.targetId() + ")");
        }
        return new Chain(levels, names);
    }
}
