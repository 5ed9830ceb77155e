package io.iamscope.eval;

/**
 * A rule an AWS service applies to a request outside policy evaluation, named in a {@link Decision} that it
 * decided (or that depends on it), never disguised as a policy statement. Its name is the stable code; each
 * cites the AWS page it follows.
 */
public enum ServiceRule {
    /** {@code sts:GetCallerIdentity} needs no permission (AWS STS API Reference: GetCallerIdentity). */
    CALLER_IDENTITY_ALWAYS_ALLOWED("sts:GetCallerIdentity needs no permission: it is allowed even when a policy"
            + " denies it", "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html"),

    /**
     * "No permissions are required for a user to get a session token. [...] You cannot use policies to control
     * authentication operations" (IAM User Guide, Permissions for GetSessionToken); it "must be called by using
     * the long-term AWS security credentials of an IAM user" or the root user (AWS STS API Reference).
     */
    SESSION_TOKEN_ALWAYS_ALLOWED("sts:GetSessionToken needs no permission for an IAM user or the root user:"
            + " policies cannot control it",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getsessiontoken.html"),

    /**
     * A service-linked role (path {@code /aws-service-role/}) is changed or deleted only by its service: IAM
     * refuses the request with UnmodifiableEntity ("service-linked roles are protected AWS resources. Only the
     * service that depends on the service-linked role can modify or delete the role on your behalf", IAM API
     * Reference, e.g. DeleteRole; IAM User Guide: Update a service-linked role).
     */
    SERVICE_LINKED_ROLE("a service-linked role (path /aws-service-role/) can be changed or deleted only through its"
            + " service: IAM refuses with UnmodifiableEntity",
            "https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRole.html"),

    /**
     * A role IAM Identity Center provisions for a permission set (path {@code /aws-reserved/sso.amazonaws.com/})
     * is changed only through Identity Center: IAM refuses "the operation on the protected role ... this role is
     * only modifiable by AWS" (AWS re:Post knowledge center; IAM Identity Center User Guide: IAM roles created by
     * IAM Identity Center).
     */
    IDENTITY_CENTER_ROLE("a role IAM Identity Center created (path /aws-reserved/sso.amazonaws.com/) is only"
            + " modifiable by AWS, through Identity Center's permission sets",
            "https://repost.aws/knowledge-center/identity-center-aws-reserved-sso"),

    /**
     * "You cannot change the permissions defined in AWS managed policies" (IAM User Guide: AWS managed policies):
     * new versions, a new default version or deletion of {@code arn:aws:iam::aws:policy/...} are AWS's alone.
     */
    AWS_MANAGED_POLICY("an AWS managed policy (arn:aws:iam::aws:policy/...) cannot be changed or deleted: AWS"
            + " maintains it",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html"),

    /**
     * "The alias name for a customer managed key cannot begin with alias/aws/. The alias/aws/ prefix is reserved
     * for AWS managed key" (AWS KMS Developer Guide: Create aliases; "You cannot manage aliases for AWS managed
     * keys").
     */
    AWS_MANAGED_KEY_ALIAS("aliases beginning alias/aws/ are reserved for AWS managed keys: they cannot be created,"
            + " updated or deleted", "https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html"),

    /**
     * The AWS Organizations calls "you can call from only the organization's management account" (AWS
     * Organizations API Reference: API operations by account): from any other account they fail whatever the
     * caller's policies allow.
     */
    ORGANIZATIONS_MANAGEMENT_ACCOUNT("this AWS Organizations call answers only in the organization's management"
            + " account", "https://docs.aws.amazon.com/organizations/latest/APIReference/action-reference.html"),

    /**
     * The AWS Organizations calls "you can call from only the organization's management account or a member
     * account designated as a delegated administrator" (AWS Organizations API Reference: API operations by
     * account; AWS Organizations User Guide: Delegated administrator for AWS Organizations).
     */
    ORGANIZATIONS_DELEGATED_ADMINISTRATOR("this AWS Organizations call answers only in the organization's management"
            + " account or in a delegated administrator account",
            "https://docs.aws.amazon.com/organizations/latest/APIReference/action-reference.html");

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
