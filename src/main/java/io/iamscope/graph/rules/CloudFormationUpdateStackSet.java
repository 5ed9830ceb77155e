package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.policy.Arn;
import java.util.List;
import java.util.function.Consumer;

/**
 * cloudformation:UpdateStackSet on an existing stack set ({@code AWS::CloudFormation::StackSet}) with a template of
 * the attacker's: StackSets deploys it to every stack instance, in each target account with that account's execution
 * role, which then creates the template's resources.
 * <ul>
 * <li>Self-managed permissions: the administration role ({@code roleArn}, the stack set's
 * {@code AdministrationRoleARN}) is assumed by CloudFormation and assumes the execution role
 * ({@code ExecutionRoleName}, default {@code AWSCloudFormationStackSetExecutionRole}) in each target account
 * (CloudFormation User Guide, "Grant self-managed permissions"). With the default administration role
 * ({@code AWSCloudFormationStackSetAdministrationRole}) "users do not pass an administrator role when creating or
 * updating stack sets"; a stack set created with a customized one must be given it again, "even if it is the same"
 * (CloudFormation API Reference, UpdateStackSet: AdministrationRoleARN), which takes iam:PassRole on it
 * ({@code iam:PassedToService} = {@code cloudformation.amazonaws.com}). Checked: CloudFormation may assume the
 * administration role, and the administration role may assume each execution role (the engine, with both
 * accounts' policies).</li>
 * <li>Service-managed permissions (AWS Organizations): StackSets' service-linked role in the management account
 * assumes the roles named {@code stacksets-exec-*} it created in the target accounts (its managed policy
 * CloudFormationStackSetsOrgAdminServiceRolePolicy allows sts:AssumeRole on {@code arn:aws:iam::*:role/stacksets-exec-*});
 * no role is passed.</li>
 * </ul>
 * UpdateStackSet is authorized on the stack set (Service Authorization Reference, AWS CloudFormation: resource type
 * {@code stackset}, required); its keys (template URL, role ARN, target regions, request tags) are the attacker's:
 * declared unknown. The target accounts are the stack set's {@code StackInstanceAccounts}; only those in the snapshot
 * give edges. Not modelled: a delegated administrator updating a service-managed stack set (its call is made
 * {@code CallAs} DELEGATED_ADMIN from another account than the stack set's).
 */
final class CloudFormationUpdateStackSet implements Technique {
    static final String TYPE = "AWS::CloudFormation::StackSet";
    static final String DEFAULT_ADMINISTRATION_ROLE = "AWSCloudFormationStackSetAdministrationRole";
    static final String DEFAULT_EXECUTION_ROLE = "AWSCloudFormationStackSetExecutionRole";
    private static final String UPDATE = "cloudformation:UpdateStackSet";
    private static final String CLOUDFORMATION = "cloudformation.amazonaws.com";
    private static final List<String> CHOSEN = List.of("cloudformation:TemplateUrl", "cloudformation:RoleArn",
            "cloudformation:TargetRegion", "aws:RequestTag/*", "aws:TagKeys");
    private static final TechniqueInfo INFO = new TechniqueInfo("cloudformation-update-stack-set",
            "cloudformation:UpdateStackSet (+ iam:PassRole of a customized administration role) on a stack set",
            "update an existing stack set with the attacker's template: each target account's execution role creates"
                    + " its resources",
            List.of(UPDATE), TargetKind.ROLE, "the permissions of the stack set's execution roles",
            List.of(Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        AccessChecker c = ctx.checker();
        for (Resource set : ctx.inventory().ofType(a.account(), TYPE)) {
            if ("DELETED".equals(set.properties().get("Status"))) {
                continue;
            }
            Steps steps = new Steps();
            if (!steps.allow(c.check(a, UPDATE, set.arn(), CHOSEN))) {
                continue;
            }
            if ("SERVICE_MANAGED".equals(set.properties().get("PermissionModel"))) {
                serviceManaged(a, ctx, set, steps, out);
            } else {
                selfManaged(a, ctx, set, steps, out);
            }
        }
    }

    private static void selfManaged(Actor a, TechniqueContext ctx, Resource set, Steps steps,
                                    Consumer<Escalation> out) {
        AccessChecker c = ctx.checker();
        String partition = Arn.partitionOf(set.arn());
        String adminArn = set.roleArn() != null ? set.roleArn()
                : "arn:" + partition + ":iam::" + a.account() + ":role/" + DEFAULT_ADMINISTRATION_ROLE;
        Role admin = ctx.inventory().role(adminArn);
        if (admin == null) {
            return; // the administration role is not in the snapshot: whether it works is unknown
        }
        boolean customized = !(admin.name().equals(DEFAULT_ADMINISTRATION_ROLE)
                && (admin.path() == null || "/".equals(admin.path())));
        if (customized && !steps.allow(c.check(a, "iam:PassRole", admin.arn(), "iam:PassedToService", CLOUDFORMATION))) {
            return;
        }
        if (!steps.allow(c.serviceAssume(CLOUDFORMATION, admin))) {
            return;
        }
        String execution = set.properties().get("ExecutionRoleName") instanceof String n ? n : DEFAULT_EXECUTION_ROLE;
        PrincipalRef adminRef = new PrincipalRef(PrincipalRef.Kind.ROLE, admin, admin.accountId(), null,
                "administration role of stack set `" + set.arn() + "`");
        for (String account : accounts(set)) {
            Role target = ctx.inventory().role("arn:" + partition + ":iam::" + account + ":role/" + execution);
            if (target == null || target.arn().equals(a.arn())) {
                continue;
            }
            Steps s = steps.fork();
            if (s.allow(c.check(adminRef, "sts:AssumeRole", target.arn(), c.base()))) {
                out.accept(s.to(INFO.id(), target.arn(), false));
            }
        }
    }

    private static void serviceManaged(Actor a, TechniqueContext ctx, Resource set, Steps steps,
                                       Consumer<Escalation> out) {
        for (String account : accounts(set)) {
            for (Role target : ctx.inventory().roles(account)) {
                if (target.name().startsWith("stacksets-exec-") && !target.arn().equals(a.arn())) {
                    out.accept(steps.fork().to(INFO.id(), target.arn(), false));
                }
            }
        }
    }

    /** The accounts of the stack set's instances, as recorded. */
    private static List<String> accounts(Resource set) {
        return set.properties().get("StackInstanceAccounts") instanceof List<?> l
                ? l.stream().filter(String.class::isInstance).map(String.class::cast).distinct().toList() : List.of();
    }
}
