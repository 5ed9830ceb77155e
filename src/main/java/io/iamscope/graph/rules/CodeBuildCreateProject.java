package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/** iam:PassRole + codebuild:CreateProject + codebuild:StartBuild: create a build project with a service role that trusts CodeBuild and start a build whose buildspec runs the attacker's commands. */
final class CodeBuildCreateProject extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("codebuild-create-project", "iam:PassRole + codebuild:CreateProject + codebuild:StartBuild",
            "create a build project with a service role that trusts CodeBuild and start a build whose buildspec runs the attacker's commands", List.of("iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.BISHOPFOX, Refs.PATHFINDING, Refs.PMAPPER));

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
        return List.of("codebuild:CreateProject", "codebuild:StartBuild");
    }
}
