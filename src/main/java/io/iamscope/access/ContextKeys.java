package io.iamscope.access;

import io.iamscope.policy.Arn;
import io.iamscope.eval.Caller;
import io.iamscope.eval.CallerKind;
import io.iamscope.eval.RequestContext;
import io.iamscope.model.Organization;
import io.iamscope.model.Principal;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.Resource;
import java.util.List;
import java.util.Map;

/**
 * The context keys AWS sets from the caller and the resource (IAM User Guide: AWS global condition context
 * keys), added only where the user gave no value and did not declare the key unknown.
 */
final class ContextKeys {
    private ContextKeys() {
    }

    static void principal(PrincipalRef who, Caller caller, Organization org, RequestContext given,
                          RequestContext.Builder b) {
        String principalArn = who.kind() == PrincipalRef.Kind.ROOT ? caller.accountRootArn() : who.arn();
        put(given, b, "aws:PrincipalArn", principalArn);
        put(given, b, "aws:PrincipalAccount", caller.account());
        put(given, b, "aws:PrincipalType", switch (who.kind()) {
            case USER -> "User";
            case ROLE -> "AssumedRole";
            case ROOT -> "Account";
        });
        put(given, b, "aws:PrincipalIsAWSService", "false");
        if (who.kind() == PrincipalRef.Kind.ROLE) {
            roleSession(given, b);
        }
        Principal p = who.principal();
        if (caller.kind() == CallerKind.USER) {
            put(given, b, "aws:username", p.name());
        }
        // aws:userid is the user's unique id; for a role session "role-id:caller-specified-role-name"; for the
        // root user the account id.
        if (who.kind() == PrincipalRef.Kind.ROOT) {
            put(given, b, "aws:userid", caller.account());
        } else if (p.id() != null) {
            put(given, b, "aws:userid", who.kind() == PrincipalRef.Kind.ROLE
                    ? p.id() + ":" + caller.arn().substring(caller.arn().lastIndexOf('/') + 1) : p.id());
        }
        if (p != null) {
            tags(given, b, "aws:PrincipalTag/", p.tags());
        }
        if (org != null && org.levels(caller.account()) != null) {
            put(given, b, "aws:PrincipalOrgID", org.id());
            put(given, b, "aws:PrincipalOrgPaths", org.orgPath(caller.account()));
        }
    }

    /**
     * The keys of a role session's temporary credentials, as AWS sets them whatever the attacker context says for
     * the start (IAM User Guide, AWS global condition context keys): {@code aws:TokenIssueTime} is present in every
     * request signed with temporary credentials, at a time that cannot be known (the session is the attacker's
     * own, yet to be created); {@code aws:MultiFactorAuthPresent} is present too, {@code false} when no MFA was
     * used to get them, which is the case when an attacker context sets no MFA (long-term keys cannot pass an MFA
     * code to AssumeRole, and sessions on compute never carry one). A value or unknown the context gives wins.
     * {@code aws:MultiFactorAuthAge} stays absent then: it is present only when MFA was used.
     */
    private static void roleSession(RequestContext given, RequestContext.Builder b) {
        if (!given.isPresent("aws:TokenIssueTime") && !given.isUnknown("aws:TokenIssueTime")) {
            b.unknownValue("aws:TokenIssueTime");
        }
        put(given, b, "aws:MultiFactorAuthPresent", "false");
    }

    static void resource(String account, Map<String, String> tags, Organization org, RequestContext given,
                          RequestContext.Builder b) {
        put(given, b, "aws:ResourceAccount", account);
        if (org != null && account != null && org.levels(account) != null) {
            put(given, b, "aws:ResourceOrgID", org.id());
            put(given, b, "aws:ResourceOrgPaths", org.orgPath(account));
        }
        if (tags == null) {
            // Tags not recorded: the aws:ResourceTag keys are unknown, so a condition on them makes the decision
            // conditional rather than deciding it as if the resource had none (an ABAC Allow would be dropped).
            if (!given.isUnknown("aws:ResourceTag/*")) {
                b.unknown("aws:ResourceTag/*");
            }
        } else {
            tags(given, b, "aws:ResourceTag/", tags);
        }
    }

    /**
     * {@code aws:RequestedRegion}: AWS always sets it. Taken from the resource ARN, else from the resource record;
     * when neither says, the key is declared unknown so that region conditions (a region-lock SCP) make the
     * answer conditional instead of silently denying or allowing.
     */
    static void region(String resourceArn, Resource record, RequestContext given, RequestContext.Builder b) {
        String region = Arn.regionOf(resourceArn);
        if ((region == null || region.isEmpty()) && record != null) {
            region = record.region();
        }
        if (region != null && !region.isEmpty()) {
            put(given, b, "aws:RequestedRegion", region);
        } else if (!given.isPresent("aws:RequestedRegion") && !given.isUnknown("aws:RequestedRegion")) {
            b.unknown("aws:RequestedRegion");
        }
    }

    private static void tags(RequestContext given, RequestContext.Builder b, String prefix,
                             Map<String, String> tags) {
        tags.forEach((k, v) -> put(given, b, prefix + k, v));
    }

    private static void put(RequestContext given, RequestContext.Builder b, String key, String value) {
        // The builder may not start from the given context (the resource's keys are laid over it later).
        if (value != null && !given.isUnknown(key) && !given.isPresent(key)) {
            b.putIfAbsent(key, List.of(value));
        }
    }
}
