package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.technique.Escalation;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * iam:PassRole + codebuild:UpdateProject + codebuild:StartBuild (or codebuild:StartBuildBatch) on an existing
 * project of the account (collected as {@code AWS::CodeBuild::Project}, or supplied with {@code --resources}):
 * the update sets the project's service role to a role that trusts CodeBuild (passing it) and its buildspec, the
 * build then runs the attacker's commands with that role. UpdateProject is checked on the project with
 * {@code codebuild:serviceRole} = the role (and, for a batch build, {@code codebuild:buildBatchConfig.serviceRole}
 * too: batch builds run with the batch configuration's role; CodeBuild API Reference, ProjectBuildBatchConfig),
 * the build on the project (Service Authorization Reference, CodeBuild: resource type project). Which projects the
 * attacker may build does not depend on the role: found once.
 */
final class CodeBuildUpdateProject extends PassRoleTechnique {
    private static final String UPDATE = "codebuild:UpdateProject";
    private static final String TYPE = "AWS::CodeBuild::Project";
    private static final TechniqueInfo INFO = new TechniqueInfo("codebuild-update-project",
            "iam:PassRole + codebuild:UpdateProject + codebuild:StartBuild on an existing project",
            "switch an existing project to a service role that trusts CodeBuild and a buildspec of its own, and start a"
                    + " build",
            List.of("iam:PassRole", UPDATE), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.PMAPPER));

    /** A project the attacker may build, how, and the keys its update names the role in. */
    private record Build(Resource project, Steps start, List<String> roleKeys) {
    }

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String service() {
        return "codebuild.amazonaws.com";
    }

    @Override
    List<String> actions() {
        return List.of();
    }

    @Override
    public void find(Actor a, TechniqueContext ctx, Consumer<Escalation> out) {
        List<Build> builds = builds(a, ctx);
        if (builds.isEmpty()) {
            return;
        }
        AccessChecker c = ctx.checker();
        eachPassedRole(a, ctx, new Steps(), (role, steps) -> Alternatives.first(builds, steps, (build, s) -> {
            RequestContext.Builder update = c.base().toBuilder();
            build.roleKeys().forEach(k -> update.put(k, role.arn()));
            if (!s.allow(c.check(a, UPDATE, build.project().arn(), update.build()))) {
                return false;
            }
            s.append(build.start());
            return true;
        }), out);
    }

    /** The projects of the account the attacker may start a build (or a batch build) of. */
    private static List<Build> builds(Actor a, TechniqueContext ctx) {
        AccessChecker c = ctx.checker();
        List<Build> out = new ArrayList<>();
        for (Resource project : ctx.inventory().ofType(a.account(), TYPE)) {
            for (String start : List.of("codebuild:StartBuild", "codebuild:StartBuildBatch")) {
                Steps s = new Steps();
                if (c.mentions(a, start) && s.allow(c.check(a, start, project.arn()))) {
                    out.add(new Build(project, s, start.endsWith("Batch")
                            ? List.of("codebuild:serviceRole", "codebuild:buildBatchConfig.serviceRole")
                            : List.of("codebuild:serviceRole")));
                }
            }
        }
        return out;
    }
}
