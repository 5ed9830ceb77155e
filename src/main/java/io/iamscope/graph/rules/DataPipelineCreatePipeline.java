package io.iamscope.graph.rules;

import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.graph.technique.TargetKind;
import java.util.List;

/** iam:PassRole + datapipeline:CreatePipeline + datapipeline:PutPipelineDefinition: create a pipeline with a role that trusts Data Pipeline and define an activity that runs the attacker's commands. */
final class DataPipelineCreatePipeline extends PassRoleTechnique {
    private static final TechniqueInfo INFO = new TechniqueInfo("datapipeline-create-pipeline", "iam:PassRole + datapipeline:CreatePipeline + datapipeline:PutPipelineDefinition",
            "create a pipeline with a role that trusts Data Pipeline and define an activity that runs the attacker's commands", List.of("iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.RHINO, Refs.BISHOPFOX, Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String service() {
        return "datapipeline.amazonaws.com";
    }

    @Override
    List<String> actions() {
        return List.of("datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition");
    }
}
