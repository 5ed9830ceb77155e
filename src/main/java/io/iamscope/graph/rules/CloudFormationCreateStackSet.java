package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.access.Targets;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.Technique;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * cloudformation:CreateStackSet + cloudformation:CreateStackInstances with self-managed permissions
 * (CloudFormation User Guide, "Grant self-managed permissions"): CloudFormation assumes the stack set's
 * administration role in the attacker's account, which assumes the execution role of each target account; the
 * template's resources are created there with the execution role. So the attacker gains the execution roles: the
 * roles, in any account of the snapshot, that an administration role may assume (its own policies and their trust
 * policy, as the graph's assume edges), with the path {@code /} (ExecutionRoleName is a name, no path: CloudFormation
 * API Reference, CreateStackSet). The administration role trusts {@code cloudformation.amazonaws.com}; the one named
 * AWSCloudFormationStackSetAdministrationRole is used without being passed ("users don't pass an administrator role"
 * in the basic setup), any other is passed (iam:PassRole, {@code iam:PassedToService} = CloudFormation, and
 * {@code cloudformation:RoleArn} = it on CreateStackSet). The template's location ({@code cloudformation:TemplateUrl})
 * and the target regions ({@code cloudformation:TargetRegion}) are the attacker's pick: unknown. Service-managed
 * stack sets (AWS Organizations' trusted access) are not modelled.
 */
final class CloudFormationCreateStackSet implements Technique {
    static final String DEFAULT_ADMINISTRATION_ROLE = "AWSCloudFormationStackSetAdministrationRole";
    private static final String SERVICE = "cloudformation.amazonaws.com";
    private static final String CREATE = "cloudformation:CreateStackSet";
    private static final String INSTANCES = "cloudformation:CreateStackInstances";
    private static final TechniqueInfo INFO = new TechniqueInfo("cloudformation-create-stack-set",
            "cloudformation:CreateStackSet + cloudformation:CreateStackInstances (+ iam:PassRole)",
            "create a self-managed stack set with an administration role and deploy it: its template's resources are"
                    + " created with the execution roles that role may assume",
            List.of(CREATE, INSTANCES), TargetKind.ROLE, "the permissions of the execution roles",
            List.of(Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        AccessChecker c = ctx.checker();
        Steps deploy = new Steps();
        if (!deploy.allow(c.checkNew(a, INSTANCES, c.base().toBuilder().unknown("cloudformation:TargetRegion").build()))) {
            return;
        }
        Targets<Role> administration = ctx.serviceRoles(a, SERVICE, false);
        for (int i = 0; i < administration.size(); i++) {
            Role admin = administration.get(i);
            Steps steps = new Steps();
            if (!(created(a, ctx, admin, steps) && steps.allow(c.serviceAssume(SERVICE, admin)))) {
                continue;
            }
            steps.append(deploy);
            for (Role exec : executionRoles(a, ctx, admin)) {
                Steps s = steps.fork();
                Evidence assumed = c.check(ref(admin), "sts:AssumeRole", exec.arn(), c.base());
                // Reached through two administration roles, the graph keeps the first definite edge.
                if (s.allow(assumed)) {
                    out.accept(s.to(INFO.id(), exec.arn(), false));
                }
            }
        }
    }

    /**
     * Creating the stack set with this administration role: the default one without passing it, else (or when that
     * is refused) passing it.
     */
    private static boolean created(Actor a, TechniqueContext ctx, Role admin, Steps steps) {
        AccessChecker c = ctx.checker();
        List<Boolean> ways = new ArrayList<>();
        if ("/".equals(admin.path()) && DEFAULT_ADMINISTRATION_ROLE.equals(admin.name())) {
            ways.add(false);
        }
        ways.add(true);
        return Alternatives.first(ways, steps, (passed, s) -> {
            RequestContext.Builder create = c.base().toBuilder().unknown("cloudformation:TemplateUrl");
            if (!passed) {
                return s.allow(c.checkNew(a, CREATE, create.build()));
            }
            return s.allow(c.checkNew(a, CREATE, create.put("cloudformation:RoleArn", admin.arn()).build()))
                    && s.allow(c.check(a, "iam:PassRole", admin.arn(), "iam:PassedToService", SERVICE));
        });
    }

    /**
     * The roles the administration role may assume, as the graph's assume phase found them, with the same
     * account's when it is itself an administrator (that phase leaves them to the account node, but here its
     * permissions serve only to assume execution roles); path {@code /} only, not the attacker itself.
     */
    private static List<Role> executionRoles(Actor a, TechniqueContext ctx, Role admin) {
        AccessChecker c = ctx.checker();
        Actor adminActor = c.actor(ref(admin));
        List<Role> out = new ArrayList<>(ctx.assumable(adminActor));
        if (ctx.admin(admin.arn())) {
            Targets<Role> own = ctx.editableRolesAdminFirst(admin.accountId());
            c.forEachAllowed(adminActor, "sts:AssumeRole", own, (r, e) -> {
                if (!out.contains(r)) {
                    out.add(r);
                }
                return !ctx.admin(r.arn()); // an administrator of the account reaches the others
            });
        }
        return out.stream().filter(r -> "/".equals(r.path()) && !r.arn().equals(a.arn()) && !r.equals(admin))
                .toList();
    }

    private static PrincipalRef ref(Role role) {
        return new PrincipalRef(PrincipalRef.Kind.ROLE, role, role.accountId(), null, null);
    }
}
