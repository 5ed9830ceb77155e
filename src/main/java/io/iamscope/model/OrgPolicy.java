package io.iamscope.model;

import io.iamscope.policy.PolicyDocument;
import java.util.List;

/** An SCP or RCP with the root, OU and account ids it is attached to. */
public record OrgPolicy(String id, String arn, String name, OrgPolicyType type, boolean awsManaged,
                        PolicyDocument content, List<String> targets) {
    public OrgPolicy {
        targets = List.copyOf(targets);
    }
}
