package io.iamscope.model.io.planned;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One statement of a Lambda function's policy as AddPermission writes it (AWS Lambda Developer Guide, "Viewing
 * resource-based IAM policies in Lambda"): the principal (a service, an account, an ARN or {@code *}), the action on
 * the function, and its source ARN, source account, organization and function URL auth type as conditions.
 */
public final class LambdaPermission {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String sid;
    private final String functionArn;
    private final String partition;
    private final Map<String, Map<String, String>> conditions = new LinkedHashMap<>();
    private String principal = "*";
    private String action = "lambda:*";

    public LambdaPermission(String sid, String functionArn, String partition) {
        this.sid = sid;
        this.functionArn = functionArn;
        this.partition = partition;
    }

    /** The principal as AddPermission takes it; null when unknown (then {@code *}, and a condition must say so). */
    public LambdaPermission principal(String p) {
        principal = p == null ? "*" : p;
        return this;
    }

    /** The action; null when unknown (then {@code lambda:*}, and a condition must say so). */
    public LambdaPermission action(String a) {
        action = a == null ? "lambda:*" : a;
        return this;
    }

    /** {@code AWS:SourceArn} with ArnLike, as Lambda writes it. */
    public LambdaPermission sourceArn(String v) {
        return condition("ArnLike", "AWS:SourceArn", v);
    }

    public LambdaPermission sourceAccount(String v) {
        return condition("StringEquals", "AWS:SourceAccount", v);
    }

    public LambdaPermission principalOrgId(String v) {
        return condition("StringEquals", "aws:PrincipalOrgID", v);
    }

    public LambdaPermission functionUrlAuthType(String v) {
        return condition("StringEquals", "lambda:FunctionUrlAuthType", v);
    }

    /** A condition; a null or empty value adds none. */
    public LambdaPermission condition(String operator, String key, String value) {
        if (value != null && !value.isEmpty()) {
            conditions.computeIfAbsent(operator, o -> new LinkedHashMap<>()).put(key, value);
        }
        return this;
    }

    /** The statement as a one-statement policy document's JSON. */
    public String json() {
        ObjectNode statement = JSON.objectNode().put("Sid", sid).put("Effect", "Allow");
        if (principal.equals("*")) {
            statement.put("Principal", "*");
        } else if (principal.endsWith(".amazonaws.com") || principal.endsWith(".amazonaws.com.cn")) {
            statement.putObject("Principal").put("Service", principal);
        } else {
            statement.putObject("Principal").put("AWS", principal.matches("\\d{12}")
                    ? "arn:" + partition + ":iam::" + principal + ":root" : principal);
        }
        statement.put("Action", action).put("Resource", functionArn);
        if (!conditions.isEmpty()) {
            ObjectNode condition = statement.putObject("Condition");
            conditions.forEach((op, keys) -> {
                ObjectNode o = condition.putObject(op);
                keys.forEach(o::put);
            });
        }
        ObjectNode document = JSON.objectNode().put("Version", "2012-10-17");
        document.putArray("Statement").add(statement);
        return document.toString();
    }
}
