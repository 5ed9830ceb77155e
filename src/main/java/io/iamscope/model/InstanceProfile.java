package io.iamscope.model;

import java.util.List;

/** An instance profile that carries a role (what an EC2 instance's credentials come from). */
public record InstanceProfile(String arn, String name, String id, List<String> roleArns) {
    public InstanceProfile {
        roleArns = List.copyOf(roleArns);
    }
}
