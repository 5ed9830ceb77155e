package io.iamscope.analysis.findings;

/**
 * A policy statement behind a finding.
 *
 * @param policy   the managed policy's ARN, or the name of an inline, trust, resource or organization policy
 *                 ({@code user/alice inline `tools`}, {@code role/deploy trust policy}, {@code FullAWSAccess})
 * @param sid      the statement's Sid, or null
 * @param index    the statement's position in its document (0 first)
 * @param pointer  its RFC 6901 JSON pointer inside the policy document ({@code /Statement/1}), or null when
 *                 unknown (a policy not read from a document)
 * @param location where it was written: the input file and the JSON pointer there, or null
 * @param layer    {@code identity-based policy}, {@code resource-based policy}, {@code SCP}...
 * @param effect   {@code Allow} or {@code Deny}
 * @param action   the action it was found to grant or deny in this finding, or null
 * @param resource the resource it was found to apply to, or null
 */
public record StatementCite(String policy, String sid, int index, String pointer, String location, String layer,
                            String effect, String action, String resource) {

    /** {@code `SelfServiceTooling` (#1) of arn:aws:iam::...:policy/contractor-tooling}. */
    public String describe() {
        String statement = sid != null && !sid.isEmpty() ? "`" + sid + "` (#" + index + ")" : "#" + index;
        return "statement " + statement + " of " + policy;
    }

    /** What names the statement, whatever action or resource it was found for: equal for the same statement. */
    public String statementKey() {
        return layer + "|" + policy + "|" + index;
    }
}
