package io.iamscope.model.io.planned;

/**
 * What a policy document that a change leaves unknown (a Terraform value known after apply, a CloudFormation
 * property that resolves only once deployed) stands for: what it could hold at most, conditional on a key named
 * after it, which the analysis declares unknown. What it may grant is then shown as possible under that
 * condition, never dropped.
 */
public enum UnknownDocument {
    /** A role's trust policy: anyone may assume the role. */
    TRUST("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\","),
    /** An identity policy: every action on every resource. */
    IDENTITY("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","),
    /** A resource-based policy: anyone, every action on the resource. */
    RESOURCE("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\",");

    private final String statementStart;

    UnknownDocument(String statementStart) {
        this.statementStart = statementStart;
    }

    /** The document's JSON: one Allow statement, conditional on {@code key} equal to {@code placeholder}. */
    public String json(String key, String placeholder) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statementStart + "\"Condition\":{\"StringEquals\":{\""
                + key + "\":\"" + placeholder + "\"}}}]}";
    }
}
