package io.iamscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.iamscope.policy.Effect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a report names as granting an allowed request: an identity-based or resource-based Allow, not the SCP
 * (FullAWSAccess) or boundary Allow that only leaves room for it (IAM User Guide: Policy evaluation logic).
 */
class StatementRefTest {
    private static StatementRef ref(Layer layer, String policy) {
        return new StatementRef(layer, policy, null, 0, Effect.ALLOW, layer == Layer.SCP ? 0 : -1);
    }

    @Test
    void grantingSkipsGuardrailsAndLimits() {
        StatementRef scp = ref(Layer.SCP, "FullAWSAccess");
        StatementRef boundary = ref(Layer.BOUNDARY, "tight");
        StatementRef identity = ref(Layer.IDENTITY, "ReadOnly");
        StatementRef resource = ref(Layer.RESOURCE, "bucket policy");
        assertEquals(identity, StatementRef.granting(List.of(scp, boundary, identity, resource)));
        assertEquals(resource, StatementRef.granting(List.of(scp, resource)));
        assertEquals(scp, StatementRef.granting(List.of(scp, boundary)));
        assertNull(StatementRef.granting(List.of()));
    }
}
