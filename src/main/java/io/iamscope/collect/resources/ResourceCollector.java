package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/** Collects one service's resources with their resource-based policies in one region. */
public interface ResourceCollector {

    /** The service prefix, for progress lines. */
    String service();

    /** Adds one record per resource to {@code out} (see docs/snapshot-format.md) and returns how many. */
    int collect(Target target, ArrayNode out);

    /** The regional collectors, in the order they run. S3 is separate: its listing is global. */
    static List<ResourceCollector> regional() {
        return List.of(new KmsCollector(), new SqsCollector(), new SnsCollector(), new LambdaCollector(),
                new SecretsManagerCollector(), new EcrCollector(), new Ec2Collector(), new EcsCollector(),
                new CodeBuildCollector(), new AppRunnerCollector(), new CloudFormationCollector(),
                new AutoScalingCollector(), new LaunchTemplateCollector(), new GlueCollector(), new SageMakerCollector(),
                new AgentCoreCodeInterpreterCollector());
    }
}
