package io.iamscope.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ATT&CK tactic of a call seen in CloudTrail: call-tactics.json first, then tactics.json's most urgent. */
class CallTacticsTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private final CallTactics tactics = CallTactics.load(Tactics.load(CATALOG));

    /** Event names of the table that are not IAM actions (S3 data events named after their API call). */
    private static final Set<String> NOT_IAM_ACTIONS = Set.of("signin:ConsoleLogin", "s3:ListBuckets",
            "s3:ListObjects", "s3:ListObjectsV2", "s3:ListObjectVersions", "s3:SelectObjectContent");

    private Optional<Tactic> of(String action) {
        return tactics.of(action);
    }

    @Test
    void theTableDecidesWhereAnAttackersCallDiffersFromThePermissionsMostUrgentTactic() {
        assertEquals(Optional.of(Tactic.INITIAL_ACCESS), of("signin:ConsoleLogin"));
        // tactics.json: privilege escalation first (a key for another user); the call's ATT&CK tactic: T1098.001.
        assertEquals(Optional.of(Tactic.PERSISTENCE), of("iam:CreateAccessKey"));
        assertEquals(Optional.of(Tactic.LATERAL_MOVEMENT), of("sts:AssumeRole"));
        // tactics.json: exfiltration; reading an object is collection (T1530).
        assertEquals(Optional.of(Tactic.COLLECTION), of("s3:GetObject"));
        assertEquals(Optional.of(Tactic.DISCOVERY), of("s3:ListBuckets"));
        assertEquals(Optional.of(Tactic.DISCOVERY), of("S3:LISTOBJECTSV2"));
    }

    @Test
    void otherwiseTheMostUrgentTacticOfTheAction() {
        assertEquals(Optional.of(Tactic.PRIVILEGE_ESCALATION), of("iam:CreatePolicyVersion"));
        assertEquals(Optional.of(Tactic.DEFENSE_EVASION), of("cloudtrail:StopLogging"));
        assertEquals(Optional.of(Tactic.CREDENTIAL_ACCESS), of("secretsmanager:GetSecretValue"));
        assertEquals(Optional.of(Tactic.DISCOVERY), of("ec2:DescribeInstances"));
        assertEquals(Optional.empty(), of("s3:PutBucketTagging"));
        assertEquals(Optional.empty(), of("nosuch:Thing"));
    }

    @Test
    void everyRuleIsCitedAndNamesRealActionsOrKnownEventNames() {
        assertTrue(tactics.rules().size() >= 5);
        for (CallTactics.Rule r : tactics.rules()) {
            assertTrue(r.attack().matches("T\\d{4}(\\.\\d{3})?"), r.attack());
            assertFalse(r.why().isBlank());
            for (String p : r.patterns()) {
                assertTrue(NOT_IAM_ACTIONS.contains(p) || !CATALOG.expand(p).isEmpty(), "names no action: " + p);
            }
        }
    }

    @Test
    void anUnknownTacticIsAClearError() {
        String json = "{\"rules\":[{\"tactic\":\"mischief\",\"events\":[\"s3:*\"],\"attack\":\"T1\",\"why\":\"x\"}]}";
        CatalogException e = assertThrows(CatalogException.class, () -> CallTactics.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "c.json", Tactics.load(CATALOG)));
        assertEquals("call tactics `c.json` is malformed: `/rules/0/tactic` is `mischief`, not a known tactic",
                e.getMessage());
    }
}
