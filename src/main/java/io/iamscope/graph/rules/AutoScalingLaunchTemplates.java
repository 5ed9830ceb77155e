package io.iamscope.graph.rules;

import io.iamscope.model.Resource;
import io.iamscope.policy.Arn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The launch templates Auto Scaling groups launch from, as {@code DescribeAutoScalingGroups} records them
 * ({@code AWS::AutoScaling::AutoScalingGroup}: {@code LaunchTemplate}, or {@code MixedInstancesPolicy} with its
 * {@code LaunchTemplate.LaunchTemplateSpecification} and the overrides' specifications), and which version each
 * group takes: {@code $Latest}, {@code $Default} (also when no version is given: "The default value is
 * {@code $Default}", Amazon EC2 Auto Scaling API Reference, LaunchTemplateSpecification) or a number.
 */
final class AutoScalingLaunchTemplates {
    static final String GROUP = "AWS::AutoScaling::AutoScalingGroup";
    static final String TEMPLATE = "AWS::EC2::LaunchTemplate";

    private AutoScalingLaunchTemplates() {
    }

    /**
     * A template a group follows to its newest or default version.
     *
     * @param arn    the template's ARN ({@code launch-template/lt-...}), the resource its actions are authorized on
     * @param latest whether some group takes {@code $Latest} (a new version is used as soon as it exists), rather
     *               than only {@code $Default} (the new version must be made the default)
     */
    record Followed(String arn, boolean latest) {
    }

    /**
     * The templates that groups able to launch (a maximum size other than 0) follow to {@code $Latest} or
     * {@code $Default}, in the groups' order; a template named only by a name is found among the recorded
     * templates of the group's account and region, else left out (its ARN is unknown).
     */
    static List<Followed> followed(List<Resource> groups, List<Resource> templates) {
        Map<String, Boolean> latest = new LinkedHashMap<>();
        for (Resource group : groups) {
            if (group.properties().get("MaxSize") instanceof Number max && max.intValue() == 0) {
                continue;
            }
            Arn arn = Arn.parse(group.arn()).orElse(null);
            if (arn == null) {
                continue;
            }
            for (Map<?, ?> spec : specs(group)) {
                String version = spec.get("Version") instanceof String v ? v : "$Default";
                if (!version.equals("$Latest") && !version.equals("$Default")) {
                    continue; // a fixed version: only UpdateAutoScalingGroup changes it, which checks iam:PassRole
                }
                String id = spec.get("LaunchTemplateId") instanceof String s ? s
                        : idByName(spec.get("LaunchTemplateName"), arn, templates);
                if (id != null) {
                    String templateArn = new Arn(arn.partition(), "ec2", arn.region(), arn.account(),
                            "launch-template/" + id).toString();
                    latest.merge(templateArn, version.equals("$Latest"), Boolean::logicalOr);
                }
            }
        }
        List<Followed> out = new ArrayList<>();
        latest.forEach((a, l) -> out.add(new Followed(a, l)));
        return out;
    }

    private static List<Map<?, ?>> specs(Resource group) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (group.properties().get("LaunchTemplate") instanceof Map<?, ?> m) {
            out.add(m);
        }
        if (group.properties().get("MixedInstancesPolicy") instanceof Map<?, ?> mixed
                && mixed.get("LaunchTemplate") instanceof Map<?, ?> lt) {
            if (lt.get("LaunchTemplateSpecification") instanceof Map<?, ?> m) {
                out.add(m);
            }
            if (lt.get("Overrides") instanceof List<?> overrides) {
                for (Object o : overrides) {
                    if (o instanceof Map<?, ?> override && override.get("LaunchTemplateSpecification") instanceof Map<?, ?> m) {
                        out.add(m);
                    }
                }
            }
        }
        return out;
    }

    private static String idByName(Object name, Arn group, List<Resource> templates) {
        if (!(name instanceof String n)) {
            return null;
        }
        for (Resource t : templates) {
            Arn arn = Arn.parse(t.arn()).orElse(null);
            if (arn != null && n.equals(t.properties().get("LaunchTemplateName")) && group.region().equals(arn.region())) {
                if (arn.resource().startsWith("launch-template/")) {
                    return arn.resource().substring("launch-template/".length());
                }
            }
        }
        return null;
    }
}
