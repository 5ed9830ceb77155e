package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One behaviour everywhere: an unknown action is an error, an unknown context key a warning (issue #22, item 10). */
class MisspelledInputTest {
    private static final String SNAPSHOT = "policies-fixtures/sample-org/snapshot.json";
    private static final String BUCKET = "arn:aws:s3:::acme-prod-customer-data/k";

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void canRefusesAMisspelledActionAsWhoCanDoes() {
        CliRun can = run("can", "mlee", "s3:GetObjec", BUCKET, "--snapshot", SNAPSHOT);
        CliRun whoCan = run("who-can", "s3:GetObjec", BUCKET, "--snapshot", SNAPSHOT);
        assertEquals(2, can.exit(), can.out());
        assertEquals(2, whoCan.exit(), whoCan.out());
        assertTrue(can.err().contains("ACTION_UNKNOWN") && can.err().contains("did you mean `s3:GetObject`"),
                can.err());
    }

    @Test
    void aMisspelledContextKeyIsAWarningWithTheNearestKeys() {
        CliRun r = run("can", "mlee", "s3:GetObject", BUCKET, "--snapshot", SNAPSHOT, "--context",
                "aws:SourceIpp=10.0.0.1", "--unknown", "aws:MultiFactorAuthPresnt", "--unknown", "aws:SourceVpc");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("iamscope: warning: `aws:SourceIpp` is not a condition key AWS documents (did you"
                + " mean `aws:SourceIp`"), r.err());
        assertTrue(r.err().contains("`aws:MultiFactorAuthPresnt` is not a condition key"), r.err());
        assertTrue(!r.err().contains("`aws:SourceVpc` is not"), r.err());
    }
}
