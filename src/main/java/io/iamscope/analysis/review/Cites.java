package io.iamscope.analysis.review;

import io.iamscope.access.Evidence;
import io.iamscope.analysis.findings.Check;
import io.iamscope.analysis.findings.PathStep;
import io.iamscope.analysis.findings.StatementCite;
import io.iamscope.eval.Layer;
import io.iamscope.eval.StatementRef;
import io.iamscope.graph.AccessEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The engine's and the graph's evidence as the findings model cites it. */
public final class Cites {
    private Cites() {
    }

    /** A statement, with what it was found to grant (either may be null). */
    static StatementCite statement(StatementRef r, String action, String resource) {
        return new StatementCite(r.policy(), r.sid(), r.index(), r.documentPointer(),
                r.location() == null ? null : r.location().toString(), r.layer().description(), r.effect().json(),
                action, resource);
    }

    /**
     * A decision as a check. Its statements are those that grant (identity-based and resource-based Allows); the
     * SCP, RCP and boundary Allows that only leave room for a grant are named only when no statement grants
     * (IAM User Guide: "Policy evaluation logic").
     */
    static Check check(Evidence e) {
        List<StatementCite> by = new ArrayList<>(e.grantedBy().size());
        boolean grants = e.grantedBy().stream().anyMatch(Cites::grants);
        e.grantedBy().stream().filter(r -> !grants || grants(r)).forEach(r -> by.add(statement(r, e.action(),
                e.resource())));
        return new Check(e.action(), e.resource(), e.outcome().word(), e.conditional(),
                e.conditional() ? e.condition().toString() : null, by);
    }

    private static boolean grants(StatementRef r) {
        return r.layer() == Layer.IDENTITY || r.layer() == Layer.RESOURCE;
    }

    public static PathStep step(AccessEdge e) {
        List<Check> checks = e.evidence().stream().map(Cites::check).toList();
        return new PathStep(e.from().arn(), e.to().arn(), e.kind().name().toLowerCase(Locale.ROOT), e.technique(),
                e.conditional(), new ArrayList<>(e.condition().keys()), checks);
    }

    public static List<PathStep> path(List<AccessEdge> edges) {
        return edges.stream().map(Cites::step).toList();
    }

    /** The unknown keys a path depends on, in order of first use. */
    static List<String> keys(List<AccessEdge> edges) {
        List<String> out = new ArrayList<>();
        for (AccessEdge e : edges) {
            for (String k : e.condition().keys()) {
                if (!out.contains(k)) {
                    out.add(k);
                }
            }
        }
        return out;
    }
}
