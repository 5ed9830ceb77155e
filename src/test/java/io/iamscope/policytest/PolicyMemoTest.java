package io.iamscope.policytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.local.LocalAuthorizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases that share their documents through a {@link PolicyMemo} answer as cases that each read their own, on one
 * thread or several ({@link InOrderRuns}): passes, failures, invalid cases and policy errors, each naming its own
 * case.
 */
public class PolicyMemoTest {
    private static final String USER = "{\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"type\":\"user\"}";
    private static final String ALLOW_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S3\",\"Effect\":"
            + "\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"s3:Delete*\","
            + "\"Resource\":\"*\"}]}";
    /** A value its operator cannot read: a policy error the engine reports with the case's location. */
    private static final String BAD_VALUE = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":"
            + "\"not-an-ip\"}}}}";
    private static final String REFUSED = "{\"Statement\":{\"Effect\":\"Permit\",\"Action\":\"*\"}}";

    private static String c(String id, String policy, String action, String expected) {
        return "{\"id\":\"" + id + "\",\"identityPolicies\":[" + policy + "],\"principal\":" + USER
                + ",\"request\":{\"action\":\"" + action + "\",\"resource\":\"arn:aws:s3:::b/k\"},\"expected\":\""
                + expected + "\"}";
    }

    /** Many cases: most pass, some fail, some are invalid, some have a policy error, in a varied order. */
    public static String manyCases(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String line = switch (i % 7) {
                case 0, 1, 2 -> c("pass-" + i, ALLOW_S3, "s3:GetObject", "Allow");
                case 3 -> c("deny-" + i, ALLOW_S3, "s3:DeleteObject", "ExplicitDeny");
                case 4 -> c("fail-" + i, ALLOW_S3, "s3:DeleteObject", "Allow");
                case 5 -> c("error-" + i, BAD_VALUE, "s3:GetObject", "Allow");
                default -> c("invalid-" + i, REFUSED, "s3:GetObject", "Allow");
            };
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private static List<String> run(String text, PolicyMemo memo, int threads) {
        List<CaseFileReader.Found> cases = CaseFileReader.scan(text, "cases.jsonl");
        InOrderRuns.check(cases, threads);
        List<String> out = new ArrayList<>();
        InOrderRuns.run(cases, new CaseRunner(new LocalAuthorizer(), memo), threads, r -> out.add(r.status() + " "
                + r.id() + " " + r.origin() + " " + r.message()));
        return out;
    }

    @Test
    void sharedDocumentsOnManyThreadsAnswerAsOwnDocumentsOnOne() {
        String text = manyCases(700);
        List<String> serial = run(text, PolicyMemo.none(), 1);
        assertEquals(700, serial.size());
        assertEquals(serial, run(text, PolicyMemo.create(), 1));
        assertEquals(serial, run(text, PolicyMemo.create(), 4));
        assertTrue(serial.stream().anyMatch(s -> s.startsWith("FAILED fail-")), serial.get(4));
        assertTrue(serial.stream().anyMatch(s -> s.startsWith("SKIPPED invalid-")), serial.get(6));
    }

    /** A document with a policy error is never shared: each case's error names that case's line. */
    @Test
    void aPolicyErrorNamesItsOwnCase() {
        String text = c("e1", BAD_VALUE, "s3:GetObject", "ExplicitDeny") + "\n"
                + c("e2", BAD_VALUE, "s3:GetObject", "ExplicitDeny") + "\n";
        List<String> out = run(text, PolicyMemo.create(), 1);
        assertTrue(out.get(0).contains("policy error") && out.get(0).contains("cases.jsonl:1 "), out.get(0));
        assertTrue(out.get(1).contains("cases.jsonl:2 ") && !out.get(1).contains("cases.jsonl:1 "), out.get(1));
    }

    @Test
    void documentsWithoutErrorsAreReadOnce() {
        PolicyMemo memo = PolicyMemo.create();
        run(c("a", ALLOW_S3, "s3:GetObject", "Allow") + "\n" + c("b", ALLOW_S3, "s3:PutObject", "Allow") + "\n"
                + c("e", BAD_VALUE, "s3:GetObject", "Allow") + "\n", memo, 1);
        // The document, and the field that holds it as written.
        assertEquals(2, memo.size());
    }

    /** The same text in two case files names each file's own policy file. */
    @Test
    void aPolicyFileIsTheCaseFilesOwn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String line = "{\"id\":\"f\",\"identityPolicies\":[{\"file\":\"p.json\"}],\"principal\":" + USER
                + ",\"request\":{\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\"},"
                + "\"expected\":\"Allow\"}\n";
        for (String sub : new String[] {"a", "b"}) {
            java.nio.file.Files.createDirectories(dir.resolve(sub));
            java.nio.file.Files.writeString(dir.resolve(sub).resolve("cases.jsonl"), line);
        }
        java.nio.file.Files.writeString(dir.resolve("a/p.json"), ALLOW_S3);
        java.nio.file.Files.writeString(dir.resolve("b/p.json"), "{\"Version\":\"2012-10-17\",\"Statement\":"
                + "{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}}");
        CaseRunner runner = new CaseRunner(new LocalAuthorizer(), PolicyMemo.create());
        List<CaseResult.Status> got = new ArrayList<>();
        for (String sub : new String[] {"a", "b"}) {
            List<CaseFileReader.Found> cases = CaseFileReader.scan(dir.resolve(sub).resolve("cases.jsonl"));
            InOrderRuns.check(cases, 1);
            InOrderRuns.run(cases, runner, 1, r -> got.add(r.status()));
        }
        assertEquals(List.of(CaseResult.Status.PASSED, CaseResult.Status.FAILED), got);
    }

    /** The first malformed line in order is refused, on many threads as on one. */
    @Test
    void theFirstMalformedLineIsRefusedOnManyThreads() {
        String good = c("ok", ALLOW_S3, "s3:GetObject", "Allow") + "\n";
        String text = good.repeat(200) + "{\"id\": \"x\",\n" + good.repeat(50) + "[1,\n" + good;
        for (int threads : new int[] {1, 4}) {
            CaseFileException e = org.junit.jupiter.api.Assertions.assertThrows(CaseFileException.class,
                    () -> InOrderRuns.check(CaseFileReader.scan(text, "cases.jsonl"), threads));
            assertTrue(e.getMessage().startsWith("cases.jsonl:201"), e.getMessage());
        }
    }

    /** A line whose policy field repeats an earlier line's is still refused for what follows that field. */
    @Test
    void aRepeatedFieldDoesNotHideWhatFollowsIt() {
        String good = c("ok", ALLOW_S3, "s3:GetObject", "Allow");
        String twice = good.replace(",\"expected\":\"Allow\"}", ",\"expected\":\"Allow\",\"id\":\"again\"}");
        String trailing = good + " x";
        String badAfter = good.replace("\"principal\":", "\"principal\":,");
        for (String bad : new String[] {twice, trailing, badAfter}) {
            CaseFileException e = org.junit.jupiter.api.Assertions.assertThrows(CaseFileException.class,
                    () -> InOrderRuns.check(CaseFileReader.scan(good + "\n" + bad + "\n", "cases.jsonl"), 1));
            assertTrue(e.getMessage().startsWith("cases.jsonl:2"), e.getMessage());
        }
        List<CaseFileReader.Found> fine = CaseFileReader.scan(good + "\n" + good + "\n", "cases.jsonl");
        InOrderRuns.check(fine, 1);
        assertEquals("ok", fine.get(1).raw().json().path("id").asText());
        assertTrue(fine.get(1).raw().written().get("identityPolicies").startsWith("[{\"Version\""));
    }

    /** Past its budget of field text the memo keeps documents, not the fields that hold them. */
    @Test
    void fieldsPastTheBudgetAreNotKept() {
        PolicyMemo memo = new PolicyMemo(true, 10);
        List<CaseFileReader.Found> cases = CaseFileReader.scan(c("a", ALLOW_S3, "s3:GetObject", "Allow") + "\n"
                + c("b", ALLOW_S3, "s3:PutObject", "Allow") + "\n", "cases.jsonl");
        InOrderRuns.check(cases, 1);
        List<CaseResult.Status> got = new ArrayList<>();
        InOrderRuns.run(cases, new CaseRunner(new LocalAuthorizer(), memo), 1, r -> got.add(r.status()));
        assertEquals(List.of(CaseResult.Status.PASSED, CaseResult.Status.PASSED), got);
        assertEquals(1, memo.size());
    }
}
