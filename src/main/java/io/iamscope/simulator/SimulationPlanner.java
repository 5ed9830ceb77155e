package io.iamscope.simulator;

import io.iamscope.eval.NotChecked;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.CallerKind;
import io.iamscope.eval.PolicySet;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.Effect;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a {@code SimulateCustomPolicy} call can carry for one caller and policy set, and states the
 * rest as the simulator's blind spots. Each rule cites the IAM API Reference (SimulateCustomPolicy) or the
 * IAM User Guide; docs/simulator.md lists them.
 */
final class SimulationPlanner {
    private SimulationPlanner() {
    }

    static SimulationPlan plan(Caller caller, PolicySet policies, String resourceAccount) {
        List<Diagnostic> notes = new ArrayList<>();
        boolean hasIdentity = caller.hasIdentityPolicies();
        if (!hasIdentity) {
            // The simulator evaluates the identity-based policies it is given as those of the caller; the root
            // user, services, anonymous callers and identity-provider users have none, and CallerArn accepts
            // "only the ARN of an IAM user" (SimulateCustomPolicy, CallerArn).
            notes.add(NotChecked.refused("the simulator cannot act as a " + kind(caller) + " caller `"
                    + caller.arn() + "`"));
        }
        AttachedPolicy resourcePolicy = policies.resourcePolicy();
        String callerArn = null;
        if (resourcePolicy != null) {
            if (caller.kind() == CallerKind.USER) {
                // "CallerArn is required if you include a ResourcePolicy so that the policy's Principal element
                // has a value to use in evaluating the policy" (SimulateCustomPolicy, CallerArn).
                callerArn = caller.arn();
            } else if (hasIdentity) {
                // "You can specify only the ARN of an IAM user. You cannot specify the ARN of an assumed role,
                // federated user, or a service principal" (SimulateCustomPolicy, CallerArn).
                notes.add(NotChecked.refused("a resource-based policy can be simulated only for an iam user"
                        + " caller, not `" + caller.arn() + "`"));
            }
        } else if (caller.kind() == CallerKind.USER) {
            callerArn = caller.arn();
        }
        if (policies.session() != null) {
            // "The policies cannot be 'scope-down' policies, such as you could include in a call to
            // GetFederationToken or one of the AssumeRole API operations" (SimulateCustomPolicy,
            // PolicyInputList).
            notes.add(NotChecked.omitted("the simulator does not take session policies: "
                    + policies.session().size() + " left out"));
        }
        boolean scpsApply = policies.scps() != null && caller.isIamPrincipal() && !caller.serviceLinked()
                && !caller.managementAccount();
        if (scpsApply) {
            // SimulateCustomPolicy has no parameter for SCPs; only SimulatePrincipalPolicy, for a principal of a
            // member account, evaluates the SCPs that really apply to it.
            notes.add(NotChecked.omitted("a custom-policy simulation cannot include service control policies: "
                    + policies.scps().size() + " level(s) left out"));
        }
        if (rcpsCanDeny(policies) && !caller.serviceLinked()) {
            // The simulator's inputs are identity-based policies, a permissions boundary, one resource-based
            // policy and (principal mode) SCPs; resource control policies are not among them.
            notes.add(NotChecked.omitted("the simulator does not evaluate resource control policies"));
        }
        String owner = resourceAccount == null ? null : "arn:aws:iam::" + resourceAccount + ":root";
        return new SimulationPlan(policies.identity(), policies.boundary(), resourcePolicy, callerArn, owner,
                notes);
    }

    /** RCPFullAWSAccess is implied at every level, so only Deny statements of RCPs can change a decision. */
    private static boolean rcpsCanDeny(PolicySet policies) {
        if (policies.rcps() == null) {
            return false;
        }
        return policies.rcps().stream().flatMap(List::stream)
                .flatMap(p -> p.document().statements().stream())
                .anyMatch(s -> s.effect() == Effect.DENY);
    }

    private static String kind(Caller caller) {
        return caller.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
