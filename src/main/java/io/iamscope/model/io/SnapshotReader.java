package io.iamscope.model.io;

import static io.iamscope.model.io.JsonInput.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.model.Account;
import io.iamscope.model.Organization;
import io.iamscope.model.Snapshot;
import io.iamscope.policy.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what iamscope analyses, detecting each file's shape: snapshot v1 (docs/snapshot-format.md), the output
 * of {@code aws iam get-account-authorization-details} (one account, its id read from the ARNs; pages as a JSON
 * array are merged; URL-encoded documents accepted), several files (one per account) merged, plus
 * {@code --resources} records and an {@code --org-dir} organization export.
 */
public final class SnapshotReader {
    static final String FORMAT = "iamscope-snapshot";
    private static final List<String> DETAIL_LISTS = List.of("UserDetailList", "GroupDetailList", "RoleDetailList",
            "Policies");

    private SnapshotReader() {
    }

    /** Reads one file. */
    public static ReadResult read(Path file) {
        return read(List.of(file), null, null);
    }

    /**
     * Reads and merges snapshot files, then adds resources and an organization when given (either may be null).
     *
     * @throws SnapshotException for anything unreadable, with the file and JSON pointer
     */
    public static ReadResult read(List<Path> files, Path resources, Path orgDir) {
        return read(files, resources, orgDir, System.in);
    }

    /**
     * {@link #read(List, Path, Path)}, where a file named {@value StandardInput#NAME} is read from {@code stdin}
     * (once: a second is an error) and named {@value StandardInput#DISPLAY} in what is said about it.
     */
    public static ReadResult read(List<Path> files, Path resources, Path orgDir, java.io.InputStream stdin) {
        if (files.stream().filter(StandardInput::is).count() > 1) {
            throw new SnapshotException("SNAPSHOT_STDIN_TWICE", "standard input (`-`) can be read once only",
                    SourceLocation.of("--snapshot"));
        }
        if (files.isEmpty()) {
            throw new SnapshotException("SNAPSHOT_NONE", "no snapshot file given", SourceLocation.of("--snapshot"));
        }
        Map<String, Account> accounts = new LinkedHashMap<>();
        Organization org = null;
        int version = 0;
        String collectedAt = null;
        Map<String, String> collectedBy = null;
        List<String> summary = new ArrayList<>();
        for (Path given : files) {
            String file = StandardInput.is(given) ? StandardInput.DISPLAY : given.toString();
            Snapshot s = StandardInput.is(given) ? StandardInput.read(stdin, SnapshotReader::readOne) : readOne(given, file);
            for (Account a : s.accounts()) {
                if (accounts.putIfAbsent(a.accountId(), a) != null) {
                    throw new SnapshotException("SNAPSHOT_DUPLICATE_ACCOUNT", "account `" + a.accountId()
                            + "` is in more than one file", SourceLocation.of(file));
                }
            }
            if (s.organization() != null) {
                if (org != null && !org.id().equals(s.organization().id())) {
                    throw new SnapshotException("SNAPSHOT_SEVERAL_ORGANIZATIONS", "organization `"
                            + s.organization().id() + "` differs from `" + org.id() + "` read before",
                            SourceLocation.of(file));
                }
                org = org == null ? s.organization() : org;
            }
            version = Math.max(version, s.formatVersion());
            collectedAt = collectedAt == null ? s.collectedAt() : collectedAt;
            collectedBy = collectedBy == null || collectedBy.isEmpty() ? s.collectedBy() : collectedBy;
            summary.add("read " + file + ": " + describe(s));
        }
        if (orgDir != null) {
            org = OrgDirReader.read(orgDir);
            summary.add("read " + orgDir + ": organization `" + org.id() + "`, " + org.accounts().size()
                    + " accounts, " + org.organizationalUnits().size() + " OUs, " + org.policies().size()
                    + " policies");
        }
        if (resources != null) {
            int n = ResourcesFile.attach(resources, accounts);
            summary.add("read " + resources + ": " + n + " resources");
        }
        Snapshot merged = new Snapshot(version, collectedAt, collectedBy, org, new ArrayList<>(accounts.values()));
        return new ReadResult(merged, summary);
    }

    /** Reads one file of any supported shape. */
    static Snapshot readOne(Path file) {
        return readOne(file, file.toString());
    }

    /** Reads one file of any supported shape, naming it {@code name} in errors. */
    static Snapshot readOne(Path file, String name) {
        SourceLocation at = SourceLocation.of(name);
        // Snapshots as iamscope writes them are streamed; every other shape is read as a tree.
        Snapshot streamed = StreamedSnapshotReader.read(file, at);
        return streamed != null ? streamed : readTree(file, at);
    }

    /** Reads one file of any supported shape as one tree. */
    static Snapshot readTree(Path file) {
        return readTree(file, SourceLocation.of(file.toString()));
    }

    private static Snapshot readTree(Path file, SourceLocation at) {
        JsonNode root = JsonInput.read(file, at);
        if (root.isArray() && root.size() > 0 && allDetails(root)) {
            root = mergePages((ArrayNode) root);
        }
        root = unwrap(root);
        if (root.isObject() && (root.has("format") || root.has("accounts"))) {
            return v1(root, at);
        }
        if (AuthorizationDetailsReader.looksLike(root)) {
            return new Snapshot(0, null, Map.of(), null, List.of(AccountReader.fromDetails(root, at)));
        }
        throw new SnapshotException("SNAPSHOT_UNKNOWN_FORMAT", "not an iamscope snapshot nor"
                + " `get-account-authorization-details` output", at);
    }

    private static Snapshot v1(JsonNode root, SourceLocation at) {
        String format = text(root, "format");
        if (format != null && !FORMAT.equals(format)) {
            throw new SnapshotException("SNAPSHOT_UNKNOWN_FORMAT", "`format` is `" + format + "`, expected `"
                    + FORMAT + "`", at.child("format"));
        }
        JsonNode v = root.get("version");
        if (v == null || !v.canConvertToInt() || v.asInt() != Snapshot.CURRENT_VERSION) {
            throw new SnapshotException("SNAPSHOT_UNSUPPORTED_VERSION", "snapshot version `"
                    + (v == null ? "none" : v.asText()) + "` is not supported (this iamscope reads version "
                    + Snapshot.CURRENT_VERSION + ")", at.child("version"));
        }
        List<Account> accounts = new ArrayList<>();
        JsonNode list = JsonInput.array(root, "accounts", at);
        for (int i = 0; i < list.size(); i++) {
            accounts.add(AccountReader.read(list.get(i), at.child("accounts").child(i)));
        }
        JsonNode o = root.get("organization");
        Organization org = o == null || o.isNull() ? null : OrganizationReader.read(o, at.child("organization"));
        Map<String, String> by = new LinkedHashMap<>();
        JsonNode cb = root.get("collectedBy");
        if (cb != null && cb.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = cb.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                by.put(e.getKey(), e.getValue().asText());
            }
        }
        return new Snapshot(v.asInt(), text(root, "collectedAt"), by, org, accounts);
    }

    /** The raw query API wraps the result: {@code GetAccountAuthorizationDetailsResponse/...Result}. */
    private static JsonNode unwrap(JsonNode root) {
        JsonNode n = root;
        for (String wrapper : List.of("GetAccountAuthorizationDetailsResponse", "GetAccountAuthorizationDetailsResult")) {
            if (n.isObject() && n.size() <= 2 && n.has(wrapper)) {
                n = n.get(wrapper);
            }
        }
        return n;
    }

    private static boolean allDetails(JsonNode array) {
        for (JsonNode page : array) {
            if (!AuthorizationDetailsReader.looksLike(unwrap(page))) {
                return false;
            }
        }
        return true;
    }

    /** Pages of a paginated response (a JSON array of responses) merged into one. */
    private static JsonNode mergePages(ArrayNode pages) {
        ObjectNode merged = JsonInput.MAPPER.createObjectNode();
        for (JsonNode page : pages) {
            JsonNode p = unwrap(page);
            for (String list : DETAIL_LISTS) {
                if (p.has(list) && p.get(list).isArray()) {
                    merged.withArray(list).addAll((ArrayNode) p.get(list));
                }
            }
        }
        return merged;
    }

    /** {@code iamscope snapshot v1, 3 accounts, 41 principals, 120 policies, 14 resources, 2 gaps}. */
    static String describe(Snapshot s) {
        String kind = s.formatVersion() > 0 ? "iamscope snapshot v" + s.formatVersion()
                : "get-account-authorization-details output (account " + s.accounts().get(0).accountId() + ")";
        return kind + ", " + s.accounts().size() + (s.accounts().size() == 1 ? " account, " : " accounts, ")
                + s.principalCount() + " principals, " + s.policyCount() + " policies, " + s.resourceCount()
                + " resources, " + s.gapCount() + " gaps" + (s.organization() == null ? ""
                : ", organization `" + s.organization().id() + "`");
    }
}
