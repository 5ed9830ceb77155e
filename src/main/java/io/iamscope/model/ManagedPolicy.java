package io.iamscope.model;

import io.iamscope.policy.PolicyDocument;
import java.util.List;

/**
 * A managed policy with every version kept (an attacker with {@code iam:SetDefaultPolicyVersion} can switch to
 * any of them), and the default version's document, the one AWS evaluates.
 */
public record ManagedPolicy(String arn, String name, String id, String path, String defaultVersionId,
                            List<PolicyVersion> versions) {

    public ManagedPolicy {
        versions = List.copyOf(versions);
    }

    /** The default version: the one marked {@code IsDefaultVersion}, else the one named by the policy. */
    public PolicyVersion defaultVersion() {
        for (PolicyVersion v : versions) {
            if (v.isDefault()) {
                return v;
            }
        }
        for (PolicyVersion v : versions) {
            if (v.versionId() != null && v.versionId().equals(defaultVersionId)) {
                return v;
            }
        }
        return versions.isEmpty() ? null : versions.get(0);
    }

    /** The document AWS evaluates, or null when the snapshot holds no version. */
    public PolicyDocument document() {
        PolicyVersion v = defaultVersion();
        return v == null ? null : v.document();
    }

    /** AWS managed policies live in the {@code aws} pseudo-account and are the same in every account. */
    public boolean isAwsManaged() {
        return arn.startsWith("arn:aws:iam::aws:") || arn.contains(":iam::aws:policy/");
    }
}
