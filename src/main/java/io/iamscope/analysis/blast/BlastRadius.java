package io.iamscope.analysis.blast;

import io.iamscope.analysis.Hop;
import io.iamscope.analysis.hunt.HuntTarget;
import io.iamscope.analysis.hunt.HuntingQuery;
import java.util.List;
import java.util.Map;

/**
 * What an attacker holding the start principal can reach: whether it is or can become an administrator,
 * every principal it can act as (with a path), what those can do per service and per incident-response
 * tactic, and the CloudTrail queries to see what they did. Definite and conditional access are kept apart,
 * and conditional access is never dropped.
 *
 * @param profile          the attacker profile's name
 * @param adminEquivalent  whether the start itself is admin-equivalent
 * @param adminHow         how the start makes itself an administrator (a technique id), or empty when it holds
 *                         that already or cannot
 * @param canReachAdmin    whether it is or can become one (through a path)
 * @param adminConditional whether that depends on unknown keys
 * @param adminPath        the shortest path to an administrator (empty when the start is one, or none)
 * @param adminVia         the administrator reached, or null
 * @param reachable        every principal it can act as, itself excluded, nearest first
 * @param principalsEvaluated the principals whose permissions were enumerated (the start and reachable users
 *                         and roles of the snapshot)
 * @param resourceSets     the sets of resources the services' entries refer to by id ({@link ResourceSet})
 * @param notes            what the answer could not cover (principals outside the snapshot, roots)
 * @param accountLabels    account id to {@code alias (id)} for the start's account and every reachable one
 * @param credentials      the access keys and roles of the start and of what it reaches, with their last use
 * @param gaps             the collection gaps that could change the answer ({@link io.iamscope.analysis.GapsInPlay})
 */
public record BlastRadius(Start start, String profile, boolean adminEquivalent, String adminHow, boolean canReachAdmin,
                          boolean adminConditional, List<Hop> adminPath, String adminVia, List<Reachable> reachable,
                          List<String> principalsEvaluated, List<TacticAccess> tactics, List<ServiceAccess> services,
                          List<ResourceSet> resourceSets, List<HuntTarget> huntTargets,
                          List<HuntingQuery> huntingQueries, List<String> notes, Map<String, String> accountLabels,
                          List<CredentialUse> credentials, List<io.iamscope.model.Gap> gaps) {
    public BlastRadius {
        resourceSets = List.copyOf(resourceSets);
        adminPath = List.copyOf(adminPath);
        reachable = List.copyOf(reachable);
        principalsEvaluated = List.copyOf(principalsEvaluated);
        tactics = List.copyOf(tactics);
        services = List.copyOf(services);
        huntTargets = List.copyOf(huntTargets);
        huntingQueries = List.copyOf(huntingQueries);
        notes = List.copyOf(notes);
        accountLabels = Map.copyOf(accountLabels);
        credentials = List.copyOf(credentials);
        gaps = List.copyOf(gaps);
    }

    /** {@code acme-dev (333333333333)}, or the id alone. */
    public String accountLabel(String accountId) {
        return accountId == null ? "" : accountLabels.getOrDefault(accountId, accountId);
    }
}
