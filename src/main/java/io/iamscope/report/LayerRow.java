package io.iamscope.report;

import io.iamscope.eval.Constraint;
import io.iamscope.eval.Decision;
import io.iamscope.eval.Layer;
import io.iamscope.eval.LayerVerdict;
import io.iamscope.eval.MatchedStatement;
import io.iamscope.access.Gathered;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of an explanation: a layer (or one SCP level) with what it said and the statements that applied.
 * Layers the engine did not evaluate are {@code not applicable}. Shared by the renderers so that text and JSON
 * tell the same story.
 *
 * @param verdict {@code allows}, {@code denies}, {@code no allow} or {@code not applicable}
 * @param when    the condition on unknown keys under which the verdict holds, or null when definite
 */
record LayerRow(Layer layer, int level, String name, String verdict, String when, List<MatchedStatement> statements) {

    static List<LayerRow> of(Gathered g, Decision d) {
        List<LayerRow> rows = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            List<LayerVerdict> verdicts = d.layers().stream().filter(v -> v.layer() == layer).toList();
            if (verdicts.isEmpty()) {
                rows.add(new LayerRow(layer, -1, name(g, layer, -1), "not applicable", null, List.of()));
                continue;
            }
            for (LayerVerdict v : verdicts) {
                List<MatchedStatement> matched = d.statements().stream()
                        .filter(s -> s.ref().layer() == layer && (layer != Layer.SCP || s.ref().level() == v.level()))
                        .toList();
                String verdict;
                Constraint when;
                if (v.denies() != Constraint.FALSE) {
                    verdict = "denies";
                    when = v.denies();
                } else if (v.allows() != Constraint.FALSE) {
                    verdict = "allows";
                    when = v.allows();
                } else if (layer == Layer.RCP) {
                    // RCPFullAWSAccess is attached at every level: only an RCP Deny changes a decision.
                    verdict = "does not deny";
                    when = Constraint.TRUE;
                } else {
                    verdict = "no allow";
                    when = Constraint.TRUE;
                }
                rows.add(new LayerRow(layer, v.level(), name(g, layer, v.level()), verdict,
                        when == Constraint.TRUE ? null : when.toString(), matched));
            }
        }
        return rows;
    }

    private static String name(Gathered g, Layer layer, int level) {
        return switch (layer) {
            case SCP -> level >= 0 && level < g.scpLevels().size() ? "SCPs at " + g.scpLevels().get(level)
                    : "service control policies";
            case RCP -> g.rcpLevels().isEmpty() ? "resource control policies"
                    : "resource control policies (" + g.rcpLevels().get(g.rcpLevels().size() - 1) + ")";
            case RESOURCE -> g.resourcePolicy() == null ? "resource-based policy" : "resource-based policy ("
                    + g.resourcePolicy() + ")";
            default -> layer.description();
        };
    }
}
