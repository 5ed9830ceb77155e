package io.iamscope.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.policy.parse.PolicyParser;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganizationGeneratorTest {

    private static ObjectNode generate(int accounts, long seed) {
        return new OrganizationGenerator(new OrganizationGenerator.Spec(accounts, 10, 2, 5, seed)).snapshot();
    }

    @Test
    void sameSeedSameOrganizationOtherSeedOtherOrganization() {
        assertEquals(generate(3, 7), generate(3, 7));
        assertNotEquals(generate(3, 7), generate(3, 8));
    }

    @Test
    void membersDifferFromEachOtherAndRoleArnsAreUnique() {
        JsonNode accounts = generate(3, 1).get("accounts");
        assertEquals(5, accounts.size());
        assertNotEquals(accounts.get(2).get("authorizationDetails").get("Policies"),
                accounts.get(3).get("authorizationDetails").get("Policies"));
        Set<String> roleIds = new HashSet<>();
        for (JsonNode account : accounts) {
            for (JsonNode role : account.get("authorizationDetails").get("RoleDetailList")) {
                assertTrue(role.get("Arn").asText().contains(account.get("accountId").asText()), role.toString());
                assertTrue(roleIds.add(role.get("Arn").asText()), role.get("Arn").asText());
            }
        }
    }

    @Test
    void everyOrganizationPolicyAndFixedRolePolicyIsValid() {
        ObjectNode org = generate(3, 2);
        int parsed = 0;
        for (JsonNode p : org.get("organization").get("policies")) {
            PolicyParser.parse(p.get("Content"), p.get("Name").asText());
            parsed++;
        }
        for (JsonNode account : org.get("accounts")) {
            for (JsonNode r : account.get("authorizationDetails").get("RoleDetailList")) {
                PolicyParser.parse(r.get("AssumeRolePolicyDocument"), r.get("Arn").asText());
                parsed++;
            }
            for (JsonNode r : account.get("resources")) {
                if (r.hasNonNull("policy")) {
                    PolicyParser.parse(r.get("policy"), r.get("arn").asText());
                    parsed++;
                }
            }
        }
        assertTrue(parsed >= 5 + 50, "parsed " + parsed);
    }

    @Test
    void refusesAnOrganizationWithoutMembersOrWithoutRoomForTheFixedRoles() {
        assertThrows(IllegalArgumentException.class, () -> new OrganizationGenerator.Spec(0, 10, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new OrganizationGenerator.Spec(2, 2, 1, 1, 1));
    }
}
