package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Paging;
import io.iamscope.collect.call.SdkJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;

/**
 * Auto Scaling groups with the launch template (and version) they launch: a group at a template's {@code $Latest}
 * or {@code $Default} version launches whatever new version someone may create, with any instance profile
 * ({@code ec2-launch-template-new-version}). Groups have no resource-based policies ({@code policy} null); their tags
 * come with DescribeAutoScalingGroups.
 */
final class AutoScalingCollector implements ResourceCollector {
    private static final String TYPE = "AWS::AutoScaling::AutoScalingGroup";
    /** DescribeAutoScalingGroups returns at most 100 groups per page (EC2 Auto Scaling API Reference). */
    private static final int PAGE = 100;

    @Override
    public String service() {
        return "autoscaling";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        try (AutoScalingClient autoscaling = t.clients().autoScaling(t.region())) {
            List<AutoScalingGroup> groups = Paging.all(t.calls(), AwsOperation.AUTOSCALING_DESCRIBE_AUTO_SCALING_GROUPS,
                    t.region(), null, token -> {
                        DescribeAutoScalingGroupsResponse r = autoscaling.describeAutoScalingGroups(b -> b
                                .maxRecords(PAGE).nextToken(token));
                        return Paging.Page.of(r.autoScalingGroups(), r.nextToken());
                    });
            groups.forEach(g -> out.add(record(t, g)));
            return groups.size();
        }
    }

    private static ObjectNode record(Target t, AutoScalingGroup group) {
        ObjectNode record = Resources.record(group.autoScalingGroupARN(), TYPE, t.region(), null);
        Map<String, String> tags = new LinkedHashMap<>();
        if (group.hasTags()) {
            group.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
        }
        Resources.tags(record, tags);
        ObjectNode props = Resources.properties(record);
        props.put("AutoScalingGroupName", group.autoScalingGroupName());
        // As AWS returns them (SdkJson keeps the API's field names): what the group launches, and how many.
        if (group.launchTemplate() != null) {
            props.set("LaunchTemplate", SdkJson.toJson(group.launchTemplate()));
        }
        if (group.mixedInstancesPolicy() != null) {
            props.set("MixedInstancesPolicy", SdkJson.toJson(group.mixedInstancesPolicy()));
        }
        if (group.launchConfigurationName() != null) {
            props.put("LaunchConfigurationName", group.launchConfigurationName());
        }
        if (group.minSize() != null) {
            props.put("MinSize", group.minSize());
        }
        if (group.maxSize() != null) {
            props.put("MaxSize", group.maxSize());
        }
        if (group.desiredCapacity() != null) {
            props.put("DesiredCapacity", group.desiredCapacity());
        }
        if (group.serviceLinkedRoleARN() != null) {
            props.put("ServiceLinkedRoleARN", group.serviceLinkedRoleARN());
        }
        return record;
    }
}
