package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Paging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksResponse;
import software.amazon.awssdk.services.cloudformation.model.ListStackInstancesResponse;
import software.amazon.awssdk.services.cloudformation.model.ListStackSetsResponse;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackInstanceSummary;
import software.amazon.awssdk.services.cloudformation.model.StackSet;
import software.amazon.awssdk.services.cloudformation.model.StackSetStatus;
import software.amazon.awssdk.services.cloudformation.model.StackSetSummary;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/**
 * CloudFormation stacks with their service roles, and stack sets with their administration role, execution role
 * name and the accounts of their stack instances: whoever may update a stack runs a template with its service role
 * ({@code cloudformation-update-stack}, {@code cloudformation-change-set}), and whoever may update a stack set runs
 * one with each target account's execution role ({@code cloudformation-update-stack-set}). Stacks and stack sets
 * have no resource-based policies ({@code policy} null; a stack policy governs updates of the stack's resources, not
 * who may call the API); their tags come with DescribeStacks and DescribeStackSet.
 */
final class CloudFormationCollector implements ResourceCollector {
    private static final String STACK = "AWS::CloudFormation::Stack";
    private static final String STACK_SET = "AWS::CloudFormation::StackSet";
    /** DescribeStackSet's answer for a stack set deleted since the listing: gone, not unknown. */
    private static final Set<String> GONE = Set.of("StackSetNotFoundException");

    @Override
    public String service() {
        return "cloudformation";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        Calls calls = t.calls();
        try (CloudFormationClient cfn = t.clients().cloudFormation(t.region())) {
            // DescribeStacks without a name lists every stack but the deleted ones (CloudFormation API Reference).
            List<Stack> stacks = Paging.all(calls, AwsOperation.CLOUDFORMATION_DESCRIBE_STACKS, t.region(), null,
                    token -> {
                        DescribeStacksResponse r = cfn.describeStacks(b -> b.nextToken(token));
                        return Paging.Page.of(r.stacks(), r.nextToken());
                    });
            stacks.forEach(s -> out.add(record(t, s)));
            List<StackSetSummary> sets = Paging.all(calls, AwsOperation.CLOUDFORMATION_LIST_STACK_SETS, t.region(),
                    null, token -> {
                        ListStackSetsResponse r = cfn.listStackSets(b -> b.status(StackSetStatus.ACTIVE)
                                .nextToken(token));
                        return Paging.Page.of(r.summaries(), r.nextToken());
                    });
            int count = stacks.size();
            for (StackSetSummary summary : sets) {
                String name = summary.stackSetName();
                DescribeStackSetResponse d = calls.fetch(AwsOperation.CLOUDFORMATION_DESCRIBE_STACK_SET, t.region(),
                        name, GONE, () -> cfn.describeStackSet(b -> b.stackSetName(name))).value();
                if (d == null || d.stackSet() == null || d.stackSet().stackSetARN() == null) {
                    continue;
                }
                // The targets of an update: every page, or the field is left out (unknown, not none).
                List<StackInstanceSummary> instances = Paging.complete(calls,
                        AwsOperation.CLOUDFORMATION_LIST_STACK_INSTANCES, t.region(), d.stackSet().stackSetARN(),
                        token -> {
                            ListStackInstancesResponse r = cfn.listStackInstances(b -> b.stackSetName(name)
                                    .nextToken(token));
                            return Paging.Page.of(r.summaries(), r.nextToken());
                        });
                out.add(record(t, d.stackSet(), instances));
                count++;
            }
            return count;
        }
    }

    private static ObjectNode record(Target t, Stack stack) {
        ObjectNode record = Resources.record(stack.stackId(), STACK, t.region(), null);
        if (stack.roleARN() != null) {
            record.put("roleArn", stack.roleARN());
        }
        Resources.tags(record, tags(stack.hasTags() ? stack.tags() : List.of()));
        ObjectNode props = Resources.properties(record);
        props.put("StackName", stack.stackName());
        if (stack.stackStatusAsString() != null) {
            props.put("StackStatus", stack.stackStatusAsString());
        }
        return record;
    }

    private static ObjectNode record(Target t, StackSet set, List<StackInstanceSummary> instances) {
        ObjectNode record = Resources.record(set.stackSetARN(), STACK_SET, t.region(), null);
        if (set.administrationRoleARN() != null) {
            record.put("roleArn", set.administrationRoleARN());
        }
        Resources.tags(record, tags(set.hasTags() ? set.tags() : List.of()));
        ObjectNode props = Resources.properties(record);
        props.put("StackSetName", set.stackSetName());
        putIfSet(props, "Status", set.statusAsString());
        putIfSet(props, "PermissionModel", set.permissionModelAsString());
        putIfSet(props, "ExecutionRoleName", set.executionRoleName());
        if (instances != null) {
            ArrayNode accounts = props.putArray("StackInstanceAccounts");
            instances.stream().map(StackInstanceSummary::account).filter(a -> a != null).distinct()
                    .forEach(accounts::add);
        }
        return record;
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        tags.forEach(tag -> out.put(tag.key(), tag.value()));
        return out;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
