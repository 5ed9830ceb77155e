package io.iamscope.eval;

import io.iamscope.policy.Arn;
import java.util.Objects;

/**
 * The identity making a request.
 *
 * @param arn               the caller's own ARN (session ARN for sessions; service name for services)
 * @param account           the caller's account id, null for services and anonymous callers
 * @param parentArn         for a session, the IAM role or user behind it (null otherwise). A resource policy
 *                          naming this ARN grants to the session, but "limited by an implicit deny in a
 *                          permissions boundary or session policy" (Policy evaluation logic)
 * @param serviceLinked     a service-linked role session: SCPs and RCPs do not restrict it
 * @param organization      what is known of the caller's account in its organization: the management account
 *                          (SCPs do not apply to it), a member, a delegated administrator ({@link OrgStanding})
 * @param canonicalUser     the S3 canonical user id, when known
 */
public record Caller(String arn, String account, CallerKind kind, String parentArn, boolean serviceLinked,
                     OrgStanding organization, String canonicalUser) {

    public Caller {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(kind, "kind");
        organization = organization == null ? OrgStanding.UNKNOWN : organization;
    }

    /**
     * A caller whose account is known to be its organization's management account, or else whose standing is
     * not known ({@link OrgStanding#UNKNOWN}): Organizations' management calls then depend on it.
     */
    public Caller(String arn, String account, CallerKind kind, String parentArn, boolean serviceLinked,
                  boolean managementAccount, String canonicalUser) {
        this(arn, account, kind, parentArn, serviceLinked,
                managementAccount ? OrgStanding.MANAGEMENT : OrgStanding.UNKNOWN, canonicalUser);
    }

    /** The caller is in the organization's management account: SCPs do not apply to it. */
    public boolean managementAccount() {
        return organization.management() == Truth.TRUE;
    }

    public static Caller user(String arn) {
        return new Caller(arn, Arn.accountOf(arn), CallerKind.USER, null, false, false, null);
    }

    public static Caller roleSession(String sessionArn, String roleArn) {
        return new Caller(sessionArn, Arn.accountOf(sessionArn), CallerKind.ROLE_SESSION, roleArn, false, false, null);
    }

    /** The account root ARN of the caller's account, or null. */
    public String accountRootArn() {
        return account == null ? null : "arn:aws:iam::" + account + ":root";
    }

    /** Whether identity-based policies and boundaries can apply (not the root user, services or anonymous). */
    public boolean hasIdentityPolicies() {
        return kind == CallerKind.USER || kind == CallerKind.ROLE_SESSION || kind == CallerKind.FEDERATED_USER;
    }

    public boolean isIamPrincipal() {
        return hasIdentityPolicies() || kind == CallerKind.ROOT;
    }
}
