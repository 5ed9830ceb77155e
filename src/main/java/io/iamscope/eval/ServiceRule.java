package io.iamscope.eval;

/**
 * A rule an AWS service applies to a request outside policy evaluation, named in a {@link Decision} that it
 * decided (or that depends on it), never disguised as a policy statement. Its name is the stable code; each
 * cites the AWS page it follows.
 */
public enum ServiceRule {
    /** {@code sts:GetCallerIdentity} needs no permission (AWS STS API Reference: GetCallerIdentity). */
    CALLER_IDENTITY_ALWAYS_ALLOWED("sts:GetCallerIdentity needs no permission: it is allowed even when a policy"
            + " denies it", "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html");

    private final String summary;
    private final String source;

    ServiceRule(String summary, String source) {
        this.summary = summary;
        this.source = source;
    }

    /** The stable UPPER_SNAKE code. */
    public String code() {
        return name();
    }

    /** One lowercase line: what the rule says. */
    public String summary() {
        return summary;
    }

    /** The AWS page the rule follows. */
    public String source() {
        return source;
    }

    /** {@code CODE: summary}. */
    public String describe() {
        return code() + ": " + summary;
    }
}
