package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Paging;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * Running ECS tasks with their task roles: whoever can run code in a task's container acts as its role. And the
 * clusters' services with the task role of the definition they run: whoever may update a service can have it
 * run a task definition of their own ({@code ecs-update-service}). And the clusters' active container instances:
 * ecs:StartTask places a task of one's own on one ({@code ecs-start-task}). None has a resource policy, so
 * {@code policy} is null.
 */
final class EcsCollector implements ResourceCollector {
    private static final String TYPE = "AWS::ECS::Task";
    private static final String SERVICE_TYPE = "AWS::ECS::Service";
    private static final String CONTAINER_INSTANCE_TYPE = "AWS::ECS::ContainerInstance";
    /** DescribeTasks accepts at most 100 tasks per call. */
    private static final int BATCH = 100;
    /** DescribeServices accepts at most 10 services per call. */
    private static final int SERVICE_BATCH = 10;

    @Override
    public String service() {
        return "ecs";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        Calls calls = t.calls();
        try (EcsClient ecs = t.clients().ecs(t.region())) {
            List<String> clusters = Paging.all(calls, AwsOperation.ECS_LIST_CLUSTERS, t.region(), null, token -> {
                ListClustersResponse r = ecs.listClusters(b -> b.nextToken(token));
                return Paging.Page.of(r.clusterArns(), r.nextToken());
            });
            // Task definitions are shared by many tasks: each is read once; an empty value means unreadable.
            Map<String, Optional<String>> roles = new HashMap<>();
            int count = 0;
            for (String cluster : clusters) {
                List<String> taskArns = Paging.all(calls, AwsOperation.ECS_LIST_TASKS, t.region(), cluster,
                        token -> {
                            ListTasksResponse r = ecs.listTasks(b -> b.cluster(cluster)
                                    .desiredStatus(DesiredStatus.RUNNING).nextToken(token));
                            return Paging.Page.of(r.taskArns(), r.nextToken());
                        });
                // Tasks that stopped since the listing come back as failures (MISSING): gone, not unknown.
                count += inBatches(taskArns, BATCH, batch -> {
                    DescribeTasksResponse r = calls.get(AwsOperation.ECS_DESCRIBE_TASKS, t.region(), cluster,
                            () -> ecs.describeTasks(b -> b.cluster(cluster).tasks(batch).include(TaskField.TAGS)));
                    return r == null ? List.<Task>of() : r.tasks();
                }, task -> out.add(record(t, task, roleOf(ecs, t, task.taskDefinitionArn(), roles))));
                count += services(ecs, t, cluster, roles, out);
                count += containerInstances(ecs, t, cluster, out);
            }
            return count;
        }
    }

    private static int services(EcsClient ecs, Target t, String cluster, Map<String, Optional<String>> roles,
                                ArrayNode out) {
        Calls calls = t.calls();
        List<String> serviceArns = Paging.all(calls, AwsOperation.ECS_LIST_SERVICES, t.region(), cluster, token -> {
            ListServicesResponse r = ecs.listServices(b -> b.cluster(cluster).nextToken(token));
            return Paging.Page.of(r.serviceArns(), r.nextToken());
        });
        // Services deleted since the listing come back as failures (MISSING): gone, not unknown.
        return inBatches(serviceArns, SERVICE_BATCH, batch -> {
            DescribeServicesResponse r = calls.get(AwsOperation.ECS_DESCRIBE_SERVICES, t.region(), cluster,
                    () -> ecs.describeServices(b -> b.cluster(cluster).services(batch).include(ServiceField.TAGS)));
            return r == null ? List.<Service>of() : r.services();
        }, service -> out.add(record(t, service, roleOf(ecs, t, service.taskDefinition(), roles))));
    }

    /**
     * The cluster's active container instances, each with its cluster; their tags are not read (the record has no
     * {@code tags}: unknown), as ecs:StartTask is authorized on the task definition, not on them.
     */
    private static int containerInstances(EcsClient ecs, Target t, String cluster, ArrayNode out) {
        List<String> arns = Paging.all(t.calls(), AwsOperation.ECS_LIST_CONTAINER_INSTANCES, t.region(), cluster,
                token -> {
                    ListContainerInstancesResponse r = ecs.listContainerInstances(b -> b.cluster(cluster)
                            .status(ContainerInstanceStatus.ACTIVE).nextToken(token));
                    return Paging.Page.of(r.containerInstanceArns(), r.nextToken());
                });
        for (String arn : arns) {
            ObjectNode record = Resources.record(arn, CONTAINER_INSTANCE_TYPE, t.region(), null);
            Resources.properties(record).put("clusterArn", cluster);
            out.add(record);
        }
        return arns.size();
    }

    /**
     * Describes {@code arns} {@code size} at a time ({@code describe} gives nothing for a call that failed: its
     * gap is recorded) and hands each item described to {@code each}; how many there were.
     */
    private static <T> int inBatches(List<String> arns, int size, Function<List<String>, List<T>> describe,
                                     Consumer<T> each) {
        int count = 0;
        for (int i = 0; i < arns.size(); i += size) {
            for (T item : describe.apply(arns.subList(i, Math.min(i + size, arns.size())))) {
                each.accept(item);
                count++;
            }
        }
        return count;
    }

    private static ObjectNode record(Target t, Service service, Optional<String> role) {
        ObjectNode record = record(t, service.serviceArn(), SERVICE_TYPE, role, service.hasTags() ? service.tags()
                : List.of(), service.clusterArn(), service.taskDefinition());
        if (service.status() != null) {
            Resources.properties(record).put("status", service.status());
        }
        return record;
    }

    /** What a task and a service record alike: the task role, tags, cluster and task definition. */
    private static ObjectNode record(Target t, String arn, String type, Optional<String> role, List<Tag> tagList,
                                     String cluster, String taskDefinition) {
        ObjectNode record = Resources.record(arn, type, t.region(), null);
        role.ifPresent(r -> record.put("roleArn", r));
        // Described with include=TAGS: none listed is none (an empty object), not unknown.
        Map<String, String> tags = new LinkedHashMap<>();
        tagList.forEach(tag -> tags.put(tag.key(), tag.value()));
        Resources.tags(record, tags);
        ObjectNode props = Resources.properties(record);
        if (cluster != null) {
            props.put("clusterArn", cluster);
        }
        if (taskDefinition != null) {
            props.put("taskDefinitionArn", taskDefinition);
        }
        return record;
    }

    private static Optional<String> roleOf(EcsClient ecs, Target t, String taskDefinition,
            Map<String, Optional<String>> roles) {
        if (taskDefinition == null) {
            return Optional.empty();
        }
        return roles.computeIfAbsent(taskDefinition, arn -> {
            DescribeTaskDefinitionResponse d = t.calls().get(AwsOperation.ECS_DESCRIBE_TASK_DEFINITION, t.region(),
                    arn, () -> ecs.describeTaskDefinition(b -> b.taskDefinition(arn)));
            return d == null || d.taskDefinition() == null ? Optional.empty()
                    : Optional.ofNullable(d.taskDefinition().taskRoleArn());
        });
    }

    private static ObjectNode record(Target t, Task task, Optional<String> role) {
        ObjectNode record = record(t, task.taskArn(), TYPE, role, task.hasTags() ? task.tags() : List.of(),
                task.clusterArn(), task.taskDefinitionArn());
        ObjectNode props = Resources.properties(record);
        if (task.enableExecuteCommand() != null) {
            props.put("enableExecuteCommand", task.enableExecuteCommand());
        }
        if (task.lastStatus() != null) {
            props.put("lastStatus", task.lastStatus());
        }
        return record;
    }
}
