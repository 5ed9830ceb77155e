package io.iamscope.eval.compile;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Layer;
import io.iamscope.eval.PolicySet;
import io.iamscope.policy.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link PolicySet} with every policy compiled, and a per-action cache of candidate statements. */
public final class CompiledPolicySet {
    private final List<CompiledPolicy> identity;
    private final CompiledPolicy boundary;
    private final List<CompiledPolicy> session;
    private final List<List<CompiledPolicy>> scps;
    private final List<CompiledPolicy> rcps;
    private final CompiledPolicy resource;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private volatile List<Diagnostic> errors;
    private final ConcurrentHashMap<String, Candidates> byAction = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Candidates> bySpelling = new ConcurrentHashMap<>();

    public CompiledPolicySet(PolicySet set, PolicyCompiler compiler) {
        this.identity = compileAll(set.identity(), Layer.IDENTITY, -1, compiler);
        this.boundary = set.boundary() == null ? null : track(compiler.compile(set.boundary(), Layer.BOUNDARY, -1));
        this.session = set.session() == null ? null : compileAll(set.session(), Layer.SESSION, -1, compiler);
        if (set.scps() == null) {
            this.scps = null;
        } else {
            List<List<CompiledPolicy>> levels = new ArrayList<>();
            for (int i = 0; i < set.scps().size(); i++) {
                levels.add(compileAll(set.scps().get(i), Layer.SCP, i, compiler));
            }
            this.scps = levels;
        }
        if (set.rcps() == null) {
            this.rcps = null;
        } else {
            List<CompiledPolicy> all = new ArrayList<>();
            for (int i = 0; i < set.rcps().size(); i++) {
                all.addAll(compileAll(set.rcps().get(i), Layer.RCP, i, compiler));
            }
            this.rcps = all;
        }
        this.resource = set.resourcePolicy() == null ? null
                : track(compiler.compile(set.resourcePolicy(), Layer.RESOURCE, -1));
    }

    private List<CompiledPolicy> compileAll(List<AttachedPolicy> policies, Layer layer, int level,
                                            PolicyCompiler compiler) {
        List<CompiledPolicy> out = new ArrayList<>();
        for (AttachedPolicy p : policies) {
            out.add(track(compiler.compile(p, layer, level)));
        }
        return out;
    }

    private CompiledPolicy track(CompiledPolicy p) {
        diagnostics.addAll(p.diagnostics());
        return p;
    }

    /** The ERROR diagnostics of the set: statements that cannot be fully evaluated. */
    public List<Diagnostic> errors() {
        List<Diagnostic> e = errors;
        if (e == null) {
            e = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
            errors = e;
        }
        return e;
    }

    /** Every diagnostic of every policy in the set. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean hasBoundary() {
        return boundary != null;
    }

    /**
     * The statements that name the action, per layer; cached per lowercase action name, and looked up first
     * by the action as the request spells it so that a cache hit does not lowercase (allocate) every time.
     */
    public Candidates candidates(String action) {
        Candidates c = bySpelling.get(action);
        if (c == null) {
            c = byAction.computeIfAbsent(action.toLowerCase(Locale.ROOT), this::collect);
            bySpelling.putIfAbsent(action, c);
        }
        return c;
    }

    private Candidates collect(String action) {
        int colon = action.indexOf(':');
        String service = colon < 0 ? action : action.substring(0, colon);
        CompiledStatement[][] scpLevels = null;
        if (scps != null) {
            scpLevels = new CompiledStatement[scps.size()][];
            for (int i = 0; i < scps.size(); i++) {
                scpLevels[i] = gather(scps.get(i), action, service);
            }
        }
        return new Candidates(gather(identity, action, service),
                boundary == null ? null : gather(List.of(boundary), action, service),
                session == null ? null : gather(session, action, service),
                scpLevels,
                rcps == null ? null : gather(rcps, action, service),
                resource == null ? null : gather(List.of(resource), action, service));
    }

    private static CompiledStatement[] gather(List<CompiledPolicy> policies, String action, String service) {
        List<CompiledStatement> out = new ArrayList<>();
        for (CompiledPolicy p : policies) {
            p.collect(action, service, out);
        }
        return Candidates.array(out);
    }
}
