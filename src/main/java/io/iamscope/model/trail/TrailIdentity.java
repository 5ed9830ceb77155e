package io.iamscope.model.trail;

/**
 * Who made a CloudTrail call: the record's {@code userIdentity} element (CloudTrail User Guide, "CloudTrail
 * userIdentity element"). {@code issuerArn} is {@code sessionContext.sessionIssuer.arn}: for an
 * {@code AssumedRole} caller, the role whose session signed the call.
 *
 * @param type        {@code IAMUser}, {@code AssumedRole}, {@code FederatedUser}, {@code Root}, {@code AWSService}...
 * @param accessKeyId the key that signed the call, null when the record has none (console, service calls)
 * @param console     the call was made in an AWS Management Console session: the record's
 *                    {@code sessionCredentialFromConsole}, or a {@code ConsoleLogin} itself
 */
public record TrailIdentity(String type, String arn, String accountId, String accessKeyId, String issuerArn,
                            boolean console) {

    /** The IAM principal behind the caller: the session's role for a role session, else the caller's ARN. */
    public String principalArn() {
        return issuerArn != null && !issuerArn.isEmpty() ? issuerArn : arn;
    }

    /**
     * What the caller's credential is known by: its access key id, or (a record with no key) its ARN. Calls with the
     * same credential key were made with the same credential.
     */
    public String credentialKey() {
        return accessKeyId != null && !accessKeyId.isEmpty() ? accessKeyId : arn;
    }
}
