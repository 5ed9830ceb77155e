package io.iamscope.policy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.policy.Effect;
import io.iamscope.policy.PolicyParseException;
import org.junit.jupiter.api.Test;

/** Policy text that must be refused, not guessed at (issue #22, items 4, 5, 6, 8). */
class HostilePolicyTest {
    private static final String DENY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";

    private static PolicyParseException refused(String text) {
        return assertThrows(PolicyParseException.class, () -> PolicyParser.parse(text, "p.json"));
    }

    @Test
    void aDuplicateEffectIsRefusedNotReadAsTheLastOne() {
        PolicyParseException e = refused(DENY.replace("\"Effect\":\"Deny\",", "\"Effect\":\"Deny\",\"Effect\":\"Allow\","));
        assertEquals("POLICY_DUPLICATE_KEY", e.code());
        assertEquals("/Statement/0/Effect", e.location().pointer());
        assertTrue(e.getMessage().contains("`Effect`"), e.getMessage());
    }

    @Test
    void aDuplicateStatementIsRefused() {
        PolicyParseException e = refused(DENY.replace("]}", "],\"Statement\":[]}"));
        assertEquals("POLICY_DUPLICATE_KEY", e.code());
        assertEquals("/Statement", e.location().pointer());
    }

    @Test
    void textAfterTheDocumentIsRefused() {
        assertEquals("POLICY_TRAILING_TEXT", refused(DENY + DENY).code());
        assertEquals("POLICY_TRAILING_TEXT", refused(DENY + " garbage").code());
        assertEquals("POLICY_TRAILING_TEXT", refused(DENY + "\0\0\0").code());
    }

    @Test
    void nestingTooDeepIsAnInputError() {
        String deep = "[".repeat(1001) + "]".repeat(1001);
        PolicyParseException e = refused(DENY.replace("\"*\"}", deep + "}"));
        assertEquals("POLICY_TOO_DEEP", e.code());
        assertEquals("p.json", e.location().source());
    }

    @Test
    void aByteOrderMarkIsAccepted() {
        assertEquals(Effect.DENY, PolicyParser.parse("\uFEFF" + DENY, "p.json").statements().get(0).effect());
    }

    @Test
    void everyElementIsTypeChecked() {
        PolicyParseException action = refused(DENY.replace("\"s3:*\"", "5"));
        assertEquals("POLICY_INVALID_VALUE", action.code());
        assertEquals("/Statement/0/Action", action.location().pointer());
        PolicyParseException resource = refused(DENY.replace("\"Resource\":\"*\"", "\"Resource\":5"));
        assertEquals("/Statement/0/Resource", resource.location().pointer());
        PolicyParseException item = refused(DENY.replace("\"s3:*\"", "[\"s3:*\",true]"));
        assertEquals("/Statement/0/Action/1", item.location().pointer());
        PolicyParseException principal = refused(DENY.replace("\"Effect\":\"Deny\",",
                "\"Effect\":\"Deny\",\"Principal\":{\"AWS\":123456789012},"));
        assertEquals("/Statement/0/Principal/AWS", principal.location().pointer());
        // Condition values may be numbers and booleans (the grammar's condition_value).
        PolicyParser.parse(DENY.replace("\"*\"}", "\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":false},"
                + "\"NumericLessThan\":{\"s3:max-keys\":10}}}"), "p.json");
    }
}
