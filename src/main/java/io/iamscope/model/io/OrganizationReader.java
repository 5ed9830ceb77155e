package io.iamscope.model.io;

import static io.iamscope.model.io.JsonInput.array;
import static io.iamscope.model.io.JsonInput.required;
import static io.iamscope.model.io.JsonInput.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.model.ModelException;
import io.iamscope.model.OrgAccount;
import io.iamscope.model.OrgNode;
import io.iamscope.model.OrgPolicy;
import io.iamscope.model.OrgPolicyType;
import io.iamscope.model.Organization;
import io.iamscope.policy.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the {@code organization} object of snapshot v1 (docs/snapshot-format.md). */
final class OrganizationReader {
    private OrganizationReader() {
    }

    static Organization read(JsonNode o, SourceLocation at) {
        if (!o.isObject()) {
            throw new SnapshotException("SNAPSHOT_NOT_OBJECT", "`organization` must be an object", at);
        }
        List<OrgNode> roots = new ArrayList<>();
        for (JsonNode r : array(o, "roots", at)) {
            roots.add(new OrgNode(required(r, "Id", at.child("roots")), text(r, "Name"), null));
        }
        List<OrgNode> ous = new ArrayList<>();
        JsonNode list = array(o, "organizationalUnits", at);
        for (int i = 0; i < list.size(); i++) {
            SourceLocation here = at.child("organizationalUnits").child(i);
            JsonNode u = list.get(i);
            ous.add(new OrgNode(required(u, "Id", here), text(u, "Name"), required(u, "ParentId", here)));
        }
        List<OrgAccount> accounts = new ArrayList<>();
        list = array(o, "accounts", at);
        for (int i = 0; i < list.size(); i++) {
            SourceLocation here = at.child("accounts").child(i);
            JsonNode a = list.get(i);
            accounts.add(new OrgAccount(required(a, "Id", here), text(a, "Name"), text(a, "Email"),
                    text(a, "Status"), required(a, "ParentId", here)));
        }
        List<OrgPolicy> policies = new ArrayList<>();
        list = array(o, "policies", at);
        for (int i = 0; i < list.size(); i++) {
            SourceLocation here = at.child("policies").child(i);
            JsonNode p = list.get(i);
            policies.add(policy(p, here));
        }
        try {
            return Organization.of(required(o, "id", at), text(o, "managementAccountId"), roots, ous, accounts,
                    policies, delegatedAdministrators(o.get("delegatedAdministrators"),
                            at.child("delegatedAdministrators")));
        } catch (ModelException e) {
            throw new SnapshotException(e.code(), e.getMessage(), at);
        }
    }

    /**
     * The {@code DelegatedAdministrators} of {@code organizations:ListDelegatedAdministrators} (objects with
     * {@code Id}), or account ids; absent or null: not collected, so unknown (an empty list means none).
     */
    static Set<String> delegatedAdministrators(JsonNode list, SourceLocation at) {
        if (list == null || list.isNull()) {
            return null;
        }
        if (!list.isArray()) {
            throw new SnapshotException("SNAPSHOT_NOT_ARRAY", "`delegatedAdministrators` must be a list", at);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode d = list.get(i);
            if (d.isTextual()) {
                ids.add(d.asText());
            } else if (d.isObject()) {
                ids.add(required(d, "Id", at.child(i)));
            } else {
                throw new SnapshotException("SNAPSHOT_NOT_OBJECT", "a delegated administrator must be an object with `Id`"
                        + " or an account id", at.child(i));
            }
        }
        return ids;
    }

    static OrgPolicy policy(JsonNode p, SourceLocation at) {
        String type = required(p, "Type", at);
        OrgPolicyType t;
        try {
            t = OrgPolicyType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new SnapshotException("ORG_POLICY_TYPE", "`" + type + "` is not SERVICE_CONTROL_POLICY or"
                    + " RESOURCE_CONTROL_POLICY", at.child("Type"));
        }
        List<String> targets = new ArrayList<>();
        array(p, "Targets", at).forEach(x -> targets.add(x.isObject() ? text(x, "TargetId") : x.asText()));
        var content = Policies.parse(p.get("Content"), at.child("Content"));
        if (content == null) {
            throw new SnapshotException("SNAPSHOT_MISSING_FIELD", "`Content` is required", at);
        }
        return new OrgPolicy(required(p, "Id", at), text(p, "Arn"), text(p, "Name"), t,
                p.path("AwsManaged").asBoolean(false), content, targets);
    }
}
