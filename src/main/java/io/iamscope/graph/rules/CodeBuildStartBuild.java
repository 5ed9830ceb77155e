package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.model.Resource;
import java.util.List;

/**
 * codebuild:StartBuild, or codebuild:StartBuildBatch, on an existing project with a service role: both accept a
 * buildspec override (CodeBuild API Reference, StartBuild and StartBuildBatch: {@code buildspecOverride}), so
 * the attacker's commands run in the build with the project's service role. A policy can restrict the override
 * with the {@code codebuild:source.buildspec} condition key, which the engine then reports as an unknown key
 * (the edge is conditional).
 */
final class CodeBuildStartBuild extends ResourceRoleTechnique {
    private final String action;
    private final TechniqueInfo info;

    private CodeBuildStartBuild(String id, String action, String what) {
        this.action = action;
        this.info = new TechniqueInfo(id, action + " with a buildspec override on a project with a service role",
                "start " + what + " of an existing project with its own buildspec, which runs with the project's"
                        + " service role",
                List.of(action), TargetKind.ROLE, "the permissions of the project's service role",
                List.of(Refs.COMPOSED));
    }

    static CodeBuildStartBuild single() {
        return new CodeBuildStartBuild("codebuild-start-build", "codebuild:StartBuild", "a build");
    }

    static CodeBuildStartBuild batch() {
        return new CodeBuildStartBuild("codebuild-start-build-batch", "codebuild:StartBuildBatch", "a batch build");
    }

    @Override
    public TechniqueInfo info() {
        return info;
    }

    @Override
    List<String> actions() {
        return List.of(action);
    }

    @Override
    List<Resource> resources(TechniqueContext ctx) {
        return ctx.inventory().withRole("AWS::CodeBuild::Project");
    }
}
