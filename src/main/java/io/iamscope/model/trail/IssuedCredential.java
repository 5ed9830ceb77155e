package io.iamscope.model.trail;

/**
 * A credential a call handed out, read from the record: a role session ({@code AssumeRole*}:
 * {@code credentials.accessKeyId} and {@code assumedRoleUser.arn}), a user's session ({@code GetSessionToken}), a
 * federated user ({@code GetFederationToken}), a new access key ({@code CreateAccessKey}: {@code accessKey.accessKeyId}
 * and {@code accessKey.userName}); or what later credentials come from without the record naming them: a console
 * password ({@code CreateLoginProfile}, {@code UpdateLoginProfile}: the user's console sessions after it) and an
 * instance given an instance profile ({@code RunInstances}, {@code AssociateIamInstanceProfile}: the role sessions
 * EC2 names after the instance).
 *
 * @param kind         what the credential is, and so how the calls made with it are found
 * @param accessKeyId  the new credential's key id; null for a console password and an instance
 * @param arn          the identity the credential signs as: the assumed-role or federated-user ARN; for a new
 *                     access key or a console password, the user's ARN as CloudTrail does not give its path
 *                     ({@code user/NAME}); for an instance, its ARN ({@code arn:aws:ec2:REGION:ACCOUNT:instance/i-...})
 * @param principalArn the IAM principal behind it: the role of a session, the user of a key or password; null for an
 *                     instance (its role is known from its sessions' records)
 */
public record IssuedCredential(Kind kind, String accessKeyId, String arn, String principalArn) {
    /** What a call handed out. */
    public enum Kind {
        /** Credentials with a key id: a session, a token, an access key. */
        ACCESS_KEY,
        /** A user's console password: the console sessions signed in with it. */
        CONSOLE_PASSWORD,
        /** An instance with an instance profile: the role sessions EC2 names after the instance id. */
        INSTANCE_PROFILE
    }

    /** A credential with a key id. */
    public static IssuedCredential key(String accessKeyId, String arn, String principalArn) {
        return new IssuedCredential(Kind.ACCESS_KEY, accessKeyId, arn, principalArn);
    }

    /** The console password of a user. */
    public static IssuedCredential consolePassword(String userArn) {
        return new IssuedCredential(Kind.CONSOLE_PASSWORD, null, userArn, userArn);
    }

    /** An instance launched with, or given, an instance profile. */
    public static IssuedCredential instance(String instanceArn) {
        return new IssuedCredential(Kind.INSTANCE_PROFILE, null, instanceArn, null);
    }

    /** The instance id ({@code i-...}) of an instance, null for other credentials. */
    public String instanceId() {
        return kind == Kind.INSTANCE_PROFILE ? arn.substring(arn.lastIndexOf('/') + 1) : null;
    }
}
