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
 * The account's custom Bedrock AgentCore Code Interpreters with their execution roles: whoever may start a session
 * of one runs code with its role ({@code bedrock-agentcore-code-interpreter-session}). The control plane speaks
 * restJson1 and the SDK's module for it is not available to this build, so the calls go through
 * {@link AwsJsonApi#rest}: ListCodeInterpreters ({@code POST /code-interpreters}, {@code type=CUSTOM}: AWS's
 * built-in interpreter has no role of the account), GetCodeInterpreter ({@code GET /code-interpreters/ID}, which
 * gives the {@code executionRoleArn}) and ListTagsForResource ({@code GET /tags/ARN}; when it fails, a gap and no
 * {@code tags} field). Code interpreters have no resource-based policies ({@code policy} null). In a region where
 * AgentCore is not offered the endpoint does not resolve: one {@code UNREACHABLE} gap.
 */
final class AgentCoreCodeInterpreterCollector implements ResourceCollector {
    private static final String TYPE = "AWS::BedrockAgentCore::CodeInterpreter";
    /** ListCodeInterpreters returns at most 100 per page (AgentCore Control API Reference: maxResults). */
    private static final int PAGE = 100;
    /** GetCodeInterpreter's answer for an interpreter deleted since the listing: gone, not unknown. */
    private static final Set<String> GONE = Set.of("ResourceNotFoundException");
    private static final List<String> KEPT = List.of("name", "codeInterpreterId", "status");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String service() {
        return "bedrock-agentcore";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        Calls calls = t.calls();
        AwsJsonApi api = t.clients().agentCoreControl(t.region());
        List<String> ids = Paging.all(calls, AwsOperation.BEDROCK_AGENTCORE_LIST_CODE_INTERPRETERS, t.region(), null,
                token -> {
                    Map<String, String> query = new LinkedHashMap<>();
                    query.put("maxResults", Integer.toString(PAGE));
                    query.put("type", "CUSTOM");
                    if (token != null) {
                        query.put("nextToken", token);
                    }
                    JsonNode page = api.rest("ListCodeInterpreters", "POST", "/code-interpreters", query,
                            NODES.objectNode());
                    List<String> items = new ArrayList<>();
                    for (JsonNode s : page.path("codeInterpreterSummaries")) {
                        if (s.hasNonNull("codeInterpreterId")) {
                            items.add(s.get("codeInterpreterId").asText());
                        }
                    }
                    return Paging.Page.of(items, page.path("nextToken").asText(null));
                });
        int count = 0;
        for (String id : ids) {
            JsonNode ci = calls.fetch(AwsOperation.BEDROCK_AGENTCORE_GET_CODE_INTERPRETER, t.region(), id, GONE,
                    () -> api.rest("GetCodeInterpreter", "GET", "/code-interpreters/" + AwsJsonApi.label(id), Map.of(),
                            null)).value();
            if (ci == null || !ci.hasNonNull("codeInterpreterArn")) {
                continue;
            }
            String arn = ci.get("codeInterpreterArn").asText();
            ObjectNode record = Resources.record(arn, TYPE, t.region(), null);
            if (ci.hasNonNull("executionRoleArn")) {
                record.put("roleArn", ci.get("executionRoleArn").asText());
            }
            JsonNode tags = calls.get(AwsOperation.BEDROCK_AGENTCORE_LIST_TAGS_FOR_RESOURCE, t.region(), arn,
                    () -> api.rest("ListTagsForResource", "GET", "/tags/" + AwsJsonApi.label(arn), Map.of(), null));
            if (tags != null) {
                Map<String, String> byKey = new LinkedHashMap<>();
                tags.path("tags").fields().forEachRemaining(e -> byKey.put(e.getKey(), e.getValue().asText("")));
                Resources.tags(record, byKey);
            }
            ObjectNode props = Resources.properties(record);
            KEPT.stream().filter(ci::hasNonNull).forEach(field -> props.put(field, ci.get(field).asText()));
            if (ci.path("networkConfiguration").isObject()) {
                props.set("networkConfiguration", ci.get("networkConfiguration"));
            }
            out.add(record);
            count++;
        }
        return count;
    }
}
