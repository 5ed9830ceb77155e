package io.iamscope.policy.parse;

import io.iamscope.policy.Arn;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.Effect;
import io.iamscope.policy.PatternList;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PolicyParseException;
import io.iamscope.policy.PrincipalSpec;
import io.iamscope.policy.PrincipalType;
import io.iamscope.policy.SourceLocation;
import io.iamscope.policy.Statement;
import io.iamscope.policy.ConditionClause;
import io.iamscope.policy.ConditionOperator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads IAM policy documents in the shapes AWS produces: a JSON object, a JSON string holding the document,
 * or the URL-encoded text the raw IAM API returns. Structural errors throw {@link PolicyParseException} with
 * the JSON pointer; lesser problems (malformed ARNs and actions, unknown elements) become diagnostics
 * on the document and are never silently matched or ignored downstream.
 */
public final class PolicyParser {
    private static final ObjectMapper MAPPER = JsonText.MAPPER;
    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");

    private PolicyParser() {
    }

    /** Parses text that is a JSON document, a JSON string holding one, or URL-encoded JSON. */
    public static PolicyDocument parse(String text, String source) {
        // strip(), not trim(): trim() would drop NUL padding, which is text after the document.
        String trimmed = text == null ? "" : JsonText.withoutBom(text).strip();
        if (trimmed.isEmpty()) {
            throw new PolicyParseException("POLICY_EMPTY", "policy document is empty", SourceLocation.of(source));
        }
        if (trimmed.startsWith("%")) {
            trimmed = urlDecode(trimmed, source);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(trimmed);
        } catch (JsonProcessingException e) {
            JsonText.Refusal r = JsonText.refusal(e);
            SourceLocation at = r.pointer() == null ? SourceLocation.of(source) : new SourceLocation(source, r.pointer());
            throw new PolicyParseException("POLICY_" + (r.problem() == JsonText.Problem.MALFORMED ? "MALFORMED_JSON"
                    : r.problem().name()), r.message(), at);
        }
        return parse(node, source);
    }

    /** Parses a document already read as JSON; a textual node is read as JSON (or URL-encoded JSON) text. */
    public static PolicyDocument parse(JsonNode node, String source) {
        return parse(node, SourceLocation.of(source));
    }

    /** As {@link #parse(JsonNode, String)}, for a document nested at {@code at} inside a larger file. */
    public static PolicyDocument parse(JsonNode node, SourceLocation at) {
        if (node != null && node.isTextual()) {
            PolicyDocument inner = parse(node.textValue(), at.toString());
            return inner;
        }
        return new Reader(at).document(node);
    }

    private static String urlDecode(String text, String source) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // Not URLDecoder's message: it quotes the whole text, line breaks and all, into what should be one line.
            throw new PolicyParseException("POLICY_MALFORMED_ENCODING", "not valid URL-encoded text: "
                    + badEscape(text), SourceLocation.of(source));
        }
    }

    /** Where URL-decoding fails: the first {@code %} not followed by two hexadecimal digits. */
    private static String badEscape(String text) {
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
            if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                    || Character.digit(text.charAt(i + 2), 16) < 0) {
                return "`%` at character " + i + " is not followed by two hexadecimal digits";
            }
        }
        return "an escape does not decode";
    }

    /** Walks one document, keeping the diagnostics it finds. */
    private static final class Reader {
        private final SourceLocation root;
        private final List<Diagnostic> diagnostics = new ArrayList<>();

        Reader(SourceLocation root) {
            this.root = root;
        }

        PolicyDocument document(JsonNode node) {
            if (node == null || !node.isObject()) {
                throw error("POLICY_NOT_OBJECT", "a policy document must be a JSON object", root);
            }
            unknownElements(node, TOP_LEVEL, root);
            String version = optionalText(node, "Version", root);
            if (version != null && !PolicyDocument.VERSION_2012.equals(version)
                    && !PolicyDocument.VERSION_2008.equals(version)) {
                throw error("POLICY_INVALID_VERSION", "`" + version + "` is not a policy language version"
                        + " (use `2012-10-17` or `2008-10-17`)", root.child("Version"));
            }
            String id = optionalText(node, "Id", root);
            JsonNode statementNode = node.get("Statement");
            if (statementNode == null) {
                throw error("POLICY_MISSING_STATEMENT", "a policy document needs a `Statement`", root);
            }
            boolean substitute = PolicyDocument.VERSION_2012.equals(version);
            List<Statement> statements = new ArrayList<>();
            SourceLocation statementsAt = root.child("Statement");
            if (statementNode.isArray()) {
                for (int i = 0; i < statementNode.size(); i++) {
                    statements.add(statement(statementNode.get(i), i, statementsAt.child(i), substitute));
                }
            } else if (statementNode.isObject()) {
                statements.add(statement(statementNode, 0, statementsAt, substitute));
            } else {
                throw error("POLICY_INVALID_STATEMENT", "`Statement` must be an object or a list of objects",
                        statementsAt);
            }
            return new PolicyDocument(version, id, statements, root.source(), diagnostics);
        }

        private Statement statement(JsonNode node, int index, SourceLocation at, boolean substitute) {
            if (!node.isObject()) {
                throw error("POLICY_INVALID_STATEMENT", "a statement must be a JSON object", at);
            }
            unknownElements(node, STATEMENT_ELEMENTS, at);
            String sid = optionalText(node, "Sid", at);
            String effectText = optionalText(node, "Effect", at);
            Effect effect;
            if ("Allow".equals(effectText)) {
                effect = Effect.ALLOW;
            } else if ("Deny".equals(effectText)) {
                effect = Effect.DENY;
            } else if (effectText == null) {
                throw error("POLICY_MISSING_EFFECT", "a statement needs `Effect`", at);
            } else {
                throw error("POLICY_INVALID_EFFECT", "`Effect` must be `Allow` or `Deny`, not `" + effectText + "`",
                        at.child("Effect"));
            }
            PatternList action = patterns(node, "Action", "NotAction", at, true);
            if (action == null) {
                throw error("POLICY_MISSING_ACTION", "a statement needs `Action` or `NotAction`", at);
            }
            action.patterns().forEach(a -> checkAction(a, action.location()));
            PatternList resource = patterns(node, "Resource", "NotResource", at, false);
            if (resource != null) {
                resource.patterns().forEach(r -> checkResource(r, resource.location()));
            }
            PrincipalSpec principal = principal(node, at);
            List<ConditionClause> conditions = conditions(node.get("Condition"), at.child("Condition"));
            return new Statement(index, sid, effect, principal, action, resource, conditions, at);
        }

        private PatternList patterns(JsonNode node, String positive, String negative, SourceLocation at,
                                     boolean required) {
            JsonNode pos = node.get(positive);
            JsonNode neg = node.get(negative);
            if (pos != null && neg != null) {
                throw error("POLICY_CONFLICTING_ELEMENTS", "a statement cannot have both `" + positive
                        + "` and `" + negative + "`", at);
            }
            if (pos == null && neg == null) {
                return null;
            }
            String name = pos != null ? positive : negative;
            SourceLocation where = at.child(name);
            JsonNode value = pos != null ? pos : neg;
            List<String> values = strings(value, name, where);
            if (values.isEmpty() && required) {
                throw error("POLICY_EMPTY_ELEMENT", "`" + name + "` must not be empty", where);
            }
            return new PatternList(neg != null, values, where, value.isArray());
        }

        private PrincipalSpec principal(JsonNode node, SourceLocation at) {
            JsonNode pos = node.get("Principal");
            JsonNode neg = node.get("NotPrincipal");
            if (pos != null && neg != null) {
                throw error("POLICY_CONFLICTING_ELEMENTS",
                        "a statement cannot have both `Principal` and `NotPrincipal`", at);
            }
            if (pos == null && neg == null) {
                return null;
            }
            boolean negated = neg != null;
            JsonNode value = negated ? neg : pos;
            SourceLocation where = at.child(negated ? "NotPrincipal" : "Principal");
            if (value.isTextual()) {
                if (!"*".equals(value.textValue())) {
                    throw error("POLICY_INVALID_PRINCIPAL", "a principal given as a string must be `*`, not `"
                            + value.textValue() + "`: use {\"AWS\": ...}", where);
                }
                return new PrincipalSpec(negated, true, Map.of(), where);
            }
            if (!value.isObject()) {
                throw error("POLICY_INVALID_PRINCIPAL", "a principal must be `*` or an object", where);
            }
            Map<PrincipalType, List<String>> values = new EnumMap<>(PrincipalType.class);
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                PrincipalType type = PrincipalType.fromJson(f.getKey());
                if (type == null) {
                    throw error("POLICY_INVALID_PRINCIPAL", "`" + f.getKey() + "` is not a principal type"
                            + " (use `AWS`, `Service`, `Federated` or `CanonicalUser`)", where.child(f.getKey()));
                }
                List<String> ids = strings(f.getValue(), f.getKey(), where.child(f.getKey()));
                for (int i = 0; i < ids.size(); i++) {
                    checkPrincipal(type, ids.get(i), where.child(f.getKey()));
                }
                values.put(type, ids);
            }
            return new PrincipalSpec(negated, false, values, where);
        }

        private List<ConditionClause> conditions(JsonNode node, SourceLocation at) {
            if (node == null) {
                return List.of();
            }
            if (!node.isObject()) {
                throw error("POLICY_INVALID_CONDITION", "`Condition` must be an object", at);
            }
            List<ConditionClause> clauses = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> operators = node.fields();
            while (operators.hasNext()) {
                Map.Entry<String, JsonNode> op = operators.next();
                SourceLocation opAt = at.child(op.getKey());
                // An unrecognised operator is kept as written; the condition compile pass reports it
                // (UNKNOWN_CONDITION_OPERATOR) and evaluates it as unknown, never as a silent match.
                ConditionOperator operator = ConditionOperator.parse(op.getKey());
                if (!op.getValue().isObject()) {
                    throw error("POLICY_INVALID_CONDITION", "a condition operator must map to an object of"
                            + " condition keys", opAt);
                }
                Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields();
                while (keys.hasNext()) {
                    Map.Entry<String, JsonNode> key = keys.next();
                    SourceLocation keyAt = opAt.child(key.getKey());
                    clauses.add(new ConditionClause(operator, key.getKey(), stringList(key.getValue(), keyAt),
                            keyAt));
                }
            }
            return clauses;
        }

        /**
         * A string or a list of strings, and nothing else: the grammar's action, resource and principal id are
         * strings ("Grammar of the IAM JSON policy language": {@code <action_string>}, {@code <resource_string>},
         * {@code <principal_id_string>}); a number there would match nothing and silently void the statement.
         */
        private List<String> strings(JsonNode node, String element, SourceLocation at) {
            List<String> out = new ArrayList<>();
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    JsonNode item = node.get(i);
                    if (!item.isTextual()) {
                        throw error("POLICY_INVALID_VALUE", "`" + element + "` must hold strings, found "
                                + describe(item), at.child(i));
                    }
                    out.add(item.textValue());
                }
            } else if (node.isTextual()) {
                out.add(node.textValue());
            } else {
                throw error("POLICY_INVALID_VALUE", "`" + element + "` must be a string or a list of strings,"
                        + " found " + describe(node), at);
            }
            return out;
        }

        /**
         * A condition value or a list of them: strings, numbers and booleans, the last two taken as their text
         * ({@code <condition_value> = ("string" | "number" | "Boolean")}, the grammar above).
         */
        private List<String> stringList(JsonNode node, SourceLocation at) {
            List<String> out = new ArrayList<>();
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    out.add(scalar(node.get(i), at.child(i)));
                }
            } else {
                out.add(scalar(node, at));
            }
            return out;
        }

        private String scalar(JsonNode node, SourceLocation at) {
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isNumber() || node.isBoolean()) {
                return node.asText();
            }
            throw error("POLICY_INVALID_VALUE", "expected a string, found " + describe(node), at);
        }

        private String optionalText(JsonNode node, String field, SourceLocation at) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                throw error("POLICY_INVALID_VALUE", "`" + field + "` must be a string, found " + describe(v),
                        at.child(field));
            }
            return v.textValue();
        }

        private void unknownElements(JsonNode node, Set<String> known, SourceLocation at) {
            node.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    diagnostics.add(Diagnostic.warning("POLICY_UNKNOWN_ELEMENT", "`" + name
                            + "` is not a policy element and is ignored", at.child(name)));
                }
            });
        }

        private void checkAction(String action, SourceLocation at) {
            if (!"*".equals(action) && action.indexOf(':') <= 0) {
                diagnostics.add(Diagnostic.warning("MALFORMED_ACTION", "`" + action
                        + "` is not of the form `service:action`", at));
            }
        }

        private void checkResource(String resource, SourceLocation at) {
            if ("*".equals(resource)) {
                return;
            }
            if (!Arn.isArn(resource)) {
                diagnostics.add(Diagnostic.warning("MALFORMED_ARN", "`" + resource
                        + "` is not an ARN of six colon-separated parts", at));
            }
        }

        private void checkPrincipal(PrincipalType type, String id, SourceLocation at) {
            if (type == PrincipalType.AWS && !"*".equals(id) && id.contains("*")) {
                // Principal element: "You cannot use a wildcard to match part of a principal name or ARN."
                diagnostics.add(Diagnostic.warning("PRINCIPAL_WILDCARD", "`" + id + "`: a wildcard cannot match"
                        + " part of a principal ARN; AWS matches it literally", at));
            }
        }

        private PolicyParseException error(String code, String message, SourceLocation at) {
            return new PolicyParseException(code, message, at);
        }

        private static String describe(JsonNode node) {
            return switch (node.getNodeType()) {
                case ARRAY -> "a list";
                case OBJECT -> "an object";
                case NULL -> "null";
                default -> node.getNodeType().name().toLowerCase();
            };
        }
    }
}
