package io.iamscope.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An AWS Organization: its tree (roots, OUs, accounts linked by parent id), its SCPs and RCPs, and for every
 * account the levels from the root down to the account with the policies attached at each, resolved once.
 *
 * @param delegatedAdministrators the member accounts registered as a delegated administrator (for any service,
 *                                as {@code organizations:ListDelegatedAdministrators} lists them), or null when
 *                                that list was not collected: then whether a member is one is unknown
 */
public record Organization(String id, String managementAccountId, List<OrgNode> roots,
                           List<OrgNode> organizationalUnits, List<OrgAccount> accounts, List<OrgPolicy> policies,
                           Map<String, List<OrgLevel>> levelsByAccount, Set<String> delegatedAdministrators) {

    public Organization {
        roots = List.copyOf(roots);
        organizationalUnits = List.copyOf(organizationalUnits);
        accounts = List.copyOf(accounts);
        policies = List.copyOf(policies);
        levelsByAccount = Map.copyOf(levelsByAccount);
        delegatedAdministrators = delegatedAdministrators == null ? null : Set.copyOf(delegatedAdministrators);
    }

    /** Builds an organization whose delegated administrators are not known. */
    public static Organization of(String id, String managementAccountId, List<OrgNode> roots,
                                  List<OrgNode> organizationalUnits, List<OrgAccount> accounts,
                                  List<OrgPolicy> policies) {
        return of(id, managementAccountId, roots, organizationalUnits, accounts, policies, null);
    }

    /** Builds an organization and resolves each account's path and policy chain. */
    public static Organization of(String id, String managementAccountId, List<OrgNode> roots,
                                  List<OrgNode> organizationalUnits, List<OrgAccount> accounts,
                                  List<OrgPolicy> policies, Set<String> delegatedAdministrators) {
        Map<String, OrgNode> nodes = new HashMap<>();
        roots.forEach(r -> nodes.put(r.id(), r));
        organizationalUnits.forEach(o -> nodes.put(o.id(), o));
        Map<String, List<OrgPolicy>> byTarget = new HashMap<>();
        for (OrgPolicy p : policies) {
            for (String t : p.targets()) {
                byTarget.computeIfAbsent(t, k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, List<OrgLevel>> levels = new HashMap<>();
        for (OrgAccount a : accounts) {
            List<OrgLevel> path = new ArrayList<>();
            path.add(level(a.id(), a.name(), byTarget));
            Set<String> seen = new HashSet<>();
            String parent = a.parentId();
            while (parent != null) {
                if (!seen.add(parent)) {
                    throw new ModelException("ORG_CYCLE", "the parents of account `" + a.id() + "` form a cycle at `"
                            + parent + "`");
                }
                OrgNode node = nodes.get(parent);
                if (node == null) {
                    throw new ModelException("ORG_UNKNOWN_PARENT", "account or OU parent `" + parent
                            + "` of account `" + a.id() + "` is not a root or OU of the organization");
                }
                path.add(level(node.id(), node.name(), byTarget));
                parent = node.parentId();
            }
            Collections.reverse(path);
            levels.put(a.id(), List.copyOf(path));
        }
        return new Organization(id, managementAccountId, roots, organizationalUnits, accounts, policies, levels,
                delegatedAdministrators);
    }

    private static OrgLevel level(String target, String name, Map<String, List<OrgPolicy>> byTarget) {
        List<OrgPolicy> attached = byTarget.getOrDefault(target, List.of());
        return new OrgLevel(target, name,
                attached.stream().filter(p -> p.type() == OrgPolicyType.SERVICE_CONTROL_POLICY).toList(),
                attached.stream().filter(p -> p.type() == OrgPolicyType.RESOURCE_CONTROL_POLICY).toList());
    }

    /** The levels root-first for a member account, or null when the account is not in this organization. */
    public List<OrgLevel> levels(String accountId) {
        return levelsByAccount.get(accountId);
    }

    public boolean isManagementAccount(String accountId) {
        return accountId != null && accountId.equals(managementAccountId);
    }

    /**
     * Whether a member account is registered as a delegated administrator: {@code TRUE} or {@code FALSE} when the
     * list was collected, null when it was not (then nobody can say).
     */
    public Boolean isDelegatedAdministrator(String accountId) {
        return delegatedAdministrators == null ? null : delegatedAdministrators.contains(accountId);
    }

    /**
     * The value of {@code aws:PrincipalOrgPaths} / {@code aws:ResourceOrgPaths} for an account:
     * {@code o-id/r-id/ou-id/.../} (IAM User Guide: AWS global condition context keys).
     */
    public String orgPath(String accountId) {
        List<OrgLevel> path = levels(accountId);
        if (path == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(id).append('/');
        for (int i = 0; i < path.size() - 1; i++) {
            sb.append(path.get(i).targetId()).append('/');
        }
        return sb.toString();
    }
}
