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
        return new Policies(raw.origin(), memo, read).testCase(raw.json());
    }

    /** The policies of one case, read or taken from the memo. */
    private record Policies(String origin, PolicyMemo memo, List<PolicyMemo.Read> read) {

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
            policies(json, "identityPolicies").forEach(set::identity);
            policies(json, "groupPolicies").forEach(set::identity);
            single(json, "permissionBoundary", PolicyType.IDENTITY, set::boundary);
            single(json, "sessionPolicy", PolicyType.IDENTITY, set::session);
            single(json, "resourcePolicy", resourcePolicyType, set::resourcePolicy);
            if (present(json, "scps")) {
                set.scps(levels(json.get("scps"), "scps", PolicyType.SCP));
            }
            if (present(json, "rcps")) {
                set.rcps(levels(json.get("rcps"), "rcps", PolicyType.RCP));
            }

            Caller caller = CallerReader.read(principal, present(json, "scps"));
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

        private List<AttachedPolicy> policies(JsonNode json, String field) {
            List<AttachedPolicy> out = new ArrayList<>();
            JsonNode list = json.get(field);
            if (list == null || list.isNull()) {
                return out;
            }
            if (!list.isArray()) {
                throw new InvalidCaseException("`" + field + "` must be a list of policy documents: /" + field);
            }
            for (int i = 0; i < list.size(); i++) {
                out.add(policy(list.get(i), "/" + field + "/" + i, field + "[" + i + "]", PolicyType.IDENTITY));
            }
            return out;
        }

        private void single(JsonNode json, String field, PolicyType type,
                            java.util.function.Consumer<AttachedPolicy> into) {
            JsonNode doc = json.get(field);
            if (doc != null && !doc.isNull()) {
                into.accept(policy(doc, "/" + field, field, type));
            }
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
            AttachedPolicy known = memo.get(key);
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
        int colon = origin.lastIndexOf(':');
        Path caseFile = Path.of(colon > 0 ? origin.substring(0, colon) : origin);
        return caseFile.resolveSibling(name);
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
