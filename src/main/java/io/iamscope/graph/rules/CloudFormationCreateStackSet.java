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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    /** An execution role and the administration role's sts:AssumeRole on it. */
    private record Execution(Role role, Evidence assumed) {
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        AccessChecker c = ctx.checker();
        Steps deploy = new Steps();
        RequestContext regions = c.base().toBuilder().unknown("cloudformation:TargetRegion").build();
        if (!deploy.allow(c.checkNew(a, INSTANCES, regions))) {
            return;
        }
        // With the role unknown: refused so, no role can help; allowed definitely so, it stands for every role.
        Evidence anyRole = c.checkNew(a, CREATE, create(c).unknown("cloudformation:RoleArn").build());
        if (!anyRole.allows()) {
            return;
        }
        Set<String> reached = new HashSet<>();
        Set<String> covered = new HashSet<>();
        Role standard = ctx.inventory().role("arn:aws:iam::" + a.account() + ":role/" + DEFAULT_ADMINISTRATION_ROLE);
        if (standard != null) {
            Steps s = new Steps();
            if (s.allow(c.checkNew(a, CREATE, create(c).build()))) {
                deploy(a, ctx, standard, s, deploy, reached, covered, out);
            }
        }
        if (!c.mayMatchAnyUnder(a, "iam:PassRole", "arn:aws:iam::")) {
            return;
        }
        int accounts = ctx.inventory().index().snapshot().accounts().size();
        c.forEachPassable(a, SERVICE, ctx.serviceRoles(a, SERVICE, false), (admin, passed) -> {
            Steps s = new Steps();
            Evidence created = anyRole.conditional()
                    ? c.checkNew(a, CREATE, create(c).put("cloudformation:RoleArn", admin.arn()).build()) : anyRole;
            if (s.allow(created) && s.allow(passed)) {
                deploy(a, ctx, admin, s, deploy, reached, covered, out);
            }
            return covered.size() < accounts;
        });
    }

    /** CreateStackSet's request: the template's location is the attacker's pick. */
    private static RequestContext.Builder create(AccessChecker c) {
        return c.base().toBuilder().unknown("cloudformation:TemplateUrl");
    }

    /**
     * The stack set created with this administration role ({@code created} holds how) and deployed: an edge to each
     * execution role it may assume, but those reached definitely already ({@code reached}, role ARNs) and those of
     * an account whose administrator was ({@code covered}, account ids).
     */
    private static void deploy(Actor a, TechniqueContext ctx, Role admin, Steps created, Steps deploy,
                               Set<String> reached, Set<String> covered, Consumer<Escalation> out) {
        if (!created.allow(ctx.checker().serviceAssume(SERVICE, admin))) {
            return;
        }
        created.append(deploy);
        Targets<Execution> executions = executions(ctx, admin);
        for (int i = 0; i < executions.size(); i++) {
            Execution exec = executions.get(i);
            Role role = exec.role();
            if (role.arn().equals(a.arn()) || reached.contains(role.arn()) || covered.contains(role.accountId())) {
                continue;
            }
            Steps s = created.fork();
            s.allow(exec.assumed());
            out.accept(s.to(INFO.id(), role.arn(), false));
            if (!s.conditional()) {
                reached.add(role.arn());
                if (ctx.admin(role.arn())) {
                    covered.add(role.accountId()); // its account node reaches the others
                }
            }
        }
    }

    /**
     * The roles an administration role may assume, with its sts:AssumeRole on each, administrators first, path
     * {@code /} only: as the graph's assume phase found them, with its own account's when it is itself an
     * administrator (that phase leaves those to the account node, but here its permissions serve only to assume
     * execution roles). Attacker-independent: built once per role and build.
     */
    private static Targets<Execution> executions(TechniqueContext ctx, Role admin) {
        // Fetched before: the list below is built inside the context's map of lists, which it must not change.
        List<Targets<Role>> own = ctx.admin(admin.arn()) ? ctx.assumeCandidates(admin, admin.accountId()) : List.of();
        return ctx.targets("stack set execution roles of " + admin.arn(), () -> {
            AccessChecker c = ctx.checker();
            Actor adminActor = c.actor(ref(admin));
            Set<Role> all = new LinkedHashSet<>(ctx.assumable(adminActor));
            for (Targets<Role> candidates : own) {
                c.forEachAllowed(adminActor, "sts:AssumeRole", candidates, (r, e) -> {
                    all.add(r);
                    return !ctx.admin(r.arn()); // an administrator of the account reaches the others
                });
            }
            return all.stream().filter(r -> "/".equals(r.path()) && !r.equals(admin))
                    .sorted(Comparator.comparing(r -> !ctx.admin(r.arn())))
                    .map(r -> new Execution(r, c.check(adminActor, "sts:AssumeRole", r.arn())))
                    .filter(e -> e.assumed().allows()).toList();
        }, e -> e.role().arn());
    }

    private static PrincipalRef ref(Role role) {
        return new PrincipalRef(PrincipalRef.Kind.ROLE, role, role.accountId(), null, null);
    }
}
