package io.iamscope.policy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.policy.Effect;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PolicyParseException;
import io.iamscope.policy.PrincipalType;
import io.iamscope.policy.Statement;
import io.iamscope.policy.BaseOperator;
import io.iamscope.policy.SetQualifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

    private static final String FULL = """
            {"Version": "2012-10-17", "Id": "doc-1", "Statement": [
              {"Sid": "One", "Effect": "Allow", "Action": ["s3:GetObject", "s3:List*"],
               "Resource": "arn:aws:s3:::bucket/*",
               "Condition": {"ForAllValues:StringLikeIfExists": {"aws:TagKeys": ["a*", "b"]},
                             "Bool": {"aws:SecureTransport": true}}},
              {"Effect": "Deny", "NotAction": "iam:*", "NotResource": ["arn:aws:iam::*:role/x"],
               "NotPrincipal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:user/bob"],
                                "Service": "ec2.amazonaws.com"}}
            ]}""";

    @Test
    void readsEveryElement() {
        PolicyDocument doc = PolicyParser.parse(FULL, "full.json");
        assertEquals("2012-10-17", doc.version());
        assertEquals("doc-1", doc.id());
        assertEquals(2, doc.statements().size());
        Statement first = doc.statements().get(0);
        assertEquals("One", first.sid());
        assertEquals(Effect.ALLOW, first.effect());
        assertEquals(2, first.action().patterns().size());
        assertFalse(first.action().negated());
        assertEquals(2, first.conditions().size());
        assertEquals(SetQualifier.FOR_ALL_VALUES, first.conditions().get(0).operator().qualifier());
        assertEquals(BaseOperator.STRING_LIKE, first.conditions().get(0).operator().base());
        assertTrue(first.conditions().get(0).operator().ifExists());
        assertEquals("true", first.conditions().get(1).values().get(0));
        Statement second = doc.statements().get(1);
        assertTrue(second.action().negated());
        assertTrue(second.resource().negated());
        assertTrue(second.principal().negated());
        assertEquals(2, second.principal().of(PrincipalType.AWS).size());
        assertEquals("/Statement/1", second.location().pointer());
        assertTrue(doc.diagnostics().isEmpty(), doc.diagnostics().toString());
    }

    @Test
    void eachPatternKeepsWhereItWasWritten() {
        PolicyDocument doc = PolicyParser.parse(FULL, "full.json");
        assertEquals("/Statement/0/Action/1", doc.statements().get(0).action().locationOf(1).pointer());
        assertEquals("/Statement/0/Resource", doc.statements().get(0).resource().locationOf(0).pointer());
        assertEquals("/Statement/1/NotAction", doc.statements().get(1).action().locationOf(0).pointer());
        assertEquals("/Statement/1/NotResource/0", doc.statements().get(1).resource().locationOf(0).pointer());
        assertEquals("/Statement/0/Condition/Bool/aws:SecureTransport",
                doc.statements().get(0).conditions().get(1).location().pointer());
    }

    @Test
    void acceptsStatementObjectAndJsonStringAndUrlEncoding() {
        String single = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\"}}";
        assertEquals(1, PolicyParser.parse(single, "s").statements().size());
        String encoded = URLEncoder.encode(single, StandardCharsets.UTF_8).replace("+", "%20");
        assertEquals(1, PolicyParser.parse(encoded, "s").statements().size());
        String asJsonString = "\"" + single.replace("\"", "\\\"") + "\"";
        assertEquals(1, PolicyParser.parse(asJsonString, "s").statements().size());
    }

    @Test
    void missingVersionMeansNoVariables() {
        PolicyDocument doc = PolicyParser.parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\"}]}", "s");
        assertNull(doc.version());
        assertFalse(doc.substitutesVariables());
        assertFalse(PolicyParser.parse("{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"*\"}]}", "s").substitutesVariables());
    }

    @Test
    void badEffectNamesSourceAndPointer() {
        PolicyParseException e = assertThrows(PolicyParseException.class, () -> PolicyParser.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\"},"
                        + "{\"Effect\":\"allow\",\"Action\":\"*\"}]}", "p.json"));
        assertEquals("POLICY_INVALID_EFFECT", e.code());
        assertEquals("p.json", e.location().source());
        assertEquals("/Statement/1/Effect", e.location().pointer());
        assertTrue(e.describe().contains("`allow`"), e.describe());
    }

    @Test
    void malformedJsonIsOneReadableError() {
        PolicyParseException e = assertThrows(PolicyParseException.class,
                () -> PolicyParser.parse("{\"Statement\": [", "broken.json"));
        assertEquals("POLICY_MALFORMED_JSON", e.code());
        assertTrue(e.describe().startsWith("POLICY_MALFORMED_JSON: not valid JSON"), e.describe());
        assertFalse(e.describe().contains("\n"));
    }

    @Test
    void structuralErrors() {
        assertCode("POLICY_INVALID_VERSION", "{\"Version\":\"2020-01-01\",\"Statement\":[]}");
        assertCode("POLICY_MISSING_STATEMENT", "{\"Version\":\"2012-10-17\"}");
        assertCode("POLICY_MISSING_ACTION", "{\"Statement\":{\"Effect\":\"Allow\",\"Resource\":\"*\"}}");
        assertCode("POLICY_CONFLICTING_ELEMENTS",
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotAction\":\"s3:*\"}}");
        assertCode("POLICY_INVALID_PRINCIPAL",
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":\"111122223333\"}}");
        assertCode("POLICY_INVALID_PRINCIPAL",
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":{\"Aws\":\"*\"}}}");
        assertCode("POLICY_NOT_OBJECT", "[1,2]");
        assertCode("POLICY_EMPTY", "  ");
    }

    @Test
    void unknownOperatorAndMalformedArnAreReportedNotDropped() {
        PolicyDocument doc = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"bucket/key\","
                + "\"Condition\":{\"StringEqualz\":{\"aws:username\":\"x\"}}}}", "d.json");
        assertEquals(1, doc.statements().get(0).conditions().size());
        assertFalse(doc.statements().get(0).conditions().get(0).operator().recognized());
        assertEquals("/Statement/Condition/StringEqualz/aws:username",
                doc.statements().get(0).conditions().get(0).location().pointer());
        assertTrue(doc.diagnostics().stream().anyMatch(d -> d.code().equals("MALFORMED_ARN")));
    }

    private static void assertCode(String code, String json) {
        PolicyParseException e = assertThrows(PolicyParseException.class, () -> PolicyParser.parse(json, "x"));
        assertEquals(code, e.code(), e.describe());
    }
}
