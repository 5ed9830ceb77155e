package io.iamscope.graph.rules;

import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TechniqueContext;
import java.util.List;
import java.util.function.Function;

/**
 * The ways into an EC2 instance that the instance techniques model, as steps on one instance: a command through
 * Systems Manager (ssm:SendCommand, as {@code ssm-send-command}), a session (ssm:StartSession), an SSH key pushed
 * through EC2 Instance Connect (ec2-instance-connect:SendSSHPublicKey), or new user data that runs at the next
 * start (ec2:ModifyInstanceAttribute, ec2:StopInstances, ec2:StartInstances, as
 * {@code ec2-modify-instance-user-data}). Like those techniques, what AWS cannot decide (an agent on the instance, a
 * network path to it) is not checked.
 */
final class InstanceCode {
    /** Every way into an instance that exists. */
    static final List<List<String>> EXISTING = List.of(List.of("ssm:SendCommand"), List.of("ssm:StartSession"),
            List.of("ec2-instance-connect:SendSSHPublicKey"),
            List.of("ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances"));

    /**
     * The ways into an instance another service launches and keeps running (an Auto Scaling group's): stopping it
     * to change its user data would have the group replace it.
     */
    static final List<List<String>> RUNNING = EXISTING.subList(0, 3);

    private InstanceCode() {
    }

    /**
     * Whether one of the ways is allowed, each action checked by {@code check}; its checks are appended to
     * {@code steps} (a definite way preferred).
     */
    static boolean run(Actor a, TechniqueContext ctx, List<List<String>> ways, Function<String, Evidence> check,
                       Steps steps) {
        List<List<String>> named = ways.stream()
                .filter(way -> way.stream().allMatch(action -> ctx.checker().mentions(a, action))).toList();
        return Alternatives.first(named, steps,
                (way, s) -> way.stream().allMatch(action -> s.allow(check.apply(action))));
    }
}
