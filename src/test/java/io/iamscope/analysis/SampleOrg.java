package io.iamscope.analysis;

import io.iamscope.eval.Constraint;
import io.iamscope.graph.EdgeKind;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;
import java.util.List;

/**
 * The bundled sample organization (docs/sample-org.md) and a hand-built access graph of its incident story,
 * standing in for the graph builder's output.
 */
public final class SampleOrg {
    public static final String SNAPSHOT = "policies-fixtures/sample-org/snapshot.json";
    public static final String DEV = "arn:aws:iam::333333333333:";
    public static final String PROD = "arn:aws:iam::222222222222:";
    public static final String MGMT = "arn:aws:iam::111111111111:";
    public static final String CONTRACTOR = DEV + "user/ext-contractor-jdoe";
    public static final String PPATEL = DEV + "user/admin-ppatel";
    public static final String CI = DEV + "role/ci-deployer";
    public static final String DEPLOY = PROD + "role/acme-deploy";
    public static final String BREAK_GLASS = DEV + "role/dev-break-glass";
    public static final String OPS_USER = DEV + "user/ops-cdiaz";
    public static final String OPS_AUTOMATION = DEV + "role/ops-automation";

    private static volatile SnapshotIndex index;

    private SampleOrg() {
    }

    public static SnapshotIndex index() {
        if (index == null) {
            index = new SnapshotIndex(SnapshotReader.read(List.of(Path.of(SNAPSHOT)), null, null).snapshot());
        }
        return index;
    }

    /**
     * The story's path: the contractor rewrites its own policy (admin of acme-dev), assumes ci-deployer, then
     * acme-deploy in prod. ppatel is an admin who can assume ci-deployer; ops users reach dev-break-glass only
     * conditionally (its trust wants MFA).
     */
    public static FakeGraph graph() {
        FakeGraph g = new FakeGraph();
        g.edge(CONTRACTOR, CI, EdgeKind.ASSUME, "assume-role", "sts:AssumeRole");
        g.edge(CI, DEPLOY, EdgeKind.ASSUME, "assume-role", "sts:AssumeRole");
        g.edge(PPATEL, CI, EdgeKind.ASSUME, "assume-role", "sts:AssumeRole");
        g.edge(OPS_USER, OPS_AUTOMATION, EdgeKind.ASSUME, "assume-role", "sts:AssumeRole");
        Constraint mfa = new Constraint.Atom("Bool aws:MultiFactorAuthPresent [true]",
                List.of("aws:MultiFactorAuthPresent"), null);
        g.edge(OPS_AUTOMATION, BREAK_GLASS, EdgeKind.ESCALATE, "iam-update-assume-role-policy",
                "iam:UpdateAssumeRolePolicy", mfa, false);
        g.admin(CONTRACTOR, "iam:CreatePolicyVersion on its own policy `contractor-tooling`");
        g.admin(PPATEL, "AdministratorAccess");
        g.admin(BREAK_GLASS, "AdministratorAccess");
        return g;
    }
}
