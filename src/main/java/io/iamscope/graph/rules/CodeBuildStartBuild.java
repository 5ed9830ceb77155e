package io.iamscope.graph.rules;

import io.iamscope.model.Resource;
import java.util.List;

/**
 * codebuild:StartBuild on an existing project with a service role: StartBuild accepts a buildspec override
 * (CodeBuild API Reference, StartBuild: {@code buildspecOverride}), so the attacker's commands run in the build
 * with the project's service role. A policy can restrict the override with the {@code codebuild:source.buildspec}
 * condition key, which the engine then reports as an unknown key (the edge is conditional).
 */
final class CodeBuildStartBuild extends ResourceRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("codebuild-start-build",
            "codebuild:StartBuild with a buildspec override on a project with a service role",
            "start a build of an existing project with its own buildspec, which runs with the project's service role",
            List.of("codebuild:StartBuild"), TargetKind.ROLE, "the permissions of the project's service role",
            List.of(Refs.COMPOSED));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    List<String> actions() {
        return List.of("codebuild:StartBuild");
    }

    @Override
    List<Resource> resources(RuleContext ctx) {
        return ctx.inventory().withRole("AWS::CodeBuild::Project");
    }
}
