package io.iamscope.analysis.review;

import io.iamscope.access.Evidence;
import io.iamscope.eval.Layer;
import io.iamscope.eval.StatementRef;
import io.iamscope.graph.AccessEdge;
import io.iamscope.graph.EdgeKind;

/**
 * The one statement whose change closes an edge, by which findings of many paths are grouped ("one fix, one
 * item"). For an assume edge, the identity statement that allows sts:AssumeRole (a trust naming the account
 * delegates to it; IAM User Guide: "Cross account resource access in IAM"), else the trust statement that names
 * the caller. For a technique, the statement granting its first IAM action (iam:PassRole,
 * iam:CreatePolicyVersion, iam:CreateAccessKey...: the permission the technique abuses), else its first check's.
 */
final class FixKeys {
    private FixKeys() {
    }

    /** The statement to change, or null when the edge's evidence names none. */
    static StatementRef of(AccessEdge e) {
        if (e.evidence().isEmpty()) {
            return null;
        }
        if (e.kind() == EdgeKind.ASSUME) {
            Evidence check = e.evidence().get(0);
            for (StatementRef r : check.grantedBy()) {
                if (r.layer() == Layer.IDENTITY) {
                    return r;
                }
            }
            return StatementRef.granting(check.grantedBy());
        }
        for (Evidence check : e.evidence()) {
            if (check.action().startsWith("iam:")) {
                StatementRef r = StatementRef.granting(check.grantedBy());
                if (r != null) {
                    return r;
                }
            }
        }
        return StatementRef.granting(e.evidence().get(0).grantedBy());
    }

    /** The check the key statement was found in (its action and resource), or null. */
    static Evidence checkOf(AccessEdge e, StatementRef key) {
        for (Evidence check : e.evidence()) {
            if (check.grantedBy().contains(key)) {
                return check;
            }
        }
        return null;
    }
}
