package io.iamscope.eval;

import java.util.Objects;

/**
 * What is known of the caller's account in its AWS Organization, for the Organizations calls only its
 * management account, or a delegated administrator, may make ({@link ServiceRule#ORGANIZATIONS_MANAGEMENT_ACCOUNT},
 * {@link ServiceRule#ORGANIZATIONS_DELEGATED_ADMINISTRATOR}). Either fact may be unknown: a snapshot collected
 * without {@code --org} does not say whether its account manages an organization, and no snapshot lists delegated
 * administrators. A decision that depends on an unknown fact is conditional, never silently decided.
 *
 * @param management             whether the account is its organization's management account
 * @param delegatedAdministrator whether the account is a member account registered as a delegated administrator
 *                               (for AWS Organizations' policy management, or for a service, which opens
 *                               Organizations' read-only calls to it)
 */
public record OrgStanding(Truth management, Truth delegatedAdministrator) {
    /** Nothing known: maybe the management account, maybe a delegated administrator, maybe neither. */
    public static final OrgStanding UNKNOWN = new OrgStanding(Truth.UNKNOWN, Truth.UNKNOWN);
    /** The organization's management account. */
    public static final OrgStanding MANAGEMENT = new OrgStanding(Truth.TRUE, Truth.FALSE);

    public OrgStanding {
        Objects.requireNonNull(management, "management");
        Objects.requireNonNull(delegatedAdministrator, "delegatedAdministrator");
    }

    /** A member account (not the management account), delegated administrator or not, or not known. */
    public static OrgStanding member(Truth delegatedAdministrator) {
        return new OrgStanding(Truth.FALSE, delegatedAdministrator);
    }
}
