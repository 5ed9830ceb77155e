package io.iamscope.model;

import java.util.List;
import java.util.Map;

/** An IAM group ({@code GroupDetailList} entry). Groups have no tags or boundary in IAM. */
public record Group(String arn, String name, String path, String id, String accountId,
                   List<InlinePolicy> inlinePolicies, List<String> attachedPolicyArns) implements Principal {

    public Group {
        inlinePolicies = List.copyOf(inlinePolicies);
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
    }

    @Override
    public Map<String, String> tags() {
        return Map.of();
    }

    @Override
    public String kindName() {
        return "group";
    }

    /**
     * A principal is identified by its ARN. Records would compare every policy they hold, and principals are
     * used as map keys on the graph builder's hot paths.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Group other && arn.equals(other.arn);
    }

    @Override
    public int hashCode() {
        return arn.hashCode();
    }
}
