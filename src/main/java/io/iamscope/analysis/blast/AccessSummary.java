package io.iamscope.analysis.blast;

import io.iamscope.analysis.blast.enumerate.Allowed;
import io.iamscope.analysis.Hop;
import io.iamscope.analysis.blast.enumerate.Subject;
import io.iamscope.catalog.Action;
import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import io.iamscope.catalog.Tactic;
import io.iamscope.catalog.TacticRule;
import io.iamscope.catalog.Tactics;
import io.iamscope.policy.Arn;
import io.iamscope.eval.StatementRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Folds what each principal may do into per-action access (who can, where, definite or not), grouped by
 * service and by tactic. A principal reached through a conditional path grants only conditionally.
 */
record AccessSummary(List<ServiceAccess> services, List<TacticAccess> tactics, List<ResourceSet> sets) {

    /**
     * @param accountOf the account owning a resource ({@link io.iamscope.model.SnapshotIndex#accountOf}: an S3
     *                  ARN names none)
     * @param threads   how many cores may assemble the actions' entries
     */
    static AccessSummary of(Catalog catalog, Tactics tactics, Map<String, Subject> subjects,
                            Map<String, List<Allowed>> allowed, java.util.function.UnaryOperator<String> accountOf,
                            int threads) {
        // action id -> resource (an ARN or pattern, or a SetKey: a key no policy text can collide with) ->
        // grantors, in subject order (the start first, then nearest first).
        @SuppressWarnings("unchecked") // by action id: an array, where a sorted map compared boxed ids per entry
        Map<Object, List<Grantor>>[] byAction = new Map[catalog.size()];
        Map<Object, Boolean> concrete = new HashMap<>();
        Map<StatementRef, String> described = new HashMap<>();
        // Sets by members, so that equal classes from different actions and principals are one set.
        Map<List<String>, ResourceSet> sets = new LinkedHashMap<>();
        Map<SetKey, ResourceSet> byKey = new HashMap<>();
        Map<List<String>, ResourceSet> byList = new java.util.IdentityHashMap<>();
        allowed.forEach((arn, list) -> {
            Subject s = subjects.get(arn);
            boolean pathConditional = s.pathConditional();
            for (Allowed a : list) {
                List<String> keys = a.conditionKeys();
                if (pathConditional) {
                    Set<String> all = new LinkedHashSet<>(keys);
                    all.addAll(Hop.keys(s.path()));
                    keys = List.copyOf(all);
                }
                boolean conditional = a.conditional() || pathConditional;
                String statement = a.statement() == null ? null
                        : described.computeIfAbsent(a.statement(), StatementRef::describe);
                Object resource = a.resource();
                if (a.members() != null) {
                    // Enumerations share member lists: most lookups are found by identity, without hashing them.
                    ResourceSet set = byList.computeIfAbsent(a.members(),
                            l -> sets.computeIfAbsent(l, m -> newSet(m, sets.size() + 1, accountOf)));
                    SetKey key = new SetKey(set.id());
                    byKey.putIfAbsent(key, set);
                    resource = key;
                }
                Map<Object, List<Grantor>> resources = byAction[a.actionId()];
                if (resources == null) {
                    resources = new LinkedHashMap<>();
                    byAction[a.actionId()] = resources;
                }
                resources.computeIfAbsent(resource, k -> new ArrayList<>())
                        .add(new Grantor(arn, conditional, keys, statement));
                concrete.putIfAbsent(resource, a.concrete());
            }
        });
        // Each action's entry is built from its own lists alone: tens of thousands of them, on every core.
        int[] ids = IntStream.range(0, byAction.length).filter(id -> byAction[id] != null).toArray();
        ActionAccess[] built = new ActionAccess[ids.length];
        IntStream range = IntStream.range(0, built.length);
        (threads > 1 ? range.parallel() : range).forEach(i -> built[i] =
                action(catalog.action(ids[i]), byAction[ids[i]], byKey, concrete));
        Map<Integer, ActionAccess> actions = new LinkedHashMap<>();
        for (int i = 0; i < built.length; i++) {
            actions.put(ids[i], built[i]);
        }
        return new AccessSummary(services(catalog, actions), tactics(catalog, tactics, actions),
                List.copyOf(sets.values()));
    }

    /** One action's resources, each with its grantors, in the order a responder reads them. */
    private static ActionAccess action(Action action, Map<Object, List<Grantor>> resources,
                                       Map<SetKey, ResourceSet> byKey, Map<Object, Boolean> concrete) {
        List<Ordered> list = new ArrayList<>(resources.size());
        resources.forEach((resource, grantors) -> {
            definiteFirst(grantors);
            ResourceSet set = resource instanceof SetKey k ? byKey.get(k) : null;
            list.add(new Ordered(new ResourceAccess(set == null ? (String) resource : set.id(),
                    concrete.get(resource), grantors, set)));
        });
        list.sort(Ordered.ORDER);
        List<ResourceAccess> sorted = new ArrayList<>(list.size());
        list.forEach(o -> sorted.add(o.access));
        return new ActionAccess(action.fullName(), action.accessLevel(), sorted);
    }

    /** Definite grantors before conditional ones, each in its order; in place (this summary built the list). */
    private static void definiteFirst(List<Grantor> grantors) {
        boolean seenConditional = false;
        for (Grantor g : grantors) {
            if (g.conditional()) {
                seenConditional = true;
            } else if (seenConditional) {
                grantors.sort(Comparator.comparing(Grantor::conditional)); // stable
                return;
            }
        }
    }

    /**
     * A resource's entry with its sort keys, each computed once: concrete resources first, sets (largest first)
     * before single ones, definite before conditional, then by ARN. Tens of thousands of short lists are
     * sorted: compared on primitives, without a chain of boxing comparators.
     */
    private static final class Ordered {
        static final Comparator<Ordered> ORDER = (a, b) -> a.concrete != b.concrete ? (a.concrete ? -1 : 1)
                : a.count != b.count ? Integer.compare(b.count, a.count)
                : a.conditional != b.conditional ? (a.conditional ? 1 : -1)
                : a.access.resource().compareTo(b.access.resource());

        final ResourceAccess access;
        final boolean concrete;
        final int count;
        final boolean conditional;

        Ordered(ResourceAccess access) {
            this.access = access;
            this.concrete = access.concrete();
            this.count = access.count();
            this.conditional = access.conditional();
        }
    }

    /** A resource set's id as a map key, of another type than the ARNs and patterns beside it. */
    private record SetKey(String id) {
    }

    /**
     * A set of resources of one account, service and type (a class never spans two): read from its first ARN.
     * An S3 ARN names neither account nor type: the bucket's owner, and {@code bucket} or {@code object}.
     */
    private static ResourceSet newSet(List<String> members, int n,
                                      java.util.function.UnaryOperator<String> accountOf) {
        String first = members.get(0);
        String type;
        if (first.startsWith("arn:aws:s3:::")) {
            type = first.indexOf('/') > 0 ? "object" : "bucket";
        } else {
            String resource = Arn.resourceOf(first);
            int end = 0;
            while (resource != null && end < resource.length() && resource.charAt(end) != '/'
                    && resource.charAt(end) != ':') {
                end++;
            }
            type = resource == null ? "" : resource.substring(0, end);
        }
        return new ResourceSet("set-" + n, accountOf.apply(first), Arn.serviceOf(first), type, members);
    }

    private static List<ServiceAccess> services(Catalog catalog, Map<Integer, ActionAccess> actions) {
        Map<String, List<ActionAccess>> byService = new TreeMap<>();
        actions.forEach((id, a) -> byService.computeIfAbsent(catalog.action(id).service(), k -> new ArrayList<>()).add(a));
        List<ServiceAccess> out = new ArrayList<>();
        byService.forEach((prefix, list) -> {
            list.sort(Comparator.comparing(ActionAccess::accessLevel).thenComparing(ActionAccess::action));
            String name = catalog.service(prefix).map(s -> s.name()).orElse(prefix);
            out.add(new ServiceAccess(prefix, name, list));
        });
        return out;
    }

    private static List<TacticAccess> tactics(Catalog catalog, Tactics tactics, Map<Integer, ActionAccess> actions) {
        ActionSet.Builder b = new ActionSet.Builder(catalog.size());
        actions.keySet().forEach(b::add);
        ActionSet reached = b.build();
        List<TacticAccess> out = new ArrayList<>();
        for (Map.Entry<Tactic, ActionSet> e : tactics.group(reached).entrySet()) {
            List<ActionAccess> list = new ArrayList<>();
            Map<ActionAccess, Integer> rank = new java.util.IdentityHashMap<>();
            e.getValue().forEach(id -> {
                list.add(actions.get(id));
                rank.put(actions.get(id), tactics.rank(e.getKey(), id));
            });
            // What a responder acts on first leads the section (the tactic's rules are written in that order:
            // stopping CloudTrail before detaching an SCP), definite before conditional within a rule.
            list.sort(Comparator.comparing((ActionAccess a) -> rank.get(a)).thenComparing(ActionAccess::conditional)
                    .thenComparing(ActionAccess::action));
            Set<String> why = new LinkedHashSet<>();
            for (TacticRule r : tactics.rules()) {
                if (r.tactic() == e.getKey() && !r.actions().intersect(e.getValue()).isEmpty()) {
                    why.add(r.why());
                }
            }
            out.add(new TacticAccess(e.getKey(), List.copyOf(why), list));
        }
        return out;
    }
}
