package io.iamscope.analysis.hunt;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the queries a responder runs to see what the reachable principals and keys actually did: Athena SQL
 * over the CloudTrail table that the CloudTrail console creates (CloudTrail User Guide: "Querying AWS
 * CloudTrail logs" in the Athena User Guide; columns {@code useridentity}, {@code eventtime} as ISO 8601 text,
 * {@code eventsource}, {@code eventname}, {@code sourceipaddress}, {@code errorcode}), and CloudTrail Lake SQL
 * ({@code FROM <event data store id>}, columns {@code userIdentity.arn}, {@code eventTime}). Values are
 * quoted as SQL string literals; nothing else of the user's reaches the text.
 */
public final class HuntingQueries {
    private final String athenaTable;
    private final String eventDataStore;

    /**
     * @param athenaTable    the Athena table over the trail (e.g. {@code cloudtrail_logs})
     * @param eventDataStore the CloudTrail Lake event data store id (placeholder when unknown)
     */
    public HuntingQueries(String athenaTable, String eventDataStore) {
        this.athenaTable = athenaTable;
        this.eventDataStore = eventDataStore;
    }

    public List<HuntingQuery> forTargets(List<HuntTarget> targets, Instant from) {
        Instant since = from.truncatedTo(ChronoUnit.SECONDS);
        List<HuntingQuery> out = new ArrayList<>();
        if (targets.isEmpty()) {
            return out;
        }
        String athenaWhere = targets.stream().map(HuntingQueries::athenaMatch).collect(Collectors.joining("\n   OR "));
        String lakeWhere = targets.stream().map(HuntingQueries::lakeMatch).collect(Collectors.joining("\n   OR "));
        String sinceText = literal(since.toString());
        out.add(new HuntingQuery("athena", "every API call by the reachable principals and keys",
                "SELECT eventtime, useridentity.arn, useridentity.accesskeyid, eventsource, eventname,\n"
                        + "       awsregion, sourceipaddress, errorcode\n"
                        + "FROM " + athenaTable + "\n"
                        + "WHERE eventtime >= " + sinceText + "\n"
                        + "  AND (" + athenaWhere + ")\n"
                        + "ORDER BY eventtime"));
        out.add(new HuntingQuery("athena", "write and permission-changing calls, by principal and action",
                "SELECT useridentity.arn, eventsource, eventname, count(*) AS calls,\n"
                        + "       min(eventtime) AS first_seen, max(eventtime) AS last_seen\n"
                        + "FROM " + athenaTable + "\n"
                        + "WHERE eventtime >= " + sinceText + "\n"
                        + "  AND readonly = 'false'\n"
                        + "  AND (" + athenaWhere + ")\n"
                        + "GROUP BY 1, 2, 3\n"
                        + "ORDER BY calls DESC"));
        out.add(new HuntingQuery("cloudtrail-lake", "every API call by the reachable principals and keys",
                "SELECT eventTime, userIdentity.arn, userIdentity.accessKeyId, eventSource, eventName,\n"
                        + "       awsRegion, sourceIPAddress, errorCode\n"
                        + "FROM " + eventDataStore + "\n"
                        + "WHERE eventTime >= " + literal(since.toString().replace('T', ' ').replace("Z", "")) + "\n"
                        + "  AND (" + lakeWhere + ")\n"
                        + "ORDER BY eventTime"));
        return out;
    }

    private static String athenaMatch(HuntTarget t) {
        return switch (t.kind()) {
            case ACCESS_KEY -> "useridentity.accesskeyid = " + literal(t.value());
            case ROLE -> "useridentity.sessioncontext.sessionissuer.arn = " + literal(t.value());
            case ROOT -> "(useridentity.type = 'Root' AND useridentity.accountid = " + literal(account(t.value())) + ")";
            case USER -> "useridentity.arn = " + literal(t.value());
        };
    }

    private static String lakeMatch(HuntTarget t) {
        return switch (t.kind()) {
            case ACCESS_KEY -> "userIdentity.accessKeyId = " + literal(t.value());
            case ROLE -> "userIdentity.sessionContext.sessionIssuer.arn = " + literal(t.value());
            case ROOT -> "(userIdentity.type = 'Root' AND userIdentity.accountId = " + literal(account(t.value())) + ")";
            case USER -> "userIdentity.arn = " + literal(t.value());
        };
    }

    private static String account(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 4 ? parts[4] : "";
    }

    /** A SQL string literal: single quotes doubled, so no value can end the literal. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
