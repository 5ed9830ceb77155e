package io.iamscope.simulator;

import io.iamscope.eval.NotChecked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.CallerKind;
import io.iamscope.eval.PolicySet;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.parse.PolicyParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The blind spots: what SimulateCustomPolicy cannot carry is flagged, never silently dropped. */
class SimulationPlannerTest {
    static final Caller ALICE = Caller.user("arn:aws:iam::111122223333:user/alice");
    static final Caller SESSION = Caller.roleSession("arn:aws:sts::111122223333:assumed-role/ops/s",
            "arn:aws:iam::111122223333:role/ops");
    static final AttachedPolicy ALLOW = policy("allow", "Allow");
    static final AttachedPolicy DENY = policy("deny", "Deny");

    static AttachedPolicy policy(String name, String effect) {
        return AttachedPolicy.of(name, PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\""
                + effect + "\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}}", name));
    }

    @Test
    void userWithEverythingTheSimulatorTakes() {
        PolicySet set = PolicySet.builder().identity(ALLOW).boundary(ALLOW).resourcePolicy(ALLOW).build();
        SimulationPlan plan = SimulationPlanner.plan(ALICE, set, "444455556666");
        assertTrue(plan.notes().isEmpty());
        assertEquals(ALICE.arn(), plan.callerArn());
        assertEquals("arn:aws:iam::444455556666:root", plan.resourceOwner());
    }

    @Test
    void roleSessionWithResourcePolicyIsRefused() {
        PolicySet set = PolicySet.builder().identity(ALLOW).resourcePolicy(ALLOW).build();
        SimulationPlan plan = SimulationPlanner.plan(SESSION, set, null);
        assertTrue(plan.refused());
        assertEquals(NotChecked.CODE, plan.notes().get(0).code());
    }

    @Test
    void roleSessionWithIdentityPoliciesOnlyIsSimulatedWithoutCaller() {
        SimulationPlan plan = SimulationPlanner.plan(SESSION, PolicySet.builder().identity(ALLOW).build(), null);
        assertFalse(plan.refused());
        assertNull(plan.callerArn());
    }

    @Test
    void rootServiceAndAnonymousAreRefused() {
        for (CallerKind kind : List.of(CallerKind.ROOT, CallerKind.SERVICE, CallerKind.ANONYMOUS)) {
            Caller c = new Caller("arn:aws:iam::111122223333:root", "111122223333", kind, null, false, false, null);
            assertTrue(SimulationPlanner.plan(c, PolicySet.builder().build(), null).refused(), kind.name());
        }
    }

    @Test
    void sessionPoliciesScpsAndDenyingRcpsAreLeftOutWithAWarning() {
        PolicySet set = PolicySet.builder().identity(ALLOW).session(ALLOW)
                .scps(List.of(List.of(ALLOW), List.of(ALLOW))).rcps(List.of(List.of(DENY))).build();
        SimulationPlan plan = SimulationPlanner.plan(SESSION, set, null);
        assertFalse(plan.refused());
        assertEquals(3, plan.notes().size());
        assertTrue(plan.notes().stream().allMatch(d -> d.severity() == Diagnostic.Severity.WARNING));
    }

    @Test
    void scpsDoNotApplyToTheManagementAccountAndAllowOnlyRcpsChangeNothing() {
        Caller mgmt = new Caller(ALICE.arn(), ALICE.account(), CallerKind.USER, null, false, true, null);
        PolicySet set = PolicySet.builder().identity(ALLOW).scps(List.of(List.of(ALLOW)))
                .rcps(List.of(List.of(ALLOW))).build();
        assertTrue(SimulationPlanner.plan(mgmt, set, null).notes().isEmpty());
    }
}
