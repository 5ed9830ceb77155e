package io.iamscope.eval.compile;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Layer;
import io.iamscope.eval.PolicySet;
import io.iamscope.policy.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link PolicySet} with every policy compiled: the shared {@link CompiledCallerSide} plus the resource side
 * (resource policy and RCPs), whose few statements are gathered per request.
 */
public final class CompiledPolicySet {
    private final CompiledCallerSide caller;
    private final List<CompiledPolicy> rcps;
    private final CompiledPolicy resource;
    private final List<Diagnostic> diagnostics;
    private final List<Diagnostic> errors;

    public CompiledPolicySet(PolicySet set, CompiledCallerSide caller, PolicyCompiler compiler) {
        this.caller = caller;
        List<Diagnostic> resourceSide = new ArrayList<>(0);
        if (set.rcps() == null) {
            this.rcps = null;
        } else {
            List<CompiledPolicy> all = new ArrayList<>();
            for (int i = 0; i < set.rcps().size(); i++) {
                for (AttachedPolicy p : set.rcps().get(i)) {
                    all.add(track(compiler.compile(p, Layer.RCP, i), resourceSide));
                }
            }
            this.rcps = all;
        }
        this.resource = set.resourcePolicy() == null ? null
                : track(compiler.compile(set.resourcePolicy(), Layer.RESOURCE, -1), resourceSide);
        // Built per (principal, resource): share the caller side's lists unless the resource side adds to them.
        if (resourceSide.isEmpty()) {
            this.diagnostics = caller.diagnostics();
            this.errors = caller.errors();
        } else {
            List<Diagnostic> all = new ArrayList<>(caller.diagnostics());
            all.addAll(resourceSide);
            this.diagnostics = List.copyOf(all);
            this.errors = errorsOf(all);
        }
    }

    static List<Diagnostic> errorsOf(List<Diagnostic> diagnostics) {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    }

    private static CompiledPolicy track(CompiledPolicy p, List<Diagnostic> into) {
        into.addAll(p.diagnostics());
        return p;
    }

    /** The ERROR diagnostics of the set: statements that cannot be fully evaluated. */
    public List<Diagnostic> errors() {
        return errors;
    }

    /** Every diagnostic of every policy in the set. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The statements that name the action, per layer. */
    public Candidates candidates(String action) {
        Candidates c = caller.candidates(action);
        if (rcps == null && resource == null) {
            return c;
        }
        String lower = action.toLowerCase(Locale.ROOT);
        String service = CompiledPolicy.serviceOf(lower);
        return c.withResourceSide(rcps == null ? null : CompiledPolicy.gather(rcps, lower, service),
                resource == null ? null : CompiledPolicy.gather(List.of(resource), lower, service));
    }
}
