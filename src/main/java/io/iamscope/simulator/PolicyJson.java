package io.iamscope.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.policy.PatternList;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PrincipalSpec;
import io.iamscope.policy.PrincipalType;
import io.iamscope.policy.Statement;
import io.iamscope.policy.ConditionClause;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a parsed {@link PolicyDocument} back to JSON text for the simulator, which takes "the complete, valid
 * JSON text of an IAM policy" (IAM API Reference: SimulateCustomPolicy, PolicyInputList).
 *
 * <p>Each statement is written on its own line, the {@code n}-th statement (0-based) on line {@code n + 2}, so
 * that the simulator's {@code MatchedStatements[].StartPosition.Line} names the statement back
 * ({@link #statementAtLine(int)}).
 */
public final class PolicyJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int FIRST_STATEMENT_LINE = 2;

    private PolicyJson() {
    }

    /** The document as JSON text: a header line, one line per statement, a closing line. */
    public static String write(PolicyDocument doc) {
        StringBuilder sb = new StringBuilder("{");
        if (doc.version() != null) {
            sb.append("\"Version\":").append(quote(doc.version())).append(',');
        }
        if (doc.id() != null) {
            sb.append("\"Id\":").append(quote(doc.id())).append(',');
        }
        sb.append("\"Statement\":[\n");
        List<Statement> statements = doc.statements();
        for (int i = 0; i < statements.size(); i++) {
            sb.append(text(statement(statements.get(i))));
            sb.append(i + 1 < statements.size() ? ",\n" : "\n");
        }
        return sb.append("]}").toString();
    }

    /** The 0-based statement index that starts on a 1-based line of {@link #write}'s text, or -1. */
    public static int statementAtLine(int line, int statementCount) {
        int index = line - FIRST_STATEMENT_LINE;
        return index >= 0 && index < statementCount ? index : -1;
    }

    static ObjectNode statement(Statement s) {
        ObjectNode node = MAPPER.createObjectNode();
        if (s.sid() != null) {
            node.put("Sid", s.sid());
        }
        node.put("Effect", s.effect() == io.iamscope.policy.Effect.ALLOW ? "Allow" : "Deny");
        if (s.principal() != null) {
            node.set(s.principal().negated() ? "NotPrincipal" : "Principal", principal(s.principal()));
        }
        patterns(node, s.action(), "Action", "NotAction");
        patterns(node, s.resource(), "Resource", "NotResource");
        if (!s.conditions().isEmpty()) {
            ObjectNode condition = node.putObject("Condition");
            for (ConditionClause c : s.conditions()) {
                ObjectNode byKey = condition.has(c.operator().written())
                        ? (ObjectNode) condition.get(c.operator().written())
                        : condition.putObject(c.operator().written());
                ArrayNode values = byKey.putArray(c.key());
                c.values().forEach(values::add);
            }
        }
        return node;
    }

    private static JsonNode principal(PrincipalSpec p) {
        if (p.anyone()) {
            return MAPPER.getNodeFactory().textNode("*");
        }
        ObjectNode node = MAPPER.createObjectNode();
        for (PrincipalType type : PrincipalType.values()) {
            List<String> values = p.values().get(type);
            if (values != null) {
                ArrayNode array = node.putArray(type.json());
                values.forEach(array::add);
            }
        }
        return node;
    }

    private static void patterns(ObjectNode node, PatternList list, String name, String negatedName) {
        if (list == null) {
            return;
        }
        ArrayNode array = node.putArray(list.negated() ? negatedName : name);
        list.patterns().forEach(array::add);
    }

    private static String quote(String s) {
        return text(MAPPER.getNodeFactory().textNode(s));
    }

    private static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
