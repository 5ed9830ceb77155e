package io.iamscope.eval;

/**
 * A generated request as a plain value. Each condition key is present (a value), absent (null) or declared
 * unknown ({@link #UNKNOWN}); what is known of the caller's account in its organization is {@code org}.
 */
record RequestSpec(boolean roleSession, String action, String resource, String resourceAccount, String team,
                   String region, OrgStanding org) {

    RequestSpec(boolean roleSession, String action, String resource, String resourceAccount, String team,
                String region) {
        this(roleSession, action, resource, resourceAccount, team, region, OrgStanding.UNKNOWN);
    }

    static final String UNKNOWN = "<unknown>";
    static final String ACCOUNT = "111111111111";
    static final String OTHER_ACCOUNT = "222222222222";
    static final String USER_ARN = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/app";
    static final String SESSION_ARN = "arn:aws:sts::" + ACCOUNT + ":assumed-role/app/s1";
    static final String TEAM = "aws:PrincipalTag/team";
    static final String REGION = "aws:RequestedRegion";

    Caller caller() {
        return roleSession
                ? new Caller(SESSION_ARN, ACCOUNT, CallerKind.ROLE_SESSION, ROLE_ARN, false, org, null)
                : new Caller(USER_ARN, ACCOUNT, CallerKind.USER, null, false, org, null);
    }

    Request build() {
        RequestContext.Builder c = RequestContext.builder();
        put(c, TEAM, team);
        put(c, REGION, region);
        return new Request(caller(), action, resource, resourceAccount, c.build());
    }

    private static void put(RequestContext.Builder c, String key, String value) {
        if (UNKNOWN.equals(value)) {
            c.unknown(key);
        } else if (value != null) {
            c.put(key, value);
        }
    }

    @Override
    public String toString() {
        return (roleSession ? SESSION_ARN : USER_ARN) + " " + action + " on " + resource + " (account "
                + resourceAccount + ") context {" + TEAM + "=" + team + ", " + REGION + "=" + region + "} org " + org;
    }
}
