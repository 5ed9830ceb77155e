package io.iamscope.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TacticsTest {
    private final Catalog catalog = Catalog.bundled();
    private final Tactics tactics = Tactics.load(catalog);

    private int id(String action) {
        return catalog.action(action).orElseThrow().id();
    }

    @Test
    void tagsWellKnownActions() {
        assertTrue(tactics.tacticsOf(id("cloudtrail:StopLogging")).contains(Tactic.DEFENSE_EVASION));
        assertTrue(tactics.tacticsOf(id("iam:CreatePolicyVersion")).contains(Tactic.PRIVILEGE_ESCALATION));
        assertTrue(tactics.tacticsOf(id("iam:CreateAccessKey")).contains(Tactic.PERSISTENCE));
        assertTrue(tactics.tacticsOf(id("secretsmanager:GetSecretValue")).contains(Tactic.CREDENTIAL_ACCESS));
        assertTrue(tactics.tacticsOf(id("ec2:ModifySnapshotAttribute")).contains(Tactic.EXFILTRATION));
        assertTrue(tactics.tacticsOf(id("kms:ScheduleKeyDeletion")).contains(Tactic.IMPACT));
        assertTrue(tactics.tacticsOf(id("ec2:DescribeInstances")).contains(Tactic.DISCOVERY));
        assertTrue(tactics.tacticsOf(id("s3:PutBucketTagging")).isEmpty());
        assertFalse(tactics.rulesFor(id("cloudtrail:StopLogging")).get(0).why().isBlank());
    }

    @Test
    void everyRuleNamesRealActions() {
        assertTrue(tactics.rules().size() >= 80, "rules: " + tactics.rules().size());
        for (TacticRule rule : tactics.rules()) {
            for (String pattern : rule.patterns()) {
                assertFalse(catalog.expand(pattern).isEmpty(), "pattern names no action: " + pattern);
            }
        }
    }

    @Test
    void groupsAnActionSetByTactic() {
        ActionSet set = catalog.expandAll(List.of("cloudtrail:StopLogging", "iam:PassRole", "s3:PutBucketTagging"));
        Map<Tactic, ActionSet> groups = tactics.group(set);
        assertEquals(ActionSet.of(catalog.size(), id("cloudtrail:StopLogging")), groups.get(Tactic.DEFENSE_EVASION));
        assertEquals(ActionSet.of(catalog.size(), id("iam:PassRole")), groups.get(Tactic.PRIVILEGE_ESCALATION));
        assertFalse(groups.containsKey(Tactic.IMPACT));
    }

    /** Reports list a tactic's actions in this order: what a responder acts on first. */
    @Test
    void ranksActionsByTheirFirstRuleWithinTheTactic() {
        int stop = tactics.rank(Tactic.DEFENSE_EVASION, id("cloudtrail:StopLogging"));
        int deleteTrail = tactics.rank(Tactic.DEFENSE_EVASION, id("cloudtrail:DeleteTrail"));
        int deletePolicy = tactics.rank(Tactic.DEFENSE_EVASION, id("organizations:DeletePolicy"));
        assertEquals(0, stop);
        assertTrue(stop < deleteTrail && deleteTrail < deletePolicy, stop + " " + deleteTrail + " " + deletePolicy);
        assertEquals(Integer.MAX_VALUE, tactics.rank(Tactic.DEFENSE_EVASION, id("iam:PassRole")));
    }

    @Test
    void unknownTacticIsAClearError() {
        String json = "{\"rules\":[{\"tactic\":\"mischief\",\"actions\":[\"s3:*\"],\"why\":\"x\"}]}";
        CatalogException e = assertThrows(CatalogException.class, () -> Tactics.read(catalog,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json"));
        assertEquals("tactics `t.json` is malformed: `/rules/0/tactic` is `mischief`, not a known tactic",
                e.getMessage());
    }
}
