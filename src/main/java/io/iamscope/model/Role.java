package io.iamscope.model;

import io.iamscope.policy.PolicyDocument;
import java.util.List;
import java.util.Map;

/**
 * An IAM role ({@code RoleDetailList} entry) with its trust policy. Service-linked roles live under the path
 * {@code /aws-service-role/}; SCPs do not restrict them (AWS Organizations User Guide: SCPs, "SCPs don't affect
 * service-linked roles").
 */
public record Role(String arn, String name, String path, String id, String accountId, String createDate,
                   PolicyDocument trustPolicy, List<InlinePolicy> inlinePolicies, List<String> attachedPolicyArns,
                   String boundaryArn, List<InstanceProfile> instanceProfiles, RoleLastUsed lastUsed,
                   Map<String, String> tags) implements Principal {

    public Role {
        inlinePolicies = List.copyOf(inlinePolicies);
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
        instanceProfiles = List.copyOf(instanceProfiles);
        tags = Map.copyOf(tags);
    }

    public boolean serviceLinked() {
        return path != null && path.startsWith("/aws-service-role/");
    }

    @Override
    public String kindName() {
        return "role";
    }

    /** The same role with other tags (what it would be after they were changed). */
    public Role withTags(Map<String, String> newTags) {
        return new Role(arn, name, path, id, accountId, createDate, trustPolicy, inlinePolicies, attachedPolicyArns,
                boundaryArn, instanceProfiles, lastUsed, newTags);
    }

    /**
     * A principal is identified by its ARN. Records would compare every policy they hold, and principals are
     * used as map keys on the graph builder's hot paths.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Role other && arn.equals(other.arn);
    }

    @Override
    public int hashCode() {
        return arn.hashCode();
    }
}
