package io.iamscope.policytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.local.LocalAuthorizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code {"file": "policies/ci.json"}} in place of a document: read relative to the case file (docs/policy-tests.md). */
class CaseReaderFileReferenceTest {
    private static final String CASE = "{\"id\": \"%s\", \"identityPolicies\": [{\"file\": \"%s\"}],"
            + " \"principal\": {\"arn\": \"arn:aws:iam::111122223333:role/ci\", \"type\": \"role\"},"
            + " \"request\": {\"action\": \"s3:GetObject\", \"resource\": \"arn:aws:s3:::b/k\"},"
            + " \"expected\": \"Allow\"}";

    @TempDir
    Path dir;

    private List<CaseResult> run() {
        CaseRunner runner = new CaseRunner(new LocalAuthorizer());
        return CaseFileReader.read(dir.resolve("tests/cases.jsonl")).stream().map(runner::run).toList();
    }

    @Test
    void aPolicyFileIsReadRelativeToTheCaseFile() throws Exception {
        Files.createDirectories(dir.resolve("policies"));
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("policies/ci.json"), "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
                + " \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}");
        Files.writeString(dir.resolve("tests/cases.jsonl"), CASE.formatted("from-file", "../policies/ci.json") + "\n"
                + CASE.formatted("missing", "../policies/none.json") + "\n");
        List<CaseResult> results = run();
        assertEquals(CaseResult.Status.PASSED, results.get(0).status(), results.get(0).message());
        assertEquals(CaseResult.Status.SKIPPED, results.get(1).status());
        assertTrue(results.get(1).message().contains("CASE_POLICY_FILE_UNREADABLE")
                && results.get(1).message().contains("/identityPolicies/0/file"), results.get(1).message());
    }

    /** A statement of the file that AWS would refuse names the file, not the case. */
    @Test
    void aMalformedPolicyFileNamesTheFile() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/bad.json"), "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
                + " \"Permit\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}");
        Files.writeString(dir.resolve("tests/cases.jsonl"), CASE.formatted("bad", "bad.json") + "\n");
        CaseResult r = run().get(0);
        assertEquals(CaseResult.Status.SKIPPED, r.status());
        assertTrue(r.message().contains("bad.json") && r.message().contains("POLICY_INVALID_EFFECT"), r.message());
    }
}
