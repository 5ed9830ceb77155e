package io.iamscope.simulator;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.policy.Diagnostic;
import java.util.List;

/**
 * What one request becomes for {@code SimulateCustomPolicy}: the policies sent in each parameter, the
 * simulated caller and resource owner, and what had to be left out ({@link NotChecked}).
 *
 * @param identity       sent as {@code PolicyInputList}, in order ({@code PolicyInputList.1} is the first)
 * @param boundary       sent as {@code PermissionsBoundaryPolicyInputList}, or null
 * @param resourcePolicy sent as {@code ResourcePolicy}, or null
 * @param callerArn      sent as {@code CallerArn}, or null
 * @param resourceOwner  sent as {@code ResourceOwner} (an account ARN), or null
 * @param notes          NOT_CHECKED_BY_SIMULATOR diagnostics; an ERROR among them means "do not call"
 */
record SimulationPlan(List<AttachedPolicy> identity, AttachedPolicy boundary, AttachedPolicy resourcePolicy,
                      String callerArn, String resourceOwner, List<Diagnostic> notes) {

    SimulationPlan {
        identity = List.copyOf(identity);
        notes = List.copyOf(notes);
    }

    boolean refused() {
        return notes.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
}
