package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.aws.AwsJsonApi;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Paging;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SageMaker notebook instances with their roles: whoever may open one (a presigned URL) or swap its lifecycle
 * configuration runs commands with its role ({@code sagemaker-create-presigned-notebook-url},
 * {@code sagemaker-notebook-lifecycle-config}). The SDK's {@code sagemaker} module is not available to this build,
 * so the calls go through {@link AwsJsonApi}. ListNotebookInstances gives no role: DescribeNotebookInstance does, once
 * per instance; ListTags (every page, or no {@code tags} field: unknown) the tags. Notebook instances have no
 * resource-based policies ({@code policy} null).
 */
final class SageMakerCollector implements ResourceCollector {
    private static final String TYPE = "AWS::SageMaker::NotebookInstance";
    /** ListNotebookInstances and ListTags return at most 100 items per page (SageMaker API Reference). */
    private static final int PAGE = 100;
    /** DescribeNotebookInstance's fields kept in {@code properties}, as AWS names them. */
    private static final List<String> KEPT = List.of("NotebookInstanceName", "NotebookInstanceStatus", "RootAccess",
            "DirectInternetAccess", "NotebookInstanceLifecycleConfigName");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String service() {
        return "sagemaker";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        Calls calls = t.calls();
        AwsJsonApi api = t.clients().sageMaker(t.region());
        List<String> names = Paging.all(calls, AwsOperation.SAGEMAKER_LIST_NOTEBOOK_INSTANCES, t.region(), null,
                token -> {
                    JsonNode page = api.call("ListNotebookInstances", paged(token));
                    List<String> items = new ArrayList<>();
                    for (JsonNode n : page.path("NotebookInstances")) {
                        if (n.hasNonNull("NotebookInstanceName")) {
                            items.add(n.get("NotebookInstanceName").asText());
                        }
                    }
                    return Paging.Page.of(items, page.path("NextToken").asText(null));
                });
        int count = 0;
        for (String name : names) {
            JsonNode d = calls.get(AwsOperation.SAGEMAKER_DESCRIBE_NOTEBOOK_INSTANCE, t.region(), name,
                    () -> api.call("DescribeNotebookInstance", NODES.objectNode().put("NotebookInstanceName", name)));
            if (d == null || !d.hasNonNull("NotebookInstanceArn")) {
                continue;
            }
            String arn = d.get("NotebookInstanceArn").asText();
            ObjectNode record = Resources.record(arn, TYPE, t.region(), null);
            if (d.hasNonNull("RoleArn")) {
                record.put("roleArn", d.get("RoleArn").asText());
            }
            List<JsonNode> tags = Paging.complete(calls, AwsOperation.SAGEMAKER_LIST_TAGS, t.region(), arn, token -> {
                JsonNode page = api.call("ListTags", paged(token).put("ResourceArn", arn));
                List<JsonNode> items = new ArrayList<>();
                page.path("Tags").forEach(items::add);
                return Paging.Page.of(items, page.path("NextToken").asText(null));
            });
            if (tags != null) {
                Map<String, String> byKey = new LinkedHashMap<>();
                tags.stream().filter(tag -> tag.hasNonNull("Key"))
                        .forEach(tag -> byKey.put(tag.get("Key").asText(), tag.path("Value").asText("")));
                Resources.tags(record, byKey);
            }
            ObjectNode props = Resources.properties(record);
            KEPT.stream().filter(d::hasNonNull).forEach(field -> props.put(field, d.get(field).asText()));
            out.add(record);
            count++;
        }
        return count;
    }

    private static ObjectNode paged(String token) {
        ObjectNode body = NODES.objectNode().put("MaxResults", PAGE);
        if (token != null) {
            body.put("NextToken", token);
        }
        return body;
    }
}
