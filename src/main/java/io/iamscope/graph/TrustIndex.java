package io.iamscope.graph;

import io.iamscope.model.Role;
import io.iamscope.policy.Effect;
import io.iamscope.policy.PrincipalSpec;
import io.iamscope.policy.PrincipalType;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Roles indexed by the principals their trust policies name in an Allow, so that assume edges are evaluated
 * only for candidate pairs (design: "index trust policies by principal so assume edges are not an N² loop").
 * A candidate is only a candidate: the engine decides, with conditions, denies and the caller's side.
 */
public final class TrustIndex {
    private final Map<String, Set<Role>> byArn = new LinkedHashMap<>();
    private final Map<String, Set<Role>> byAccount = new LinkedHashMap<>();
    private final Map<String, Set<Role>> byService = new LinkedHashMap<>();
    private final Map<String, Set<Role>> byProvider = new LinkedHashMap<>();
    private final Set<Role> anyone = new LinkedHashSet<>();
    /** Per account, the roles trusting the account or anyone: the same for every principal of the account. */
    private final Map<String, List<Role>> byAccountOrAnyone = new java.util.concurrent.ConcurrentHashMap<>();

    public TrustIndex(List<Role> roles) {
        for (Role r : roles) {
            if (r.trustPolicy() == null) {
                continue;
            }
            for (Statement s : r.trustPolicy().statements()) {
                if (s.effect() == Effect.ALLOW && s.principal() != null) {
                    add(r, s.principal());
                }
            }
        }
    }

    private void add(Role r, PrincipalSpec p) {
        // NotPrincipal in an Allow grants to everyone but the listed: treat it as naming anyone.
        if (p.anyone() || p.negated()) {
            anyone.add(r);
            return;
        }
        for (String v : p.of(PrincipalType.AWS)) {
            if ("*".equals(v)) {
                anyone.add(r);
            } else if (v.matches("\\d{12}")) {
                put(byAccount, v, r);
            } else if (v.startsWith("arn:") && v.endsWith(":root")) {
                put(byAccount, io.iamscope.policy.Arn.accountOf(v), r);
            } else {
                put(byArn, v, r);
            }
        }
        p.of(PrincipalType.SERVICE).forEach(v -> put(byService, v, r));
        p.of(PrincipalType.FEDERATED).forEach(v -> put(byProvider, v, r));
    }

    private static void put(Map<String, Set<Role>> map, String key, Role r) {
        map.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(r);
    }

    /**
     * Roles a principal of the account might assume whatever its ARN: those trusting the account (id or root)
     * or anyone. The same list for every principal of the account.
     */
    public List<Role> sharedCandidates(String account) {
        return byAccountOrAnyone.computeIfAbsent(account == null ? "" : account, k -> {
            Set<Role> out = new LinkedHashSet<>(byAccount.getOrDefault(account, Set.of()));
            out.addAll(anyone);
            return List.copyOf(out);
        });
    }

    /** Roles whose trust policy names this exact ARN in an Allow. */
    public Set<Role> naming(String arn) {
        return byArn.getOrDefault(arn, Set.of());
    }

    /** Roles whose trust names the account (id or root): an account-wide delegation. */
    public Set<Role> delegatedTo(String account) {
        return byAccount.getOrDefault(account, Set.of());
    }

    public Map<String, Set<Role>> byAccount() {
        return byAccount;
    }

    public Map<String, Set<Role>> byService() {
        return byService;
    }

    public Map<String, Set<Role>> byProvider() {
        return byProvider;
    }

    public Set<Role> anyone() {
        return anyone;
    }

    /** Roles that trust a service principal, in one account (a role is passed within its own account). */
    public List<Role> trusting(String service, String account) {
        List<Role> out = new ArrayList<>();
        for (Role r : byService.getOrDefault(service, Set.of())) {
            if (r.accountId().equals(account)) {
                out.add(r);
            }
        }
        return out;
    }
}
