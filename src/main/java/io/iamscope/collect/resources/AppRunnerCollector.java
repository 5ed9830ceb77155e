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
import java.util.Set;

/**
 * App Runner services with their instance roles: whoever may update a service can change its image, start command
 * or environment and run code with the instance role ({@code apprunner-update-service}). The SDK's
 * {@code apprunner} module is not available to this build, so the calls go through {@link AwsJsonApi}.
 * App Runner has no resource-based policies (its Service Authorization Reference lists no policy action), so
 * {@code policy} is null. DescribeService does not return tags: ListTagsForResource does, once per service, so
 * that a policy testing {@code aws:ResourceTag} on UpdateService is decided; when it fails the record has no
 * {@code tags} field (unknown, and such a condition is conditional), never an empty one.
 */
final class AppRunnerCollector implements ResourceCollector {
    private static final String TYPE = "AWS::AppRunner::Service";
    /** ListServices returns at most 20 services per page (App Runner API Reference, ListServices: MaxResults). */
    private static final int PAGE = 20;
    /** DescribeService's answer for a service deleted since the listing: gone, not unknown. */
    private static final Set<String> GONE = Set.of("ResourceNotFoundException");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String service() {
        return "apprunner";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        Calls calls = t.calls();
        AwsJsonApi api = t.clients().appRunner(t.region());
        // In a region where App Runner is not offered the endpoint does not resolve: one UNREACHABLE gap.
        List<String> arns = Paging.all(calls, AwsOperation.APPRUNNER_LIST_SERVICES, t.region(), null, token -> {
            ObjectNode body = NODES.objectNode().put("MaxResults", PAGE);
            if (token != null) {
                body.put("NextToken", token);
            }
            JsonNode page = api.call("ListServices", body);
            List<String> items = new ArrayList<>();
            for (JsonNode summary : page.path("ServiceSummaryList")) {
                if (summary.hasNonNull("ServiceArn")) {
                    items.add(summary.get("ServiceArn").asText());
                }
            }
            return Paging.Page.of(items, page.path("NextToken").asText(null));
        });
        int count = 0;
        for (String arn : arns) {
            ObjectNode body = NODES.objectNode().put("ServiceArn", arn);
            JsonNode r = calls.fetch(AwsOperation.APPRUNNER_DESCRIBE_SERVICE, t.region(), arn, GONE,
                    () -> api.call("DescribeService", body)).value();
            JsonNode service = r == null ? null : r.path("Service");
            if (service != null && service.hasNonNull("ServiceArn")) {
                ObjectNode record = record(t, service);
                JsonNode tags = calls.get(AwsOperation.APPRUNNER_LIST_TAGS_FOR_RESOURCE, t.region(), arn,
                        () -> api.call("ListTagsForResource", NODES.objectNode().put("ResourceArn", arn)));
                if (tags != null) {
                    Map<String, String> byKey = new LinkedHashMap<>();
                    for (JsonNode tag : tags.path("Tags")) {
                        if (tag.hasNonNull("Key")) {
                            byKey.put(tag.get("Key").asText(), tag.path("Value").asText(""));
                        }
                    }
                    Resources.tags(record, byKey);
                }
                out.add(record);
                count++;
            }
        }
        return count;
    }

    private static ObjectNode record(Target t, JsonNode service) {
        ObjectNode record = Resources.record(service.get("ServiceArn").asText(), TYPE, t.region(), null);
        JsonNode role = service.path("InstanceConfiguration").path("InstanceRoleArn");
        if (role.isTextual() && !role.asText().isEmpty()) {
            record.put("roleArn", role.asText());
        }
        if (service.hasNonNull("Status")) {
            Resources.properties(record).put("Status", service.get("Status").asText());
        }
        return record;
    }
}
