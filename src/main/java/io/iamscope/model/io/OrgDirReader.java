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
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads an organization exported with the AWS CLI into a directory (the file names and commands are in
 * docs/snapshot-format.md, "Organization exported with the AWS CLI"). Each file is the command's JSON output as
 * printed; the parent of an OU or account, and the policy of a target list, come from the file name.
 */
final class OrgDirReader {
    private static final String OUS_FOR_PARENT = "list-organizational-units-for-parent-";
    private static final String ACCOUNTS_FOR_PARENT = "list-accounts-for-parent-";
    private static final String LIST_POLICIES = "list-policies-";
    private static final String DESCRIBE_POLICY = "describe-policy-";
    private static final String TARGETS = "list-targets-for-policy-";

    private OrgDirReader() {
    }

    static Organization read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SnapshotException("ORG_DIR_NOT_FOUND", "not a directory", SourceLocation.of(dir.toString()));
        }
        JsonNode describe = JsonInput.read(need(dir, "describe-organization.json"));
        JsonNode o = describe.path("Organization");
        SourceLocation oAt = SourceLocation.of(dir.resolve("describe-organization.json").toString()).child("Organization");
        String orgId = required(o, "Id", oAt);
        String management = text(o, "MasterAccountId");
        if (management == null) {
            management = text(o, "ManagementAccountId");
        }

        List<OrgNode> roots = new ArrayList<>();
        Path rootsFile = need(dir, "list-roots.json");
        for (JsonNode r : array(JsonInput.read(rootsFile), "Roots", SourceLocation.of(rootsFile.toString()))) {
            roots.add(new OrgNode(text(r, "Id"), text(r, "Name"), null));
        }

        List<OrgNode> ous = new ArrayList<>();
        Map<String, OrgAccount> accounts = new LinkedHashMap<>();
        Map<String, JsonNode> described = new LinkedHashMap<>();
        Map<String, List<String>> targets = new LinkedHashMap<>();
        Map<String, JsonNode> listed = new LinkedHashMap<>();
        for (Path f : files(dir)) {
            String name = f.getFileName().toString();
            String stem = name.substring(0, name.length() - ".json".length());
            SourceLocation at = SourceLocation.of(f.toString());
            if (stem.startsWith(OUS_FOR_PARENT)) {
                String parent = stem.substring(OUS_FOR_PARENT.length());
                for (JsonNode u : array(JsonInput.read(f), "OrganizationalUnits", at)) {
                    ous.add(new OrgNode(required(u, "Id", at), text(u, "Name"), parent));
                }
            } else if (stem.equals("organizational-units")) {
                for (JsonNode u : array(JsonInput.read(f), "OrganizationalUnits", at)) {
                    ous.add(new OrgNode(required(u, "Id", at), text(u, "Name"), required(u, "ParentId", at)));
                }
            } else if (stem.startsWith(ACCOUNTS_FOR_PARENT)) {
                String parent = stem.substring(ACCOUNTS_FOR_PARENT.length());
                for (JsonNode a : array(JsonInput.read(f), "Accounts", at)) {
                    accounts.put(required(a, "Id", at), account(a, parent));
                }
            } else if (stem.equals("list-accounts")) {
                for (JsonNode a : array(JsonInput.read(f), "Accounts", at)) {
                    accounts.putIfAbsent(required(a, "Id", at), account(a, null));
                }
            } else if (stem.startsWith(LIST_POLICIES)) {
                for (JsonNode p : array(JsonInput.read(f), "Policies", at)) {
                    listed.put(required(p, "Id", at), p);
                }
            } else if (stem.startsWith(DESCRIBE_POLICY)) {
                described.put(stem.substring(DESCRIBE_POLICY.length()), JsonInput.read(f));
            } else if (stem.startsWith(TARGETS)) {
                List<String> ids = new ArrayList<>();
                array(JsonInput.read(f), "Targets", at).forEach(t -> ids.add(text(t, "TargetId")));
                targets.put(stem.substring(TARGETS.length()), ids);
            }
        }
        // Optional: without it, whether a member is a delegated administrator is unknown.
        Path delegatedFile = dir.resolve("list-delegated-administrators.json");
        Set<String> delegated = Files.isRegularFile(delegatedFile)
                ? OrganizationReader.delegatedAdministrators(
                        array(JsonInput.read(delegatedFile), "DelegatedAdministrators",
                                SourceLocation.of(delegatedFile.toString())),
                        SourceLocation.of(delegatedFile.toString()).child("DelegatedAdministrators"))
                : null;
        List<OrgAccount> placed = place(accounts, roots, dir);
        List<OrgPolicy> policies = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : described.entrySet()) {
            policies.add(policy(e.getKey(), e.getValue(), listed.get(e.getKey()), targets, dir));
        }
        try {
            return Organization.of(orgId, management, roots, ous, placed, policies, delegated);
        } catch (ModelException e) {
            throw new SnapshotException(e.code(), e.getMessage(), SourceLocation.of(dir.toString()));
        }
    }

    private static OrgAccount account(JsonNode a, String parent) {
        return new OrgAccount(text(a, "Id"), text(a, "Name"), text(a, "Email"), text(a, "Status"), parent);
    }

    /**
     * {@code list-accounts} does not say where an account sits; with a single root and no per-parent listing
     * at all, every account is under the root. Otherwise an account without a parent is an error, not a guess.
     */
    private static List<OrgAccount> place(Map<String, OrgAccount> accounts, List<OrgNode> roots, Path dir) {
        boolean anyPlaced = accounts.values().stream().anyMatch(a -> a.parentId() != null);
        List<OrgAccount> out = new ArrayList<>();
        for (OrgAccount a : accounts.values()) {
            if (a.parentId() != null) {
                out.add(a);
            } else if (!anyPlaced && roots.size() == 1) {
                out.add(new OrgAccount(a.id(), a.name(), a.email(), a.status(), roots.get(0).id()));
            } else {
                throw new SnapshotException("ORG_ACCOUNT_PARENT_UNKNOWN", "account `" + a.id() + "` is in"
                        + " `list-accounts.json` but in no `list-accounts-for-parent-*.json`",
                        SourceLocation.of(dir.toString()));
            }
        }
        return out;
    }

    private static OrgPolicy policy(String id, JsonNode describe, JsonNode summary, Map<String, List<String>> targets,
                                    Path dir) {
        SourceLocation at = SourceLocation.of(dir.resolve(DESCRIBE_POLICY + id + ".json").toString()).child("Policy");
        JsonNode p = describe.path("Policy");
        JsonNode s = p.path("PolicySummary");
        if (summary == null) {
            summary = s;
        }
        String type = text(s, "Type") != null ? text(s, "Type") : text(summary, "Type");
        OrgPolicyType t;
        try {
            t = OrgPolicyType.valueOf(type == null ? "" : type);
        } catch (IllegalArgumentException e) {
            throw new SnapshotException("ORG_POLICY_TYPE", "`" + type + "` is not SERVICE_CONTROL_POLICY or"
                    + " RESOURCE_CONTROL_POLICY", at.child("PolicySummary").child("Type"));
        }
        PolicyDocument content = Policies.parse(p.get("Content"), at.child("Content"));
        if (content == null) {
            throw new SnapshotException("SNAPSHOT_MISSING_FIELD", "`Content` is required", at);
        }
        List<String> to = targets.get(id);
        if (to == null) {
            throw new SnapshotException("ORG_TARGETS_MISSING", "no `" + TARGETS + id + ".json` for policy `" + id
                    + "`", SourceLocation.of(dir.toString()));
        }
        return new OrgPolicy(id, text(summary, "Arn"), text(summary, "Name"), t,
                summary.path("AwsManaged").asBoolean(false), content, to);
    }

    private static Path need(Path dir, String name) {
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new SnapshotException("ORG_FILE_MISSING", "`" + name + "` is missing", SourceLocation.of(dir.toString()));
        }
        return f;
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new SnapshotException("FILE_UNREADABLE", "cannot list: " + e.getMessage(),
                    SourceLocation.of(dir.toString()));
        }
    }
}
