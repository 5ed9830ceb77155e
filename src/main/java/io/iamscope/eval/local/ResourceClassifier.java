package io.iamscope.eval.local;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.ResourceClasses;
import io.iamscope.eval.compile.Candidates;
import io.iamscope.eval.compile.CompiledStatement;
import io.iamscope.eval.match.ArnList;
import io.iamscope.policy.ConditionClause;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Splits a list of resources into the {@link ResourceClasses} one compiled policy set cannot tell apart for one
 * action: every candidate statement (every layer) matches all or none of a class.
 */
final class ResourceClassifier {
    private ResourceClassifier() {
    }


    static ResourceClasses of(Candidates c, RequestContext context, ArnList list) {
        int n = list.size();
        List<BitSet> classes = new ArrayList<>();
        BitSet all = new BitSet(n);
        all.set(0, n);
        classes.add(all);
        BitSet individual = new BitSet(n);
        boolean reads = false;
        for (CompiledStatement[] layer : layers(c)) {
            for (CompiledStatement s : layer) {
                reads |= readsResourceKeys(s);
                if (readsResourceKeysInResource(s)) {
                    // A Resource pattern that names the resource's own tags or account cannot be matched once for
                    // all: decide every resource on its own.
                    individual.set(0, n);
                    return new ResourceClasses(List.of(), individual, true);
                }
                BitSet yes = new BitSet(n);
                BitSet unknown = new BitSet(n);
                s.resources().matchAll(list, context, yes, unknown);
                individual.or(unknown);
                classes = split(classes, yes);
            }
        }
        List<BitSet> out = new ArrayList<>(classes.size());
        for (BitSet cls : classes) {
            cls.andNot(individual);
            if (!cls.isEmpty()) {
                out.add(cls);
            }
        }
        return new ResourceClasses(List.copyOf(out), individual, reads);
    }

    /**
     * These classes cut further so that no class holds both positions of one of {@code groups} and others: for
     * what the engine reads off the ARN itself, beyond the statements' patterns (resources AWS protects).
     */
    static ResourceClasses apart(ResourceClasses rc, List<BitSet> groups) {
        List<BitSet> out = rc.classes();
        for (BitSet group : groups) {
            out = split(out, group);
        }
        return out == rc.classes() ? rc : new ResourceClasses(List.copyOf(out), rc.individual(), rc.readsResourceKeys());
    }

    private static List<BitSet> split(List<BitSet> classes, BitSet yes) {
        List<BitSet> out = new ArrayList<>(classes.size() + 1);
        for (BitSet cls : classes) {
            BitSet in = (BitSet) cls.clone();
            in.and(yes);
            if (in.isEmpty() || in.equals(cls)) {
                out.add(cls);
                continue;
            }
            cls.andNot(yes);
            out.add(in);
            out.add(cls);
        }
        return out;
    }

    private static List<CompiledStatement[]> layers(Candidates c) {
        List<CompiledStatement[]> out = new ArrayList<>(6);
        add(out, c.identity());
        add(out, c.boundary());
        add(out, c.session());
        if (c.scpLevels() != null) {
            for (CompiledStatement[] level : c.scpLevels()) {
                add(out, level);
            }
        }
        add(out, c.rcp());
        add(out, c.resource());
        return out;
    }

    private static void add(List<CompiledStatement[]> out, CompiledStatement[] layer) {
        if (layer != null) {
            out.add(layer);
        }
    }

    private static boolean readsResourceKeys(CompiledStatement s) {
        for (ConditionClause clause : s.source().conditions()) {
            if (resourceDerived(clause.key())) {
                return true;
            }
            for (String v : clause.values()) {
                if (v.contains("${")) {
                    return true; // a variable in a condition value: assume it may name a resource key
                }
            }
        }
        return false;
    }

    private static boolean readsResourceKeysInResource(CompiledStatement s) {
        for (String key : s.resources().variableKeys()) {
            if (resourceDerived(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keys whose value the request takes from the resource: its tags, account, organization and region
     * (IAM User Guide: AWS global condition context keys, "Properties of the resource").
     */
    static boolean resourceDerived(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.startsWith("aws:resource") || k.equals("aws:requestedregion") || k.contains(":resourcetag/");
    }
}
