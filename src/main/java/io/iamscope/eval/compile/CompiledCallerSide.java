package io.iamscope.eval.compile;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Layer;
import io.iamscope.eval.PolicySet;
import io.iamscope.policy.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The caller's side of a policy set compiled (identity, boundary, session, SCP levels), with a per-action
 * cache of candidate statements. Shared by every request of one principal, whatever the resource.
 */
public final class CompiledCallerSide {
    private final List<CompiledPolicy> identity;
    private final CompiledPolicy boundary;
    private final List<CompiledPolicy> session;
    private final List<List<CompiledPolicy>> scps;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<Diagnostic> errors;
    private final ConcurrentHashMap<String, Candidates> byAction = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Candidates> bySpelling = new ConcurrentHashMap<>();

    public CompiledCallerSide(PolicySet set, PolicyCompiler compiler) {
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
        this.errors = CompiledPolicySet.errorsOf(diagnostics);
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

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    List<Diagnostic> errors() {
        return errors;
    }

    /**
     * The caller-side statements that name the action (the resource-side arrays left null); cached per
     * lowercase action name, and looked up first by the action as the request spells it so that a cache hit
     * does not lowercase every time.
     */
    Candidates candidates(String action) {
        Candidates c = bySpelling.get(action);
        if (c == null) {
            c = byAction.computeIfAbsent(action.toLowerCase(Locale.ROOT), this::collect);
            bySpelling.putIfAbsent(action, c);
        }
        return c;
    }

    private Candidates collect(String action) {
        String service = CompiledPolicy.serviceOf(action);
        CompiledStatement[][] scpLevels = null;
        if (scps != null) {
            scpLevels = new CompiledStatement[scps.size()][];
            for (int i = 0; i < scps.size(); i++) {
                scpLevels[i] = CompiledPolicy.gather(scps.get(i), action, service);
            }
        }
        return new Candidates(CompiledPolicy.gather(identity, action, service),
                boundary == null ? null : CompiledPolicy.gather(List.of(boundary), action, service),
                session == null ? null : CompiledPolicy.gather(session, action, service),
                scpLevels, null, null);
    }
}
