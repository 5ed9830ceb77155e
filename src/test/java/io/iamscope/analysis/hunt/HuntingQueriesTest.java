package io.iamscope.analysis.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HuntingQueriesTest {
    private final HuntingQueries queries = new HuntingQueries("cloudtrail_logs", "EDS_ID");
    private final Instant since = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void matchesUsersByArnRolesByIssuerAndKeysById() {
        List<HuntingQuery> q = queries.forTargets(List.of(
                HuntTarget.ofArn("arn:aws:iam::111122223333:user/alice"),
                HuntTarget.ofArn("arn:aws:iam::111122223333:role/deploy"),
                HuntTarget.accessKey("AKIAEXAMPLE000000001")), since);
        assertEquals(3, q.size());
        String athena = q.get(0).sql();
        assertTrue(athena.contains("useridentity.arn = 'arn:aws:iam::111122223333:user/alice'"), athena);
        assertTrue(athena.contains("useridentity.sessioncontext.sessionissuer.arn = 'arn:aws:iam::111122223333:role/deploy'"));
        assertTrue(athena.contains("useridentity.accesskeyid = 'AKIAEXAMPLE000000001'"));
        assertTrue(athena.contains("eventtime >= '2026-11-01T00:00:00Z'"));
        String lake = q.get(2).sql();
        assertEquals("cloudtrail-lake", q.get(2).engine());
        assertTrue(lake.contains("FROM EDS_ID") && lake.contains("eventTime >= '2026-11-01 00:00:00'"), lake);
    }

    @Test
    void rootIsMatchedByTypeAndAccount() {
        String sql = queries.forTargets(List.of(HuntTarget.ofArn("arn:aws:iam::111122223333:root")), since).get(0).sql();
        assertTrue(sql.contains("useridentity.type = 'Root' AND useridentity.accountid = '111122223333'"), sql);
    }

    /** CloudTrail records the account owning the credentials in userIdentity.accountId, for every identity type. */
    @Test
    void aControlledAccountIsMatchedOnEveryIdentityOfIt() {
        List<HuntingQuery> q = queries.forTargets(List.of(HuntTarget.account("111122223333")), since);
        assertTrue(q.get(0).sql().contains("AND (useridentity.accountid = '111122223333')"), q.get(0).sql());
        assertTrue(q.get(2).sql().contains("AND (userIdentity.accountId = '111122223333')"), q.get(2).sql());
    }

    @Test
    void quotesCannotEscapeTheLiteral() {
        String sql = queries.forTargets(List.of(HuntTarget.ofArn("arn:aws:iam::1:user/o'brien")), since).get(0).sql();
        assertTrue(sql.contains("'arn:aws:iam::1:user/o''brien'"), sql);
        assertFalse(queries.forTargets(List.of(), since).iterator().hasNext());
    }

    @Test
    void longListsAreSplitIntoQueriesEachEngineAcceptsWithEveryTargetInExactlyOnePart() {
        List<HuntTarget> many = new java.util.ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            many.add(HuntTarget.ofArn("arn:aws:iam::111122223333:role/service-role/application-role-" + i));
        }
        many.add(HuntTarget.accessKey("AKIAEXAMPLE000000001"));
        List<HuntingQuery> q = queries.forTargets(many, since);
        for (String engine : List.of("athena", "cloudtrail-lake")) {
            List<HuntingQuery> calls = q.stream().filter(x -> x.engine().equals(engine)
                    && x.title().startsWith("every API call")).toList();
            assertTrue(calls.size() > 1, engine + ": " + calls.size());
            // Athena: at most 262,144 bytes per query string; CloudTrail Lake: 10,000 characters per statement.
            int limit = engine.equals("athena") ? 262_144 : 10_000;
            for (HuntingQuery c : calls) {
                assertTrue(c.sql().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= limit, engine);
                assertTrue(c.title().contains(" of " + calls.size() + ")"), c.title());
            }
            for (HuntTarget t : many) {
                long in = calls.stream().filter(c -> c.sql().contains("'" + t.value() + "'")).count();
                assertEquals(1, in, engine + " " + t.value());
            }
        }
    }

    @Test
    void aShortListIsOneQueryPerKindWithoutPartNumbers() {
        List<HuntingQuery> q = queries.forTargets(List.of(HuntTarget.accessKey("AKIAEXAMPLE000000001")), since);
        assertEquals(3, q.size());
        assertTrue(q.stream().noneMatch(x -> x.title().contains("part")));
    }
}
