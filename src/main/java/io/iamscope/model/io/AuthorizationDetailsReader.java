package io.iamscope.model.io;

import io.iamscope.policy.Arn;
import static io.iamscope.model.io.JsonInput.array;
import static io.iamscope.model.io.JsonInput.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.model.Group;
import io.iamscope.model.InlinePolicy;
import io.iamscope.model.InstanceProfile;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.PolicyVersion;
import io.iamscope.model.Role;
import io.iamscope.model.RoleLastUsed;
import io.iamscope.model.User;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code GetAccountAuthorizationDetails} response (IAM API Reference) as the AWS CLI prints it or
 * as the raw API returns it (URL-encoded documents). Lenient where real endpoints and emulators differ:
 * {@code Policies} entries without {@code PolicyName}/{@code PolicyId} get them from the ARN; tags may be a
 * list or an object.
 */
final class AuthorizationDetailsReader {

    /** Users, groups, roles and managed policies of one account. */
    record Details(List<User> users, List<Group> groups, List<Role> roles, List<ManagedPolicy> policies) {
    }

    private AuthorizationDetailsReader() {
    }

    /** Whether a JSON object looks like a {@code GetAccountAuthorizationDetails} response. */
    static boolean looksLike(JsonNode node) {
        return node != null && node.isObject() && (node.has("UserDetailList") || node.has("RoleDetailList")
                || node.has("GroupDetailList") || node.has("Policies"));
    }

    /** The account id named by the ARNs of a response; errors when none or several. */
    static String accountId(JsonNode node, SourceLocation at) {
        Set<String> ids = new LinkedHashSet<>();
        for (String list : List.of("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies")) {
            for (JsonNode e : array(node, list, at)) {
                String arn = text(e, "Arn");
                String account = Arn.accountOf(arn);
                if (account != null && account.matches("\\d{12}")) {
                    ids.add(account);
                }
            }
        }
        if (ids.isEmpty()) {
            throw new SnapshotException("SNAPSHOT_NO_ACCOUNT_ID", "cannot tell the account: no ARN in the file"
                    + " names one", at);
        }
        if (ids.size() > 1) {
            throw new SnapshotException("SNAPSHOT_SEVERAL_ACCOUNTS", "ARNs name several accounts " + ids
                    + ": give one file per account", at);
        }
        return ids.iterator().next();
    }

    static Details read(JsonNode node, String accountId, SourceLocation at) {
        Builder b = new Builder(accountId, at);
        for (String list : LISTS) {
            JsonNode elements = array(node, list, at);
            for (int i = 0; i < elements.size(); i++) {
                b.add(list, i, elements.get(i));
            }
        }
        return b.build();
    }

    /** The four lists, in the order they are read from a whole tree. */
    static final List<String> LISTS = List.of("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies");

    /**
     * Details built one list element at a time: from a whole tree ({@link #read}) or as a stream delivers them
     * ({@link StreamedSnapshotReader}), with the same checks and the same pointers.
     */
    static final class Builder {
        private final String accountId;
        private final SourceLocation at;
        private final List<User> users = new ArrayList<>();
        private final List<Group> groups = new ArrayList<>();
        private final List<Role> roles = new ArrayList<>();
        private final List<ManagedPolicy> policies = new ArrayList<>();

        Builder(String accountId, SourceLocation at) {
            this.accountId = accountId;
            this.at = at;
        }

        /** Element {@code index} of {@code list} (one of {@link #LISTS}). */
        void add(String list, int index, JsonNode e) {
            SourceLocation here = at.child(list).child(index);
            switch (list) {
                case "UserDetailList" -> users.add(user(e, accountId, here));
                case "GroupDetailList" -> groups.add(group(e, accountId, here));
                case "RoleDetailList" -> roles.add(role(e, accountId, here));
                case "Policies" -> policies.add(managed(e, here));
                default -> throw new IllegalArgumentException("not a list of the response: " + list);
            }
        }

        Details build() {
            return new Details(users, groups, roles, policies);
        }
    }

    private static Group group(JsonNode g, String accountId, SourceLocation here) {
        return new Group(JsonInput.required(g, "Arn", here), JsonInput.required(g, "GroupName", here),
                text(g, "Path"), text(g, "GroupId"), accountId, inline(g, "GroupPolicyList", here), attached(g, here));
    }

    private static User user(JsonNode u, String accountId, SourceLocation at) {
        List<String> groups = new ArrayList<>();
        array(u, "GroupList", at).forEach(g -> groups.add(g.asText()));
        return new User(JsonInput.required(u, "Arn", at), JsonInput.required(u, "UserName", at), text(u, "Path"),
                text(u, "UserId"), accountId, text(u, "CreateDate"), inline(u, "UserPolicyList", at),
                attached(u, at), boundary(u), groups, JsonInput.tags(u.get("Tags")));
    }

    private static Role role(JsonNode r, String accountId, SourceLocation at) {
        PolicyDocument trust = Policies.parse(r.get("AssumeRolePolicyDocument"), at.child("AssumeRolePolicyDocument"));
        List<InstanceProfile> profiles = new ArrayList<>();
        for (JsonNode p : array(r, "InstanceProfileList", at)) {
            List<String> roleArns = new ArrayList<>();
            for (JsonNode pr : p.path("Roles")) {
                if (text(pr, "Arn") != null) {
                    roleArns.add(text(pr, "Arn"));
                }
            }
            profiles.add(new InstanceProfile(text(p, "Arn"), text(p, "InstanceProfileName"),
                    text(p, "InstanceProfileId"), roleArns));
        }
        JsonNode used = r.get("RoleLastUsed");
        RoleLastUsed lastUsed = used == null || used.isNull() ? null
                : new RoleLastUsed(text(used, "LastUsedDate"), text(used, "Region"));
        return new Role(JsonInput.required(r, "Arn", at), JsonInput.required(r, "RoleName", at), text(r, "Path"),
                text(r, "RoleId"), accountId, text(r, "CreateDate"), trust, inline(r, "RolePolicyList", at),
                attached(r, at), boundary(r), profiles, lastUsed, JsonInput.tags(r.get("Tags")));
    }

    private static ManagedPolicy managed(JsonNode p, SourceLocation at) {
        String arn = JsonInput.required(p, "Arn", at);
        String resource = Arn.parse(arn).map(Arn::resource).orElse(null);
        if (resource == null || !resource.startsWith("policy/") || !"iam".equals(Arn.serviceOf(arn))) {
            throw new SnapshotException("SNAPSHOT_INVALID_POLICY_ARN", "`" + arn + "` is not the ARN of a managed"
                    + " policy (arn:aws:iam::ACCOUNT:policy/NAME)", at.child("Arn"));
        }
        String name = text(p, "PolicyName");
        if (name == null) {
            name = arn.substring(arn.lastIndexOf('/') + 1);
        }
        String path = text(p, "Path");
        if (path == null) {
            path = resource.substring("policy".length(), resource.lastIndexOf('/') + 1);
        }
        List<PolicyVersion> versions = new ArrayList<>();
        JsonNode list = array(p, "PolicyVersionList", at);
        for (int i = 0; i < list.size(); i++) {
            JsonNode v = list.get(i);
            SourceLocation vAt = at.child("PolicyVersionList").child(i);
            versions.add(new PolicyVersion(text(v, "VersionId"), v.path("IsDefaultVersion").asBoolean(false),
                    text(v, "CreateDate"), Policies.parse(v.get("Document"), vAt.child("Document"))));
        }
        return new ManagedPolicy(arn, name, text(p, "PolicyId"), path, text(p, "DefaultVersionId"), versions);
    }

    private static List<InlinePolicy> inline(JsonNode owner, String field, SourceLocation at) {
        List<InlinePolicy> out = new ArrayList<>();
        JsonNode list = array(owner, field, at);
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            SourceLocation here = at.child(field).child(i);
            PolicyDocument doc = Policies.parse(p.get("PolicyDocument"), here.child("PolicyDocument"));
            if (doc == null) {
                throw new SnapshotException("SNAPSHOT_MISSING_FIELD", "`PolicyDocument` is required", here);
            }
            out.add(new InlinePolicy(JsonInput.required(p, "PolicyName", here), doc));
        }
        return out;
    }

    private static List<String> attached(JsonNode owner, SourceLocation at) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : array(owner, "AttachedManagedPolicies", at)) {
            String arn = text(a, "PolicyArn");
            if (arn != null) {
                out.add(arn);
            }
        }
        return out;
    }

    private static String boundary(JsonNode owner) {
        JsonNode b = owner.get("PermissionsBoundary");
        return b == null || b.isNull() ? null : text(b, "PermissionsBoundaryArn");
    }
}
