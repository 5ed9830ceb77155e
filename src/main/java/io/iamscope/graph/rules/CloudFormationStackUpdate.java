package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.Resource;
import java.util.List;
import java.util.Set;

/**
 * A new template for an existing stack that has a service role: cloudformation:UpdateStack, or
 * cloudformation:CreateChangeSet + cloudformation:ExecuteChangeSet. CloudFormation then creates the template's
 * resources (an IAM user with an access key, a role the attacker may assume, a function with its code) with the
 * stack's service role. "Other users that have permissions to perform operations on this stack are able to use this
 * role, regardless of whether those users have the iam:PassRole permission" (CloudFormation User Guide,
 * "CloudFormation service role"), so no iam:PassRole is checked. Each action is authorized on the stack (Service
 * Authorization Reference, AWS CloudFormation: resource type {@code stack}, required). The template URL, stack
 * policy URL, resource types, role ARN and change set name are the attacker's to choose: declared unknown. A stack
 * in {@code ROLLBACK_COMPLETE} cannot be updated, only deleted (CloudFormation User Guide, "Stack status codes"):
 * not a candidate. CloudFormation has no resource-based policies on stacks.
 */
final class CloudFormationStackUpdate extends ResourceRoleTechnique {
    static final String TYPE = "AWS::CloudFormation::Stack";
    private static final Set<String> NOT_UPDATABLE = Set.of("ROLLBACK_COMPLETE", "DELETE_COMPLETE",
            "DELETE_IN_PROGRESS");
    /** The request keys of UpdateStack and CreateChangeSet the caller sets (Service Authorization Reference). */
    private static final List<String> CHOSEN = List.of("cloudformation:TemplateUrl", "cloudformation:StackPolicyUrl",
            "cloudformation:ResourceTypes", "cloudformation:RoleArn", "cloudformation:ChangeSetName",
            "cloudformation:ImportResourceTypes", "aws:RequestTag/*", "aws:TagKeys");

    private final TechniqueInfo info;
    private final List<String> actions;

    private CloudFormationStackUpdate(TechniqueInfo info) {
        this.info = info;
        this.actions = info.requiredActions();
    }

    /** cloudformation:UpdateStack with a new template. */
    static CloudFormationStackUpdate direct() {
        return new CloudFormationStackUpdate(new TechniqueInfo("cloudformation-update-stack",
                "cloudformation:UpdateStack on a stack with a service role",
                "update an existing stack that has a service role with the attacker's template, whose resources"
                        + " CloudFormation creates with that role",
                List.of("cloudformation:UpdateStack"), TargetKind.ROLE, "the permissions of the stack's service role",
                List.of(Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER)));
    }

    /** cloudformation:CreateChangeSet + cloudformation:ExecuteChangeSet with a new template. */
    static CloudFormationStackUpdate changeSet() {
        return new CloudFormationStackUpdate(new TechniqueInfo("cloudformation-change-set",
                "cloudformation:CreateChangeSet + ExecuteChangeSet on a stack with a service role",
                "create a change set with the attacker's template for an existing stack that has a service role and"
                        + " execute it: CloudFormation creates the new resources with that role",
                List.of("cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet"), TargetKind.ROLE,
                "the permissions of the stack's service role", List.of(Refs.PATHFINDING, Refs.PMAPPER)));
    }

    @Override
    public TechniqueInfo info() {
        return info;
    }

    @Override
    List<String> actions() {
        return actions;
    }

    @Override
    List<String> chosenKeys(String action) {
        return CHOSEN;
    }

    @Override
    List<Resource> resources(TechniqueContext ctx) {
        return ctx.inventory().withRole(TYPE).stream()
                .filter(r -> !(r.properties().get("StackStatus") instanceof String s && NOT_UPDATABLE.contains(s)))
                .toList();
    }

    @Override
    public boolean grantableByResourcePolicy() {
        return false;
    }
}
