package io.iamscope.eval.compile;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.policy.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy compiled for one layer, with its statements indexed by action service prefix so that a request
 * looks only at statements that could name its action.
 */
public final class CompiledPolicy {
    private static final CompiledStatement[] NONE = new CompiledStatement[0];

    private final AttachedPolicy policy;
    private final CompiledStatement[] statements;
    private final Map<String, CompiledStatement[]> byService;
    private final CompiledStatement[] anyService;
    private final List<Diagnostic> diagnostics;

    CompiledPolicy(AttachedPolicy policy, List<CompiledStatement> statements, List<Diagnostic> diagnostics) {
        this.policy = policy;
        this.statements = statements.toArray(NONE);
        this.diagnostics = List.copyOf(diagnostics);
        Map<String, List<CompiledStatement>> index = new HashMap<>();
        List<CompiledStatement> generic = new ArrayList<>();
        for (CompiledStatement s : statements) {
            List<String> services = s.actions().services();
            if (services == null) {
                generic.add(s);
            } else {
                services.forEach(svc -> index.computeIfAbsent(svc, k -> new ArrayList<>()).add(s));
            }
        }
        Map<String, CompiledStatement[]> frozen = new HashMap<>();
        index.forEach((k, v) -> frozen.put(k, v.toArray(NONE)));
        this.byService = frozen;
        this.anyService = generic.toArray(NONE);
    }

    public AttachedPolicy policy() {
        return policy;
    }

    public CompiledStatement[] statements() {
        return statements;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The lowercase service prefix of a lowercase action name. */
    static String serviceOf(String action) {
        int colon = action.indexOf(':');
        return colon < 0 ? action : action.substring(0, colon);
    }

    /** The statements of these policies that name the action, in order. */
    static CompiledStatement[] gather(List<CompiledPolicy> policies, String action, String service) {
        List<CompiledStatement> out = new ArrayList<>();
        for (CompiledPolicy p : policies) {
            p.collect(action, service, out);
        }
        return Candidates.array(out);
    }

    /** Adds to {@code out} the statements whose Action/NotAction matches the action, in document order. */
    void collect(String action, String service, List<CompiledStatement> out) {
        CompiledStatement[] indexed = byService.getOrDefault(service, NONE);
        if (anyService.length == 0) {
            for (CompiledStatement s : indexed) {
                if (s.actions().matches(action)) {
                    out.add(s);
                }
            }
            return;
        }
        for (CompiledStatement s : statements) {
            boolean candidate = s.actions().services() == null || s.actions().services().contains(service);
            if (candidate && s.actions().matches(action)) {
                out.add(s);
            }
        }
    }
}
