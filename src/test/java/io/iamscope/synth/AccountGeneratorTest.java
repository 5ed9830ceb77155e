package io.iamscope.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.policy.parse.PolicyParser;
import org.junit.jupiter.api.Test;

class AccountGeneratorTest {

    private static ObjectNode generate(long seed) {
        return new AccountGenerator(new AccountGenerator.Spec(40, 60, 80, seed, "123456789012")).snapshot();
    }

    @Test
    void sameSeedSameAccountOtherSeedOtherAccount() {
        assertEquals(generate(7), generate(7));
        assertNotEquals(generate(7), generate(8));
    }

    @Test
    void countsAndShapeFollowTheSnapshotFormat() {
        JsonNode account = generate(3).get("accounts").get(0);
        JsonNode details = account.get("authorizationDetails");
        assertEquals(40, details.get("UserDetailList").size());
        assertEquals(60, details.get("RoleDetailList").size());
        assertEquals(80, details.get("Policies").size());
        assertEquals("iamscope-snapshot", generate(3).get("format").asText());
        for (JsonNode key : account.get("accessKeys")) {
            assertEquals(20, key.get("AccessKeyId").asText().length(), key.toString());
        }
    }

    @Test
    void everyGeneratedPolicyIsValid() {
        JsonNode details = generate(11).get("accounts").get(0).get("authorizationDetails");
        int parsed = 0;
        for (JsonNode p : details.get("Policies")) {
            PolicyParser.parse(p.get("PolicyVersionList").get(0).get("Document"), p.get("Arn").asText());
            parsed++;
        }
        for (JsonNode r : details.get("RoleDetailList")) {
            PolicyParser.parse(r.get("AssumeRolePolicyDocument"), r.get("Arn").asText());
            parsed++;
        }
        assertTrue(parsed >= 140);
    }
}
