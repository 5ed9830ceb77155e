package io.iamscope.model.io.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.model.trail.IssuedCredential;
import io.iamscope.model.trail.TrailIdentity;
import io.iamscope.policy.Arn;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The instances a call gave an instance profile: the role's credentials are then on the instance, and EC2 names
 * their sessions after it ({@code assumed-role/ROLE/i-0abc...}: CloudTrail User Guide, "CloudTrail userIdentity
 * element", {@code ec2RoleDelivery}; IAM User Guide, "Use an IAM role to grant permissions to applications running on
 * Amazon EC2 instances").
 *
 * <ul>
 *   <li>{@code RunInstances} with {@code requestParameters.iamInstanceProfile} (its {@code arn} or {@code name}):
 *   the instances of {@code responseElements.instancesSet.items[].instanceId}; without it (a launch template),
 *   the instances whose item there has an {@code iamInstanceProfile};</li>
 *   <li>{@code AssociateIamInstanceProfile}, {@code ReplaceIamInstanceProfileAssociation}: the {@code instanceId} the
 *   response's association names (or the request's).</li>
 * </ul>
 */
final class InstanceProfileLaunch {
    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");

    private InstanceProfileLaunch() {
    }

    static List<IssuedCredential> instances(String name, JsonNode r, TrailIdentity who) {
        JsonNode response = r.path("responseElements");
        List<String> ids = new ArrayList<>();
        if (name.equals("RunInstances")) {
            boolean requested = r.path("requestParameters").path("iamInstanceProfile").isObject();
            for (JsonNode item : response.path("instancesSet").path("items")) {
                // A launch template names the profile out of the request; the instance then has it in the response.
                if (requested || item.path("iamInstanceProfile").isObject()) {
                    addId(ids, RecordMapper.text(item, "instanceId"));
                }
            }
        } else {
            collectIds(response, ids);
            if (ids.isEmpty()) {
                collectIds(r.path("requestParameters"), ids);
            }
        }
        String account = RecordMapper.text(r, "recipientAccountId");
        if (account == null) {
            account = who.accountId();
        }
        String partition = who.arn() == null ? "aws" : Arn.parse(who.arn()).map(Arn::partition).orElse("aws");
        String region = RecordMapper.text(r, "awsRegion");
        List<IssuedCredential> out = new ArrayList<>();
        for (String id : ids) {
            out.add(IssuedCredential.instance("arn:" + partition + ":ec2:" + (region == null ? "" : region) + ":"
                    + account + ":instance/" + id));
        }
        return out;
    }

    /** Every {@code instanceId} (any case) under the node: the association's shape varies with the API version. */
    private static void collectIds(JsonNode node, List<String> ids) {
        node.fields().forEachRemaining(f -> {
            if (f.getKey().equalsIgnoreCase("instanceId") && f.getValue().isTextual()) {
                addId(ids, f.getValue().asText());
            } else {
                collectIds(f.getValue(), ids);
            }
        });
        if (node.isArray()) {
            node.forEach(e -> collectIds(e, ids));
        }
    }

    private static void addId(List<String> ids, String id) {
        if (id != null && INSTANCE_ID.matcher(id).matches() && !ids.contains(id)) {
            ids.add(id);
        }
    }
}
