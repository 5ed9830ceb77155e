package io.iamscope.model.trail;

/**
 * A credential a call handed out, read from its {@code responseElements}: a role session
 * ({@code AssumeRole*}: {@code credentials.accessKeyId} and {@code assumedRoleUser.arn}), a user's session
 * ({@code GetSessionToken}), a federated user ({@code GetFederationToken}) or a new access key
 * ({@code CreateAccessKey}: {@code accessKey.accessKeyId} and {@code accessKey.userName}).
 *
 * @param accessKeyId  the new credential's key id
 * @param arn          the identity the credential signs as: the assumed-role or federated-user ARN; for a new
 *                     access key, the user's ARN as CloudTrail does not give its path ({@code user/NAME})
 * @param principalArn the IAM principal behind it: the role of a session, the user of a key
 */
public record IssuedCredential(String accessKeyId, String arn, String principalArn) {
}
