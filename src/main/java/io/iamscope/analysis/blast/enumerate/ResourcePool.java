package io.iamscope.analysis.blast.enumerate;

import io.iamscope.catalog.Action;
import io.iamscope.catalog.ActionResource;
import io.iamscope.catalog.ArnFormat;
import io.iamscope.catalog.Catalog;
import io.iamscope.catalog.ResourceType;
import io.iamscope.policy.Arn;
import io.iamscope.eval.TrustActions;
import io.iamscope.access.TargetUniverse;
import io.iamscope.access.TargetFacts;
import io.iamscope.access.Targets;
import io.iamscope.model.Account;
import io.iamscope.model.Principal;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.model.SnapshotIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The concrete resources of a snapshot an action can be evaluated against: its resource records, its users,
 * groups, roles, managed policies and instance profiles (IAM actions act on those), and for each S3 bucket its
 * objects as {@code bucket/*}. Indexed by the ARN's service and, per action, cached, so that the catalog's
 * ARN formats are tested once per action and not once per principal.
 */
final class ResourcePool {
    private final Catalog catalog;
    private final Map<String, List<String>> byService = new HashMap<>();
    private final Map<Integer, List<String>> byAction = new ConcurrentHashMap<>();
    private final Map<String, List<Action>> byResource = new ConcurrentHashMap<>();
    private final Map<String, List<Action>> trustByRole = new ConcurrentHashMap<>();
    private final Map<String, Map<ResourceType, BitSet>> typeIndex = new ConcurrentHashMap<>();
    private final Map<Integer, Targets<String>> targets = new ConcurrentHashMap<>();
    /** Target lists by identity: {@link #forAction} gives actions with the same resource types one list. */
    private final Map<List<String>, Targets<String>> byList =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    /** Resource lists by (resource types, acts on objects): most actions share theirs with many others. */
    private final Map<List<Object>, List<String>> byTypes = new ConcurrentHashMap<>();
    private final TargetFacts facts;
    private final TargetUniverse universe;
    /** Every ARN of the lists, whatever the action. */
    private final Set<String> all;
    private volatile Map<String, List<ResourceType>> types;
    /** The catalog's trust actions ({@link TrustActions}) that act on a resource. */
    private final List<Action> stsTrustActions;

    ResourcePool(SnapshotIndex index, Catalog catalog, TargetFacts facts) {
        this.catalog = catalog;
        this.facts = facts;
        Set<String> arns = new LinkedHashSet<>();
        for (Account a : index.snapshot().accounts()) {
            for (Resource r : a.resources()) {
                arns.add(r.arn());
                if ("s3".equals(Arn.serviceOf(r.arn())) && !r.arn().contains("/")) {
                    // Object actions (s3:GetObject) act on objects; the bucket's policy governs them all.
                    arns.add(r.arn() + "/*");
                }
            }
            addPrincipals(a.users(), arns);
            addPrincipals(a.groups(), arns);
            addPrincipals(a.roles(), arns);
            for (Role r : a.roles()) {
                r.instanceProfiles().forEach(p -> arns.add(p.arn()));
            }
            a.policies().forEach(p -> arns.add(p.arn()));
        }
        this.universe = TargetUniverse.of(List.copyOf(arns));
        this.all = Set.copyOf(arns);
        this.stsTrustActions = catalog.service("sts").map(s -> s.actions()).orElse(List.of()).stream()
                .filter(a -> TrustActions.contains(a.fullName()) && !a.resources().isEmpty()).toList();
        for (String arn : arns) {
            String service = Arn.serviceOf(arn);
            if (service != null) {
                byService.computeIfAbsent(service, k -> new ArrayList<>()).add(arn);
            }
        }
    }

    private static void addPrincipals(List<? extends Principal> principals, Set<String> into) {
        principals.forEach(p -> into.add(p.arn()));
    }

    /**
     * {@link #forAction} as graph targets, so that resources the principal's policies cannot tell apart are
     * decided together ({@link io.iamscope.access.AccessChecker#forEachAllowed}); built once per action.
     */
    Targets<String> targetsFor(Action action) {
        // Many actions act on the same resources (every iam:*Role* action on the roles): one list for them all.
        return targets.computeIfAbsent(action.id(), id -> byList.computeIfAbsent(forAction(action),
                list -> new Targets<>(list, arn -> arn, facts, universe)));
    }

    /** Whether {@code arn} is in the list of any action: if not, no {@link #forAction} holds it. */
    boolean holds(String arn) {
        return all.contains(arn);
    }

    /** How many distinct target lists are built so far. */
    int targetLists() {
        return byList.size();
    }

    /** The snapshot's resources the action applies to (by the catalog's ARN formats). */
    List<String> forAction(Action action) {
        return byAction.computeIfAbsent(action.id(), id -> {
            List<Object> key = new ArrayList<>();
            action.resources().forEach(r -> key.add(r.type()));
            key.add(actsOnObjects(action));
            return byTypes.computeIfAbsent(key, k -> compute(action));
        });
    }

    /**
     * The actions of the catalog that apply to one resource of the snapshot: those of its service, and STS's
     * for a role (sts:AssumeRole acts on IAM roles).
     */
    List<Action> actionsOn(String arn) {
        return byResource.computeIfAbsent(arn, a -> {
            List<Action> out = new ArrayList<>();
            ArnFormat.Split split = ArnFormat.parse(a); // once, for the hundreds of actions of its service
            Set<String> services = new LinkedHashSet<>();
            services.add(Arn.serviceOf(a));
            if (a.contains(":role/")) {
                services.add("sts");
            }
            for (String service : services) {
                for (Action action : catalog.service(service).map(s -> s.actions()).orElse(List.of())) {
                    if (!action.resources().isEmpty() && catalog.appliesTo(action, split)
                            && (!isObjects(a) || actsOnObjects(action))) {
                        out.add(action);
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    /** The trust actions ({@link TrustActions}) that apply to a role of the snapshot. */
    List<Action> trustActionsOn(String arn) {
        return trustByRole.computeIfAbsent(arn, this::trustActions);
    }

    private List<Action> trustActions(String arn) {
        List<Action> out = new ArrayList<>();
        for (Action action : stsTrustActions) {
            if (catalog.appliesTo(action, arn)) {
                out.add(action);
            }
        }
        return List.copyOf(out);
    }

    /** The {@code bucket/*} stand-in for a bucket's objects. */
    private static boolean isObjects(String arn) {
        return arn.startsWith("arn:aws:s3:::") && arn.endsWith("/*");
    }

    /** The bucket ARN format also fits {@code bucket/*}; only object actions should see the objects. */
    private static boolean actsOnObjects(Action action) {
        return action.resources().stream().anyMatch(r -> r.type().name().equals("object"));
    }

    private List<String> compute(Action action) {
        if (action.resources().isEmpty()) {
            return List.of();
        }
        // A resource type's ARN may live in another service than the action (sts:AssumeRole acts on IAM roles).
        Set<String> services = new LinkedHashSet<>();
        for (ActionResource r : action.resources()) {
            String service = Arn.serviceOf(r.type().arnFormat());
            if (service != null) {
                services.add(service);
            }
        }
        List<String> out = new ArrayList<>();
        for (String service : services) {
            List<String> arns = byService.getOrDefault(service, List.of());
            Map<ResourceType, BitSet> fitting = typeIndex(service, arns);
            BitSet any = new BitSet(arns.size());
            for (ActionResource r : action.resources()) {
                BitSet b = fitting.get(r.type());
                if (b != null) {
                    any.or(b);
                }
            }
            // Only S3 holds bucket/* stand-ins, and only object actions see them.
            boolean keepObjects = !"s3".equals(service) || actsOnObjects(action);
            for (int i = any.nextSetBit(0); i >= 0; i = any.nextSetBit(i + 1)) {
                String arn = arns.get(i);
                if (keepObjects || !isObjects(arn)) {
                    out.add(arn);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * For one service's ARNs, the positions each resource type's ARN format fits ({@link Catalog#appliesTo}),
     * matched once per ARN and type rather than once per (action, ARN).
     */
    private Map<ResourceType, BitSet> typeIndex(String service, List<String> arns) {
        return typeIndex.computeIfAbsent(service, k -> {
            Map<ResourceType, BitSet> out = new java.util.IdentityHashMap<>();
            List<ResourceType> types = typesByArnService().getOrDefault(service, List.of());
            types.forEach(t -> out.put(t, new BitSet(arns.size())));
            // A type whose resource starts with a literal word and separator (`role/`) can only fit an ARN whose
            // resource starts with that word: IAM's dozen types are each tried on their own ARNs, not on all.
            Map<String, List<ResourceType>> byWord = new HashMap<>();
            List<ResourceType> anyWord = new ArrayList<>();
            for (ResourceType t : types) {
                String prefix = t.pattern().resourcePrefix();
                int sep = firstSeparator(prefix);
                if (sep < 0) {
                    anyWord.add(t);
                } else {
                    byWord.computeIfAbsent(prefix.substring(0, sep), w -> new ArrayList<>()).add(t);
                }
            }
            for (int i = 0; i < arns.size(); i++) {
                String resource = Arn.resourceOf(arns.get(i));
                List<ResourceType> worded = List.of();
                if (resource != null) {
                    int sep = firstSeparator(resource);
                    worded = byWord.getOrDefault(
                            (sep < 0 ? resource : resource.substring(0, sep)).toLowerCase(Locale.ROOT), List.of());
                }
                if (worded.isEmpty() && anyWord.isEmpty()) {
                    continue;
                }
                ArnFormat.Split arn = ArnFormat.parse(arns.get(i)); // once per ARN, not per type
                for (List<ResourceType> candidates : List.of(worded, anyWord)) {
                    for (ResourceType t : candidates) {
                        if (t.matches(arn)) {
                            out.get(t).set(i);
                        }
                    }
                }
            }
            return out;
        });
    }

    private static int firstSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '/' || s.charAt(i) == ':') {
                return i;
            }
        }
        return -1;
    }

    /** Every resource type of the catalog by the service of its ARN format (IAM's role type for STS actions). */
    private Map<String, List<ResourceType>> typesByArnService() {
        Map<String, List<ResourceType>> t = types;
        if (t == null) {
            t = new HashMap<>();
            for (io.iamscope.catalog.Service s : catalog.services()) {
                for (ResourceType r : s.resourceTypes()) {
                    String service = Arn.serviceOf(r.arnFormat());
                    if (service != null) {
                        t.computeIfAbsent(service, k -> new ArrayList<>()).add(r);
                    }
                }
            }
            types = t;
        }
        return t;
    }
}
