package io.iamscope.analysis.hunt;

import io.iamscope.policy.Arn;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The queries for these targets. A query longer than its engine accepts is split into parts (each a
     * query of its own, "part k of n"), every target in exactly one part: Athena rejects a query string over
     * 262,144 bytes ("not an adjustable quota ... break long queries into multiple smaller queries", AWS
     * Knowledge Center: Athena query string length), and CloudTrail Lake's StartQuery takes a QueryStatement of
     * at most 10,000 characters (CloudTrail API Reference: StartQuery). A blast radius that reaches thousands
     * of principals needs several.
     */
    public List<HuntingQuery> forTargets(List<HuntTarget> targets, Instant from) {
        Instant since = from.truncatedTo(ChronoUnit.SECONDS);
        List<HuntingQuery> out = new ArrayList<>();
        if (targets.isEmpty()) {
            return out;
        }
        String sinceText = literal(since.toString());
        List<String> athena = parts(targets.stream().map(HuntingQueries::athenaMatch).toList(), ATHENA_BUDGET);
        add(out, "athena", "every API call by the reachable principals and keys", athena, where ->
                "SELECT eventtime, useridentity.arn, useridentity.accesskeyid, eventsource, eventname,\n"
                        + "       awsregion, sourceipaddress, errorcode\n"
                        + "FROM " + athenaTable + "\n"
                        + "WHERE eventtime >= " + sinceText + "\n"
                        + "  AND (" + where + ")\n"
                        + "ORDER BY eventtime");
        add(out, "athena", "write and permission-changing calls, by principal and action", athena, where ->
                "SELECT useridentity.arn, eventsource, eventname, count(*) AS calls,\n"
                        + "       min(eventtime) AS first_seen, max(eventtime) AS last_seen\n"
                        + "FROM " + athenaTable + "\n"
                        + "WHERE eventtime >= " + sinceText + "\n"
                        + "  AND readonly = 'false'\n"
                        + "  AND (" + where + ")\n"
                        + "GROUP BY 1, 2, 3\n"
                        + "ORDER BY calls DESC");
        String lakeSince = literal(since.toString().replace('T', ' ').replace("Z", ""));
        add(out, "cloudtrail-lake", "every API call by the reachable principals and keys",
                parts(targets.stream().map(HuntingQueries::lakeMatch).toList(), LAKE_BUDGET), where ->
                        "SELECT eventTime, userIdentity.arn, userIdentity.accessKeyId, eventSource, eventName,\n"
                                + "       awsRegion, sourceIPAddress, errorCode\n"
                                + "FROM " + eventDataStore + "\n"
                                + "WHERE eventTime >= " + lakeSince + "\n"
                                + "  AND (" + where + ")\n"
                                + "ORDER BY eventTime");
        return out;
    }

    /**
     * Room for the target conditions of one query: the engine's limit less the rest of the longest query and
     * a margin for the table or event data store name (Athena counts bytes; the conditions are ASCII unless an
     * ARN is not, hence the margin).
     */
    private static final int ATHENA_BUDGET = 262_144 - 2_000;
    private static final int LAKE_BUDGET = 10_000 - 1_000;
    private static final String OR = "\n   OR ";

    /** The conditions joined with OR, cut into parts that fit the budget (a part holds at least one). */
    static List<String> parts(List<String> conditions, int budget) {
        List<String> out = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int size = 0;
        for (String c : conditions) {
            int bytes = c.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (size > 0 && size + OR.length() + bytes > budget) {
                out.add(part.toString());
                part.setLength(0);
                size = 0;
            }
            if (size > 0) {
                part.append(OR);
                size += OR.length();
            }
            part.append(c);
            size += bytes;
        }
        out.add(part.toString());
        return out;
    }

    /** One query per part, titled "part k of n" when there are several. */
    private static void add(List<HuntingQuery> out, String engine, String title, List<String> parts,
                            java.util.function.Function<String, String> sql) {
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.size() == 1 ? "" : " (part " + (i + 1) + " of " + parts.size() + ")";
            out.add(new HuntingQuery(engine, title + part, sql.apply(parts.get(i))));
        }
    }

    private static String athenaMatch(HuntTarget t) {
        return switch (t.kind()) {
            case ACCESS_KEY -> "useridentity.accesskeyid = " + literal(t.value());
            case ROLE -> "useridentity.sessioncontext.sessionissuer.arn = " + literal(t.value());
            case ROOT -> "(useridentity.type = 'Root' AND useridentity.accountid = " + literal(account(t.value())) + ")";
            case USER -> "useridentity.arn = " + literal(t.value());
            case ACCOUNT -> "useridentity.accountid = " + literal(t.value());
        };
    }

    private static String lakeMatch(HuntTarget t) {
        return switch (t.kind()) {
            case ACCESS_KEY -> "userIdentity.accessKeyId = " + literal(t.value());
            case ROLE -> "userIdentity.sessionContext.sessionIssuer.arn = " + literal(t.value());
            case ROOT -> "(userIdentity.type = 'Root' AND userIdentity.accountId = " + literal(account(t.value())) + ")";
            case USER -> "userIdentity.arn = " + literal(t.value());
            case ACCOUNT -> "userIdentity.accountId = " + literal(t.value());
        };
    }

    private static String account(String arn) {
        String account = Arn.accountOf(arn);
        return account == null ? "" : account;
    }

    /** A SQL string literal: single quotes doubled, so no value can end the literal. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
