package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Paging;
import io.iamscope.collect.call.SdkJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesResponse;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateIamInstanceProfileSpecification;

/**
 * EC2 launch templates, the resource ec2:CreateLaunchTemplateVersion and ec2:ModifyLaunchTemplate are authorized on
 * (its tags decide {@code aws:ResourceTag} conditions; a group naming a template by name is matched to it by name),
 * with the instance profile of their default version ({@code IamInstanceProfile}, as the version gives it: an ARN or
 * a name). Not written as {@code instanceProfileArn}, which is an instance's: a template launches nothing by itself.
 * No resource-based policies ({@code policy} null); tags come with DescribeLaunchTemplates.
 */
final class LaunchTemplateCollector implements ResourceCollector {
    private static final String TYPE = "AWS::EC2::LaunchTemplate";
    /** DescribeLaunchTemplates returns at most 200 templates per page (EC2 API Reference). */
    private static final int PAGE = 200;

    @Override
    public String service() {
        return "ec2 launch templates";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        try (Ec2Client ec2 = t.clients().ec2(t.region())) {
            List<LaunchTemplate> templates = Paging.all(t.calls(), AwsOperation.EC2_DESCRIBE_LAUNCH_TEMPLATES,
                    t.region(), null, token -> {
                        DescribeLaunchTemplatesResponse r = ec2.describeLaunchTemplates(b -> b.maxResults(PAGE)
                                .nextToken(token));
                        return Paging.Page.of(r.launchTemplates(), r.nextToken());
                    });
            for (LaunchTemplate template : templates) {
                String arn = "arn:" + t.partition() + ":ec2:" + t.region() + ":" + t.accountId() + ":launch-template/"
                        + template.launchTemplateId();
                ObjectNode record = Resources.record(arn, TYPE, t.region(), null);
                Map<String, String> tags = new LinkedHashMap<>();
                if (template.hasTags()) {
                    template.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
                }
                Resources.tags(record, tags);
                ObjectNode props = Resources.properties(record);
                props.put("LaunchTemplateName", template.launchTemplateName());
                if (template.defaultVersionNumber() != null) {
                    props.put("DefaultVersionNumber", template.defaultVersionNumber());
                }
                if (template.latestVersionNumber() != null) {
                    props.put("LatestVersionNumber", template.latestVersionNumber());
                }
                LaunchTemplateIamInstanceProfileSpecification profile = defaultProfile(ec2, t, template, arn);
                if (profile != null) {
                    props.set("IamInstanceProfile", SdkJson.toJson(profile));
                }
                out.add(record);
            }
            return templates.size();
        }
    }

    /** The default version's instance profile, or null (none, or the version could not be read: a gap). */
    private static LaunchTemplateIamInstanceProfileSpecification defaultProfile(Ec2Client ec2, Target t,
            LaunchTemplate template, String arn) {
        DescribeLaunchTemplateVersionsResponse r = t.calls().get(AwsOperation.EC2_DESCRIBE_LAUNCH_TEMPLATE_VERSIONS,
                t.region(), arn, () -> ec2.describeLaunchTemplateVersions(b -> b
                        .launchTemplateId(template.launchTemplateId()).versions("$Default")));
        if (r == null || !r.hasLaunchTemplateVersions() || r.launchTemplateVersions().isEmpty()
                || r.launchTemplateVersions().get(0).launchTemplateData() == null) {
            return null;
        }
        return r.launchTemplateVersions().get(0).launchTemplateData().iamInstanceProfile();
    }
}
