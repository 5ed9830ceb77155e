package io.iamscope.analysis.findings;

import java.util.Optional;

/**
 * The one registry of finding codes: each with its category, default severity, title, help text (what it means
 * and why it matters, for a reader and for SARIF rule metadata) and the AWS documentation page behind the rule.
 * Codes are stable: renaming one breaks suppressions and CI baselines; add a new one instead.
 */
public enum FindingCode {
    PRIVILEGE_ESCALATION(Category.ESCALATION, Severity.HIGH, "path to administrator",
            "Principals that are not administrators can become one: by a technique of docs/techniques.md (writing a"
                    + " policy, passing an admin role to a service, taking over an admin user or role), possibly after"
                    + " assuming other roles. One finding per statement that opens the last step, with every principal"
                    + " whose shortest path goes through it: narrowing that statement closes all of those paths.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"),
    OUTSIDER_REACHES_ADMIN(Category.ESCALATION, Severity.CRITICAL, "outsider path to administrator",
            "An identity outside the snapshot (anyone, another AWS account, the users of an identity provider) can"
                    + " become an administrator of an account of the snapshot.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html"),
    CROSS_ACCOUNT_REACH(Category.ESCALATION, Severity.HIGH, "control of one account reaches another",
            "Whoever controls an account (its root user or any of its administrators) can act as principals of another"
                    + " account: the first account is part of the second one's security boundary. The management"
                    + " account reaching member accounts is expected and not reported.",
            "https://docs.aws.amazon.com/whitepapers/latest/organizing-your-aws-environment/"
                    + "benefits-of-using-multiple-aws-accounts.html"),
    PRINCIPAL_TAKEOVER(Category.ESCALATION, Severity.MEDIUM, "can act as other principals",
            "A principal that cannot become an administrator can still act as other principals by an escalation"
                    + " technique (new access keys or console password for a user, a role passed to a service, code"
                    + " run on an instance or function): it holds their permissions too.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"),
    TRUST_ANYONE(Category.TRUST, Severity.CRITICAL, "role trusts anyone",
            "The role's trust policy allows any AWS principal of any account (\"Principal\": \"*\") to assume it;"
                    + " conditions the caller controls do not make it private.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html"),
    TRUST_NO_EXTERNAL_ID(Category.TRUST, Severity.HIGH, "third-party trust without an external id",
            "The role trusts an account outside the organization and its trust policy does not require"
                    + " sts:ExternalId: a third party acting for several customers can be tricked into using this"
                    + " role (the confused deputy).",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html"),
    TRUST_FOREIGN_ACCOUNT(Category.TRUST, Severity.LOW, "role trusts an account outside the organization",
            "The role trusts an account outside the organization, with an external id: listed so that every third"
                    + " party with access is known and intended.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html"),
    TRUST_UNKNOWN_ACCOUNT(Category.TRUST, Severity.MEDIUM, "role trusts an account not in the snapshot",
            "The role trusts an account the snapshot does not hold, and no organization was given: whether it is one"
                    + " of yours is unknown (give --org-dir or a snapshot with the organization).",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html"),
    TRUST_OIDC_NO_SUB(Category.TRUST, Severity.HIGH, "OIDC trust without a subject condition",
            "The role trusts an OIDC identity provider without limiting the token's subject (`sub`), or with a"
                    + " subject pattern that names no owner: any identity of the provider (for GitHub Actions, any"
                    + " repository of any owner) can assume it.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html"),
    TRUST_OIDC_NO_AUD(Category.TRUST, Severity.MEDIUM, "OIDC trust without an audience condition",
            "The role trusts an OIDC identity provider without limiting the token's audience (`aud`): tokens issued"
                    + " for other applications of the provider are accepted.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html"),
    TRUST_SAML_NO_AUD(Category.TRUST, Severity.MEDIUM, "SAML trust without SAML:aud",
            "The role trusts a SAML provider without a SAML:aud condition: assertions meant for another service"
                    + " provider are accepted.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html"),
    RESOURCE_PUBLIC(Category.EXPOSURE, Severity.CRITICAL, "resource open to anyone",
            "The resource's policy lets any AWS principal (or anonymous callers) act on it, without an organization"
                    + " or source condition; the access levels granted are listed.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html"),
    RESOURCE_FOREIGN_ACCOUNT(Category.EXPOSURE, Severity.MEDIUM, "resource shared outside the organization",
            "The resource's policy lets principals of an account outside the organization act on it.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html"),
    RESOURCE_UNKNOWN_ACCOUNT(Category.EXPOSURE, Severity.LOW, "resource shared with an account not in the snapshot",
            "The resource's policy lets principals of an account the snapshot does not hold act on it, and no"
                    + " organization was given: whether it is one of yours is unknown.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html"),
    ROOT_ACCESS_KEY(Category.CREDENTIALS, Severity.CRITICAL, "root user has an access key",
            "The account's root user has an active access key: long-term credentials with every permission of the"
                    + " account that SCPs cannot restrict in the management account.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html"),
    ROOT_NO_MFA(Category.CREDENTIALS, Severity.CRITICAL, "root user without MFA",
            "The account's root user has no MFA device.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html"),
    CONSOLE_NO_MFA(Category.CREDENTIALS, Severity.HIGH, "console user without MFA",
            "The user can sign in to the console with a password and has no MFA device.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html"),
    ACCESS_KEY_OLD(Category.CREDENTIALS, Severity.MEDIUM, "access key not rotated",
            "An active access key was created (or last rotated) more than the review's age limit ago.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"),
    ACCESS_KEY_UNUSED(Category.CREDENTIALS, Severity.MEDIUM, "active access key unused",
            "An active access key has not been used within the review's age limit (or never): a credential nobody"
                    + " needs, that an attacker who finds it can use.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html"),
    USER_TWO_ACTIVE_KEYS(Category.CREDENTIALS, Severity.LOW, "user with two active access keys",
            "Both access keys of the user are active: outside a rotation, one of them is a spare credential.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"),
    PRINCIPAL_UNUSED(Category.CREDENTIALS, Severity.LOW, "principal unused",
            "A role not used (RoleLastUsed), or a user whose password and keys were not used, within the review's"
                    + " age limit: permissions nobody needs.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html"),
    PASSROLE_ANY_ROLE(Category.RISKY_GRANT, Severity.MEDIUM, "iam:PassRole on every role",
            "A statement allows iam:PassRole on `*`: its holders can hand any role of the account, administrators"
                    + " included, to a service that runs their code.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html"),
    ALLOW_NOT_ACTION(Category.RISKY_GRANT, Severity.MEDIUM, "Allow with NotAction",
            "An identity statement allows every action but those listed (NotAction with Allow): it grants every new"
                    + " action of every service as AWS adds them.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html"),
    INLINE_ADMIN_POLICY(Category.RISKY_GRANT, Severity.HIGH, "inline policy allows everything",
            "An inline policy allows `*` actions on `*` resources: full administrator rights hidden in one"
                    + " principal, outside the managed policies reviewers look at.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html"),
    CLOUDTRAIL_CAN_BE_STOPPED(Category.RISKY_GRANT, Severity.HIGH, "who can stop or delete CloudTrail trails",
            "Principals that can stop, delete or reconfigure CloudTrail trails, the record an investigation starts"
                    + " from (SCPs that deny it are applied: principals they restrict are not listed).",
            "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html"),
    LOG_GROUPS_CAN_BE_DELETED(Category.RISKY_GRANT, Severity.MEDIUM, "who can delete CloudWatch log groups",
            "Principals that can delete CloudWatch Logs log groups or streams or shorten their retention.",
            "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/iam-identity-based-access-control-cwl.html"),
    GUARDDUTY_CAN_BE_DISABLED(Category.RISKY_GRANT, Severity.HIGH, "who can disable GuardDuty",
            "Principals that can delete or suspend GuardDuty detectors, or detach the account from its GuardDuty"
                    + " administrator.",
            "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html"),
    CONFIG_CAN_BE_STOPPED(Category.RISKY_GRANT, Severity.MEDIUM, "who can stop AWS Config",
            "Principals that can stop or delete AWS Config recorders and delivery channels.",
            "https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html"),
    ADMIN_PRINCIPAL(Category.ADMIN, Severity.INFO, "administrator",
            "The principal is admin-equivalent (docs/techniques.md): how (the policies, the groups) and who can act"
                    + " as it are listed. Each administrator should be intended, few, MFA-protected and monitored.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html"),
    HIGH_VALUE_PRINCIPAL(Category.BLAST_RADIUS, Severity.INFO, "would hurt most if stolen",
            "The principals ranked by blast radius: accounts controlled and reached, principals reachable, services"
                    + " and data within reach. Put MFA, permissions boundaries and monitoring there first.",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html"),
    SUPPRESSION_EXPIRED(Category.SUPPRESSION, Severity.LOW, "suppression expired",
            "A suppression's expiry date has passed: the findings it matched are reported again. Renew it with a"
                    + " reason, or fix them.",
            "docs/review.md#suppressions");

    private final Category category;
    private final Severity severity;
    private final String title;
    private final String help;
    private final String doc;

    FindingCode(Category category, Severity severity, String title, String help, String doc) {
        this.category = category;
        this.severity = severity;
        this.title = title;
        this.help = help;
        this.doc = doc;
    }

    public Category category() {
        return category;
    }

    public Severity severity() {
        return severity;
    }

    /** A few lowercase words: {@code role trusts anyone}. */
    public String title() {
        return title;
    }

    /** What the finding means and why it matters, a few sentences. */
    public String help() {
        return help;
    }

    /** The AWS documentation page behind the rule (or this project's docs page for its own codes). */
    public String doc() {
        return doc;
    }

    /** The code spelled {@code word}, ignoring case. */
    public static Optional<FindingCode> named(String word) {
        for (FindingCode c : values()) {
            if (c.name().equalsIgnoreCase(word)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
