package io.iamscope.model;

import java.util.List;
import java.util.Map;

/** An IAM user ({@code UserDetailList} entry); {@code groupNames} as listed, resolved by {@link SnapshotIndex}. */
public record User(String arn, String name, String path, String id, String accountId, String createDate,
                   List<InlinePolicy> inlinePolicies, List<String> attachedPolicyArns, String boundaryArn,
                   List<String> groupNames, Map<String, String> tags) implements Principal {

    public User {
        inlinePolicies = List.copyOf(inlinePolicies);
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
        groupNames = List.copyOf(groupNames);
        tags = Map.copyOf(tags);
    }

    @Override
    public String kindName() {
        return "user";
    }

    /** The same user with other tags (what it would be after tagging or untagging itself). */
    public User withTags(Map<String, String> newTags) {
        return new User(arn, name, path, id, accountId, createDate, inlinePolicies, attachedPolicyArns, boundaryArn,
                groupNames, newTags);
    }

    /**
     * A principal is identified by its ARN. Records would compare every policy they hold, and principals are
     * used as map keys on the graph builder's hot paths.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof User other && arn.equals(other.arn);
    }

    @Override
    public int hashCode() {
        return arn.hashCode();
    }
}
