package io.iamscope.analysis.whocan;

import io.iamscope.analysis.Workspaces;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.SampleOrg;
import io.iamscope.graph.PathLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** who-can on the sample organization with the hand-built graph of its story. */
class WhoCanTest {
    private static WhoCanResult find(String action, String resource, PathLimits limits) {
        return new WhoCan(Workspaces.of(SampleOrg.index(), SampleOrg.graph())).find(action, resource,
                "stolen-keys", AttackerProfile.STOLEN_KEYS.context(Map.of(), List.of()), limits);
    }

    @Test
    void prodDataDirectlyByTheDeployRoleAndThroughTheChain() {
        WhoCanResult r = find("s3:GetObject", "arn:aws:s3:::acme-prod-customer-data/exports/customers.csv",
                PathLimits.DEFAULT);
        WhoCanEntry deploy = r.direct().stream().filter(e -> e.arn().equals(SampleOrg.DEPLOY)).findFirst()
                .orElseThrow();
        assertTrue(deploy.direct());
        assertFalse(deploy.conditional());
        WhoCanEntry ci = r.viaPath().stream().filter(e -> e.arn().equals(SampleOrg.CI)).findFirst().orElseThrow();
        assertEquals(1, ci.path().size());
        assertEquals(SampleOrg.DEPLOY, ci.through());
        WhoCanEntry contractor = r.viaPath().stream().filter(e -> e.arn().equals(SampleOrg.CONTRACTOR)).findFirst()
                .orElseThrow();
        assertEquals(List.of(SampleOrg.CI, SampleOrg.DEPLOY), contractor.path().stream().map(h -> h.to()).toList());
        // The contractor cannot read the data itself.
        assertTrue(r.direct().stream().noneMatch(e -> e.arn().equals(SampleOrg.CONTRACTOR)));
    }

    @Test
    void conditionalHopsAreMarkedOrLeftOutWhenDefiniteOnly() {
        String action = "iam:CreateUser";
        String resource = SampleOrg.DEV + "user/backdoor";
        WhoCanEntry ops = find(action, resource, PathLimits.DEFAULT).viaPath().stream()
                .filter(e -> e.arn().equals(SampleOrg.OPS_USER)).findFirst().orElseThrow();
        assertTrue(ops.conditional());
        assertTrue(ops.conditionKeys().contains("aws:MultiFactorAuthPresent"));
        assertTrue(find(action, resource, PathLimits.DEFINITE_ONLY).viaPath().stream()
                .noneMatch(e -> e.arn().equals(SampleOrg.OPS_USER)));
    }
}
