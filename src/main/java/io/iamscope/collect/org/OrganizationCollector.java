package io.iamscope.collect.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.aws.AwsJsonApi;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Paging;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The organization tree (roots, OUs, accounts with their parents) and its SCPs and RCPs with their targets,
 * in the snapshot's {@code organization} shape. Field names are AWS's, as the API returns them.
 */
public final class OrganizationCollector {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NOT_IN_USE = "AWSOrganizationsNotInUseException";

    private final AwsJsonApi api;
    private final Calls calls;

    /** Collects through {@code api}, an Organizations client ({@code AwsClients.organizations(partition)}). */
    public OrganizationCollector(AwsJsonApi api, Calls calls) {
        this.api = api;
        this.calls = calls;
    }

    /** The organization, or null when the account is not in one or it cannot be described (then a gap). */
    public ObjectNode collect() {
        Calls.Fetched<JsonNode> described = calls.fetch(AwsOperation.ORG_DESCRIBE_ORGANIZATION, null, null,
                Set.of(NOT_IN_USE), () -> api.call("DescribeOrganization", NODES.objectNode()));
        if (described.value() == null) {
            return null;
        }
        JsonNode org = described.value().path("Organization");
        ObjectNode out = NODES.objectNode();
        out.put("id", org.path("Id").asText());
        out.put("managementAccountId", org.path("MasterAccountId").asText());
        ArrayNode roots = out.putArray("roots");
        ArrayNode ous = out.putArray("organizationalUnits");
        ArrayNode accounts = out.putArray("accounts");

        Deque<String> parents = new ArrayDeque<>();
        for (JsonNode root : list(AwsOperation.ORG_LIST_ROOTS, "ListRoots", "Roots", null, b -> { })) {
            roots.add(root);
            parents.add(root.path("Id").asText());
        }
        // Breadth-first down the tree; each OU and account records the parent it was listed under.
        while (!parents.isEmpty()) {
            String parent = parents.poll();
            for (JsonNode ou : list(AwsOperation.ORG_LIST_ORGANIZATIONAL_UNITS_FOR_PARENT,
                    "ListOrganizationalUnitsForParent", "OrganizationalUnits", parent, b -> b.put("ParentId", parent))) {
                ((ObjectNode) ou).put("ParentId", parent);
                ous.add(ou);
                parents.add(ou.path("Id").asText());
            }
            for (JsonNode account : list(AwsOperation.ORG_LIST_ACCOUNTS_FOR_PARENT, "ListAccountsForParent",
                    "Accounts", parent, b -> b.put("ParentId", parent))) {
                ((ObjectNode) account).put("ParentId", parent);
                accounts.add(account);
            }
        }
        ArrayNode policies = out.putArray("policies");
        for (String type : List.of("SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY")) {
            for (JsonNode summary : list(AwsOperation.ORG_LIST_POLICIES, "ListPolicies", "Policies", type,
                    b -> b.put("Filter", type))) {
                policies.add(policy((ObjectNode) summary));
            }
        }
        // All or nothing: a part of the list would make the accounts missing from it look like plain members.
        List<JsonNode> delegated = Paging.complete(calls, AwsOperation.ORG_LIST_DELEGATED_ADMINISTRATORS, null, null,
                token -> page("ListDelegatedAdministrators", "DelegatedAdministrators", token, b -> { }));
        if (delegated != null) {
            out.putArray("delegatedAdministrators").addAll(delegated);
        }
        return out;
    }

    private ObjectNode policy(ObjectNode summary) {
        String id = summary.path("Id").asText();
        String ref = summary.path("Arn").asText(id);
        JsonNode described = calls.get(AwsOperation.ORG_DESCRIBE_POLICY, null, ref,
                () -> api.call("DescribePolicy", NODES.objectNode().put("PolicyId", id)));
        if (described != null && described.path("Policy").has("Content")) {
            summary.set("Content", described.path("Policy").get("Content"));
        }
        ArrayNode targets = summary.putArray("Targets");
        for (JsonNode target : list(AwsOperation.ORG_LIST_TARGETS_FOR_POLICY, "ListTargetsForPolicy", "Targets", ref,
                b -> b.put("PolicyId", id))) {
            targets.add(target.path("TargetId").asText());
        }
        return summary;
    }

    /** Every item under {@code field} of every page of {@code operation}. */
    private List<JsonNode> list(AwsOperation op, String operation, String field, String resource,
            Consumer<ObjectNode> params) {
        return Paging.all(calls, op, null, resource, token -> page(operation, field, token, params));
    }

    private Paging.Page<JsonNode> page(String operation, String field, String token, Consumer<ObjectNode> params) {
        ObjectNode body = NODES.objectNode();
        params.accept(body);
        if (token != null) {
            body.put("NextToken", token);
        }
        JsonNode page = api.call(operation, body);
        List<JsonNode> pageItems = new ArrayList<>();
        page.path(field).forEach(pageItems::add);
        return Paging.Page.of(pageItems, page.path("NextToken").asText(null));
    }
}
