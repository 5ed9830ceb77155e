package io.iamscope.model;

import java.util.List;

/**
 * An account's IAM credential report ({@code aws iam get-credential-report}): one entry per user and one for the
 * root user, with console password, MFA and access key facts (IAM User Guide: "Getting credential reports for
 * your AWS account"). Kept beside the snapshot, not in it: a snapshot collected without it is complete.
 *
 * @param source        where it was read, for messages
 * @param generatedTime when AWS generated it (ISO 8601), or null when the file did not say
 */
public record CredentialReport(String source, String generatedTime, List<CredentialReportEntry> entries) {
    public CredentialReport {
        entries = List.copyOf(entries);
    }
}
