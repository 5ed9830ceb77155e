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
 * CodeBuild projects with their service roles: whoever may start a build of a project can override its buildspec
 * and run commands as its service role ({@code codebuild-start-build}, {@code codebuild-start-build-batch}).
 * The SDK's {@code codebuild} module is not available to this build, so the calls go through {@link AwsJsonApi}.
 * A project's resource policy (it only shares the project) is not read: the record has no {@code policy} field,
 * which means unknown.
 */
final class CodeBuildCollector implements ResourceCollector {
    private static final String TYPE = "AWS::CodeBuild::Project";
    /** BatchGetProjects accepts at most 100 names per call (CodeBuild API Reference, BatchGetProjects). */
    private static final int BATCH = 100;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String service() {
        return "codebuild";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        Calls calls = t.calls();
        AwsJsonApi api = t.clients().codeBuild(t.region());
        List<String> names = Paging.all(calls, AwsOperation.CODEBUILD_LIST_PROJECTS, t.region(), null, token -> {
            ObjectNode body = NODES.objectNode();
            if (token != null) {
                body.put("nextToken", token);
            }
            JsonNode page = api.call("ListProjects", body);
            List<String> items = new ArrayList<>();
            page.path("projects").forEach(name -> items.add(name.asText()));
            return Paging.Page.of(items, page.path("nextToken").asText(null));
        });
        int count = 0;
        for (int i = 0; i < names.size(); i += BATCH) {
            List<String> batch = names.subList(i, Math.min(i + BATCH, names.size()));
            ObjectNode body = NODES.objectNode();
            batch.forEach(body.putArray("names")::add);
            // A failed batch is one gap for the region (its projects are unknown). Projects deleted since the
            // listing come back in projectsNotFound: gone, not unknown.
            JsonNode r = calls.get(AwsOperation.CODEBUILD_BATCH_GET_PROJECTS, t.region(), null,
                    () -> api.call("BatchGetProjects", body));
            if (r == null) {
                continue;
            }
            for (JsonNode project : r.path("projects")) {
                if (project.hasNonNull("arn")) {
                    out.add(record(t, project));
                    count++;
                }
            }
        }
        return count;
    }

    private static ObjectNode record(Target t, JsonNode project) {
        ObjectNode record = Resources.recordWithoutPolicy(project.get("arn").asText(), TYPE, t.region());
        if (project.hasNonNull("serviceRole")) {
            record.put("roleArn", project.get("serviceRole").asText());
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : project.path("tags")) {
            if (tag.hasNonNull("key")) {
                tags.put(tag.get("key").asText(), tag.path("value").asText(""));
            }
        }
        // BatchGetProjects returns a project's tags: none listed is none (an empty object), not unknown.
        Resources.tags(record, tags);
        // Batch builds run with the batch configuration's service role when it has one (BuildBatch.serviceRole:
        // "a service role used for builds in the batch"); kept as returned for the techniques to read.
        if (project.path("buildBatchConfig").isObject()) {
            Resources.properties(record).set("buildBatchConfig", project.get("buildBatchConfig"));
        }
        return record;
    }
}
