package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.access.Inventory;
import io.iamscope.access.TagKeysRead;
import io.iamscope.access.Targets;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.model.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A technique on existing resources made possible by changing the resource's tags first: its actions are refused
 * as the resource is tagged (an Allow asks for {@code aws:ResourceTag/env = dev}, a Deny names
 * {@code env = prod}), and the attacker may tag or untag that resource with its service's own actions
 * ({@code ec2:CreateTags}/{@code ec2:DeleteTags} on an instance, {@code lambda:TagResource}/{@code UntagResource} on
 * a function...; Service Authorization Reference). Only tag keys some policy reads are tried ({@link TagKeysRead}),
 * one request each ({@link TagRequests}); on the resources where one is allowed, the keys the attacker may change
 * become unknown, in every form a policy reads them ({@code aws:ResourceTag/KEY}, {@code ssm:resourceTag/KEY}...),
 * and the technique's steps are asked again on those resources, so what depends on them is conditional. Resources
 * the technique reaches definitely as they are are left to it. Checks on other ARNs (an ECS task's cluster) keep
 * their tags: only the resource itself is retagged.
 */
final class TagThenResourceRole implements Technique, Retagging {
    private final ResourceRoleTechnique inner;
    private final String tagAction;
    private final String untagAction;
    private final TechniqueInfo info;

    /**
     * @param inner       the technique on existing resources
     * @param tagAction   its resources' service action adding tags
     * @param untagAction the one removing them
     */
    TagThenResourceRole(ResourceRoleTechnique inner, String tagAction, String untagAction) {
        this.inner = inner;
        this.tagAction = tagAction;
        this.untagAction = untagAction;
        TechniqueInfo of = inner.info();
        this.info = new TechniqueInfo("tag-then-" + of.id(), tagAction + " or " + untagAction + ", then " + of.title(),
                "change the tags of the resource so that an attribute-based condition lets it " + of.summary(),
                of.requiredActions(), TargetKind.ROLE, of.yields(), List.of(Refs.COMPOSED));
    }

    @Override
    public TechniqueInfo info() {
        return info;
    }

    @Override
    public boolean grantableByResourcePolicy() {
        return inner.grantableByResourcePolicy();
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        AccessChecker c = ctx.checker();
        Inventory inv = ctx.inventory();
        boolean tag = c.mentions(a, tagAction) || inv.resourcePolicyMayAllow(tagAction);
        boolean untag = c.mentions(a, untagAction) || inv.resourcePolicyMayAllow(untagAction);
        TagKeysRead read = inv.tagKeysRead();
        Targets<Resource> targets = inner.targets(ctx);
        if (!(tag || untag) || read.resourceKeys().isEmpty() || targets.size() == 0) {
            return;
        }
        Map<String, Change> changes = changes(a, ctx, targets, read.resourceKeys(), tag, untag);
        if (changes.isEmpty()) {
            return;
        }
        Set<String> had = reachedAsItIs(a, ctx, targets);
        // One changed attacker per set of keys (most resources share one), its requests on those resources only.
        Map<List<String>, Set<String>> groups = new LinkedHashMap<>();
        changes.forEach((arn, ch) -> {
            if (!had.contains(arn)) {
                groups.computeIfAbsent(ch.keys(), k -> new HashSet<>()).add(arn);
            }
        });
        String first = inner.actions().get(0);
        groups.forEach((keys, arns) -> {
            Set<String> unknown = new LinkedHashSet<>();
            keys.forEach(k -> unknown.addAll(read.resourceConditionKeys(k)));
            Actor t = c.withUnknown(a, unknown);
            c.forEachAllowed(t, first, targets, c.contextOf(t), r -> !arns.contains(r.arn()), (r, e) -> {
                Steps s = new Steps();
                changes.get(r.arn()).evidence().forEach(s::allow);
                s.allow(e);
                return !(inner.rest(t, a, ctx, r, s) && ResourceRoleTechnique.report(a, ctx, r, s, info.id(), out));
            });
        });
    }

    /** The keys the attacker may change on one resource, and the evidence of each request. */
    private record Change(List<String> keys, List<Evidence> evidence) {
    }

    /** Per resource ARN (in target order), the tag keys policies read that the attacker may set or remove on it. */
    private Map<String, Change> changes(Actor a, TechniqueContext ctx, Targets<Resource> targets, List<String> keys,
                                        boolean tag, boolean untag) {
        AccessChecker c = ctx.checker();
        Map<String, List<String>> keysOf = new LinkedHashMap<>();
        Map<String, List<Evidence>> evidenceOf = new LinkedHashMap<>();
        for (String key : keys) {
            if (tag) {
                c.forEachAllowed(a, tagAction, targets, TagRequests.context(c, a, key, false), (r, e) -> {
                    keysOf.computeIfAbsent(r.arn(), k -> new ArrayList<>()).add(key);
                    evidenceOf.computeIfAbsent(r.arn(), k -> new ArrayList<>()).add(e);
                    return true;
                });
            }
            if (untag) {
                c.forEachAllowed(a, untagAction, targets, TagRequests.context(c, a, key, true), (r, e) -> {
                    List<String> known = keysOf.computeIfAbsent(r.arn(), k -> new ArrayList<>());
                    // Removing a tag the resource does not hold changes nothing (unknown tags: it may hold it).
                    if (!known.contains(key) && (r.tags() == null || holds(r, key))) {
                        known.add(key);
                        evidenceOf.computeIfAbsent(r.arn(), k -> new ArrayList<>()).add(e);
                    }
                    return true;
                });
            }
        }
        Map<String, Change> out = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            String arn = targets.arn(i);
            List<String> changed = keysOf.get(arn);
            if (changed != null && !changed.isEmpty()) {
                out.put(arn, new Change(changed.stream().sorted().toList(), evidenceOf.get(arn)));
            }
        }
        return out;
    }

    private static boolean holds(Resource r, String key) {
        return r.tags().keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key));
    }

    /** The resources the technique reaches definitely without any change of tags: its own edges. */
    private Set<String> reachedAsItIs(Actor a, TechniqueContext ctx, Targets<Resource> targets) {
        Set<String> had = new HashSet<>();
        ctx.checker().forEachAllowed(a, inner.actions().get(0), targets, (r, first) -> {
            Steps s = new Steps();
            s.allow(first);
            if (inner.rest(a, a, ctx, r, s) && s.evidence().stream().noneMatch(Evidence::conditional)) {
                had.add(r.arn());
            }
            return true;
        });
        return had;
    }
}
