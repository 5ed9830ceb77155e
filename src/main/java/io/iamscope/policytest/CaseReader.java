package io.iamscope.policytest;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.policy.Arn;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.TrustActions;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PolicyGrammar;
import io.iamscope.policy.PolicyParseException;
import io.iamscope.policy.PolicyType;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policy.parse.PolicyParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns a case's JSON into a {@link PolicyTestCase}. The format is documented in {@code docs/policy-tests.md};
 * policies are parsed with their location inside the case ({@code case.jsonl:3 at /identityPolicies/0}), so a
 * bad policy is reported where it is.
 */
public final class CaseReader {
    private CaseReader() {
    }

    public static PolicyTestCase read(CaseFileReader.RawCase raw) {
        return read(raw, PolicyMemo.none(), new ArrayList<>());
    }

    /**
     * The case, its policies taken from the memo where it holds them; the documents read anew are added to
     * {@code read}, for the runner to offer to the memo once the case is decided.
     */
    static PolicyTestCase read(CaseFileReader.RawCase raw, PolicyMemo memo, List<PolicyMemo.Read> read) {
        return new Policies(raw.origin(), raw.written(), memo, read).testCase(raw.json());
    }

    /** The fields of a case that hold policy documents. */
    static final java.util.Set<String> POLICY_FIELDS = java.util.Set.of("identityPolicies", "groupPolicies",
            "permissionBoundary", "sessionPolicy", "resourcePolicy", "scps", "rcps");

    /**
     * The policies of one case, read or taken from the memo. {@code written} holds the text of the policy fields
     * that the reader kept as written ({@link CaseFileReader.RawCase}): such a field is looked up in the memo whole,
     * by its text, and read into a tree only when the memo does not hold it.
     */
    private record Policies(String origin, Map<String, String> written, PolicyMemo memo,
                            List<PolicyMemo.Read> read) {

        private PolicyTestCase testCase(JsonNode json) {
            String id = json.path("id").asText(origin);
            JsonNode principal = required(json, "principal");
            JsonNode request = required(json, "request");
            String expectedWord = required(json, "expected").asText();
            Outcome expected = Outcome.fromWord(expectedWord);
            if (expected == null) {
                throw new InvalidCaseException("`" + expectedWord + "` is not an outcome (use Allow, ImplicitDeny"
                        + " or ExplicitDeny): /expected");
            }
            String action = required(request, "action").asText();
            String resource = required(request, "resource").asText();
            // The resource policy of a trust action on a role is the role's trust policy, with its own grammar.
            PolicyType resourcePolicyType = TrustActions.contains(action) && "iam".equals(Arn.serviceOf(resource))
                    && String.valueOf(Arn.resourceOf(resource)).startsWith("role/") ? PolicyType.TRUST : PolicyType.RESOURCE;
            PolicySet.Builder set = PolicySet.builder();
            set.identity(field(json, "identityPolicies", PolicyType.IDENTITY, this::policies, List.of()));
            set.identity(field(json, "groupPolicies", PolicyType.IDENTITY, this::policies, List.of()));
            AttachedPolicy boundary = field(json, "permissionBoundary", PolicyType.IDENTITY, this::single, null);
            if (boundary != null) {
                set.boundary(boundary);
            }
            AttachedPolicy session = field(json, "sessionPolicy", PolicyType.IDENTITY, this::single, null);
            if (session != null) {
                set.session(session);
            }
            set.resourcePolicy(field(json, "resourcePolicy", resourcePolicyType, this::single, null));
            boolean inOrganization = present(json, "scps") || written.containsKey("scps");
            set.scps(field(json, "scps", PolicyType.SCP, this::levels, null));
            set.rcps(field(json, "rcps", PolicyType.RCP, this::levels, null));

            Caller caller = CallerReader.read(principal, inOrganization);
            String resourceAccount = request.hasNonNull("resourceAccount") ? request.get("resourceAccount").asText()
                    : Arn.accountOf(resource);
            RequestContext.Builder context = RequestContext.builder();
            Iterator<Map.Entry<String, JsonNode>> it = request.path("context").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                context.put(e.getKey(), strings(e.getValue(), "/request/context/" + e.getKey()));
            }
            for (JsonNode key : json.path("unknown")) {
                context.unknown(key.asText());
            }
            for (JsonNode key : json.path("unknownValue")) {
                context.unknownValue(key.asText());
            }
            CallerReader.deriveContext(principal, caller, context);

            List<String> conditional = null;
            if (present(json, "conditional")) {
                conditional = strings(json.get("conditional"), "/conditional");
            }
            return new PolicyTestCase(id, json.path("source").asText(null), set.build(),
                    new Request(caller, action, resource, resourceAccount, context.build()), expected, conditional,
                    origin);
        }

        /** One field's policies, or {@code absent} when the case does not give it; read by {@code reader}. */
        private <T> T field(JsonNode json, String field, PolicyType type, FieldReader<T> reader, T absent) {
            String text = written.get(field);
            if (text == null) {
                JsonNode node = json.get(field);
                return node == null || node.isNull() ? absent : reader.read(node, field, type);
            }
            // The same text in another case file may name other policy files (relative to that case file).
            PolicyMemo.Key key = new PolicyMemo.Key(field, type, List.of(text, caseFile(origin).toString()));
            @SuppressWarnings("unchecked")
            T known = (T) memo.get(key);
            if (known != null) {
                return known;
            }
            T value = reader.read(CaseFileReader.tree(text, origin), field, type);
            read.add(new PolicyMemo.Read(key, value));
            return value;
        }

        private List<AttachedPolicy> policies(JsonNode list, String field, PolicyType type) {
            List<AttachedPolicy> out = new ArrayList<>();
            if (!list.isArray()) {
                throw new InvalidCaseException("`" + field + "` must be a list of policy documents: /" + field);
            }
            for (int i = 0; i < list.size(); i++) {
                out.add(policy(list.get(i), "/" + field + "/" + i, field + "[" + i + "]", type));
            }
            return out;
        }

        private AttachedPolicy single(JsonNode doc, String field, PolicyType type) {
            return policy(doc, "/" + field, field, type);
        }

        private List<List<AttachedPolicy>> levels(JsonNode node, String field, PolicyType type) {
            if (!node.isArray()) {
                throw new InvalidCaseException("`" + field + "` must be a list of levels, each a list of policy"
                        + " documents: /" + field);
            }
            List<List<AttachedPolicy>> out = new ArrayList<>();
            for (int level = 0; level < node.size(); level++) {
                JsonNode docs = node.get(level);
                if (!docs.isArray()) {
                    throw new InvalidCaseException("each level of `" + field + "` must be a list of policy documents: /"
                            + field + "/" + level);
                }
                List<AttachedPolicy> atLevel = new ArrayList<>();
                for (int i = 0; i < docs.size(); i++) {
                    String where = "/" + field + "/" + level + "/" + i;
                    atLevel.add(policy(docs.get(i), where, field + "[" + level + "][" + i + "]", type));
                }
                out.add(atLevel);
            }
            return out;
        }

        /**
         * A case's policy, refused like a malformed one when AWS would refuse it as a policy of its type
         * ({@link PolicyGrammar}): a case pins what AWS does with the policies it accepted, and the engine's answer
         * on any other would be a guess. Taken from the memo when an earlier case read the same document.
         */
        private AttachedPolicy policy(JsonNode doc, String pointer, String name, PolicyType type) {
            boolean fileReference = isFileReference(doc);
            PolicyMemo.Key key = new PolicyMemo.Key(name, type, fileReference
                    ? policyFile(doc.get("file").asText(), origin).toAbsolutePath().normalize() : doc);
            AttachedPolicy known = (AttachedPolicy) memo.get(key);
            if (known != null) {
                return known;
            }
            PolicyDocument parsed = fileReference ? fromFile(doc.get("file").asText(), origin, pointer)
                    : PolicyParser.parse(doc, new SourceLocation(origin, pointer));
            for (Diagnostic d : PolicyGrammar.validate(parsed, type)) {
                if (d.severity() == Diagnostic.Severity.ERROR) {
                    throw new PolicyParseException(d.code(), d.message() + " (AWS refuses such a "
                            + type.description() + ")", d.location());
                }
            }
            AttachedPolicy policy = AttachedPolicy.of(name, parsed);
            read.add(new PolicyMemo.Read(key, policy));
            return policy;
        }
    }

    /** Reads one policy field of a case. */
    private interface FieldReader<T> {
        T read(JsonNode node, String field, PolicyType type);
    }

    /** {@code {"file": "policies/ci.json"}}: a policy document read from a file, not written in the case. */
    private static boolean isFileReference(JsonNode doc) {
        return doc.isObject() && doc.size() == 1 && doc.path("file").isTextual();
    }

    /**
     * The document in a file named relative to the case file (the origin's {@code FILE:LINE}), so that a
     * repository's own policy files are tested, not pasted copies; a file that cannot be read makes the case one
     * that cannot run, as a malformed policy does.
     */
    private static PolicyDocument fromFile(String name, String origin, String pointer) {
        Path file = policyFile(name, origin);
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new PolicyParseException("CASE_POLICY_FILE_UNREADABLE", "cannot read `" + file + "`: "
                    + e.getMessage(), new SourceLocation(origin, pointer + "/file"));
        }
        return PolicyParser.parse(text, file.toString());
    }

    private static Path policyFile(String name, String origin) {
        return caseFile(origin).resolveSibling(name);
    }

    private static Path caseFile(String origin) {
        int colon = origin.lastIndexOf(':');
        return Path.of(colon > 0 ? origin.substring(0, colon) : origin);
    }

    /**
     * Whether the case gives the field: a field written as JSON {@code null} is absent, as if left out (so that
     * generated case files may write every layer and null the ones a case does not use).
     */
    private static boolean present(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v != null && !v.isNull();
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            throw new InvalidCaseException("a case needs `" + field + "`");
        }
        return v;
    }

    private static List<String> strings(JsonNode node, String pointer) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> out.add(v.asText()));
        } else if (node.isValueNode()) {
            out.add(node.asText());
        } else {
            throw new InvalidCaseException("expected a string or a list of strings: " + pointer);
        }
        return out;
    }
}
