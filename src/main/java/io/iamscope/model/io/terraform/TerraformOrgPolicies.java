package io.iamscope.model.io.terraform;

import io.iamscope.model.OrgPolicy;
import io.iamscope.model.OrgPolicyType;
import io.iamscope.model.io.planned.IamApplier;
import java.util.ArrayList;
import java.util.List;

/**
 * The organization's SCPs and RCPs in a Terraform plan: {@code aws_organizations_policy} put or deleted and
 * {@code aws_organizations_policy_attachment} attached or detached, policies before attachments. Without the
 * organization in the snapshot they are a warning: an SCP or RCP only takes access away.
 */
final class TerraformOrgPolicies {
    private final IamApplier to;
    private final PlanValues values;

    TerraformOrgPolicies(IamApplier to, PlanValues values) {
        this.to = to;
        this.values = values;
    }

    /**
     * An SCP or RCP put or removed. Other policy types (tag, backup, AI opt-out) do not decide access. Content
     * unknown until apply is taken as restricting nothing (SCPs and RCPs only ever take access away), with a
     * warning: what it may deny is counted as allowed.
     */
    void policy(PlannedResource r) {
        String type = r.text("type") == null ? "SERVICE_CONTROL_POLICY" : r.text("type");
        if (!type.equals("SERVICE_CONTROL_POLICY") && !type.equals("RESOURCE_CONTROL_POLICY")) {
            return;
        }
        if (!organization(r)) {
            return;
        }
        String id = orgPolicyId(r);
        OrgPolicy old = to.orgPolicy(id);
        if (r.deleted()) {
            to.putOrgPolicy(id, null, r.address());
            return;
        }
        String content = r.text("content");
        if (content == null || content.isEmpty()) {
            to.warn(r.address() + ": `content` is unknown until apply: taken as restricting nothing");
            content = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                    + "\"Resource\":\"*\"}]}";
        }
        to.putOrgPolicy(id, new OrgPolicy(id, r.text("arn") != null ? r.text("arn") : old == null ? null : old.arn(),
                r.text("name"), OrgPolicyType.valueOf(type), false, values.parse(content, r, "content"),
                old == null ? List.of() : old.targets()), r.address());
    }

    void attachment(PlannedResource r) {
        if (!organization(r)) {
            return;
        }
        String id = r.text("policy_id");
        if (id == null) {
            PlannedResource policy = values.referred(r, "policy_id", "aws_organizations_policy");
            id = policy == null ? null : orgPolicyId(policy);
        }
        String target = r.text("target_id");
        OrgPolicy policy = id == null ? null : to.orgPolicy(id);
        if (policy == null && r.deleted() && id != null) {
            return; // detached from a policy the plan deletes: nothing left to detach
        }
        if (policy == null || target == null) {
            to.warn(r.address() + ": the policy or target is unknown until apply, or the policy is not an SCP or"
                    + " RCP of the organization: not applied");
            return;
        }
        List<String> targets = new ArrayList<>(policy.targets());
        targets.remove(target);
        if (!r.deleted()) {
            targets.add(target);
        }
        to.putOrgPolicy(id, new OrgPolicy(policy.id(), policy.arn(), policy.name(), policy.type(),
                policy.awsManaged(), policy.content(), targets), r.address());
    }

    private boolean organization(PlannedResource r) {
        if (!to.hasOrganization()) {
            to.warn(r.address() + ": the snapshot has no organization: not applied (an SCP or RCP only takes"
                    + " access away, so what it would deny is counted as allowed)");
            return false;
        }
        return true;
    }

    private static String orgPolicyId(PlannedResource r) {
        return r.text("id") != null ? r.text("id") : r.address();
    }
}
