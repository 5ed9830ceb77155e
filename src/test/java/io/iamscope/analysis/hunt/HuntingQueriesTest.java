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

    @Test
    void quotesCannotEscapeTheLiteral() {
        String sql = queries.forTargets(List.of(HuntTarget.ofArn("arn:aws:iam::1:user/o'brien")), since).get(0).sql();
        assertTrue(sql.contains("'arn:aws:iam::1:user/o''brien'"), sql);
        assertFalse(queries.forTargets(List.of(), since).iterator().hasNext());
    }
}
