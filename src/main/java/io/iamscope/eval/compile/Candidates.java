package io.iamscope.eval.compile;

import java.util.List;

/**
 * The statements of a policy set whose Action/NotAction matches one action, per layer. Computed once per
 * (policy set, action) and cached, so a request only tests resources and conditions. Null arrays mean the
 * layer does not exist (no boundary, no session policy, no organization, no resource policy).
 */
public record Candidates(CompiledStatement[] identity, CompiledStatement[] boundary, CompiledStatement[] session,
                         CompiledStatement[][] scpLevels, CompiledStatement[] rcp, CompiledStatement[] resource) {

    static CompiledStatement[] array(List<CompiledStatement> list) {
        return list.toArray(new CompiledStatement[0]);
    }
}
