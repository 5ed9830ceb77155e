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
}
