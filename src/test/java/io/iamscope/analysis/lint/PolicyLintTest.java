package io.iamscope.analysis.lint;

import io.iamscope.catalog.Catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.policy.parse.PolicyParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyLintTest {
    private final PolicyLint lint = new PolicyLint(Catalog.bundled());

    private List<LintFinding> lint(String json) {
        return lint.lint(PolicyParser.parse(json, "policy.json"));
    }

    @Test
    void flagsATypoWithItsPointerAndASuggestion() {
        List<LintFinding> findings = lint("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:GetObjct"],
                 "Resource":"*"}]}""");
        assertEquals(List.of(new LintFinding("UNKNOWN_ACTION", "/Statement/0/Action/1",
                "unknown action `s3:GetObjct`: did you mean `s3:GetObject`")), findings);
    }

    @Test
    void flagsServicesConditionKeysAndMalformedActions() {
        List<LintFinding> findings = lint("""
                {"Statement":{"Effect":"Deny","NotAction":"s4:*","Resource":"*",
                 "Condition":{"StringEquals":{"aws:RequestTag/team":"x","aws:SourceIpp":"1.2.3.4"}}}}""");
        assertEquals(List.of(
                new LintFinding("UNKNOWN_SERVICE", "/Statement/NotAction", "unknown service `s4` in action `s4:*`"),
                new LintFinding("UNKNOWN_CONDITION_KEY", "/Statement/Condition/StringEquals/aws:SourceIpp",
                        "unknown condition key `aws:SourceIpp`")), findings);
        assertEquals("MALFORMED_ACTION", lint("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"GetObject\"}]}")
                .get(0).code());
    }

    @Test
    void cleanPoliciesHaveNoFindings() {
        assertTrue(lint("""
                {"Statement":[{"Effect":"Allow","Action":["*","ec2:Describe*","iam:?etRole","S3:getobject"],
                 "Resource":"*","Condition":{"StringLike":{"s3:ExistingObjectTag/class":"a","AWS:PrincipalOrgID":"o"},
                 "Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}""").isEmpty());
    }

    @Test
    void escapesSlashesInPointers() {
        List<LintFinding> findings = lint("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Condition\":{\"StringEquals\":{\"x:a/b~c\":\"v\"}}}]}");
        assertEquals("/Statement/0/Condition/StringEquals/x:a~1b~0c", findings.get(0).pointer());
    }

    @Test
    void pointsAtEachValueAsWritten() {
        List<LintFinding> findings = lint("""
                {"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
                 {"Effect":"Allow","Action":["s3:GetObjct"],"Resource":"*"},
                 {"Effect":"Deny","NotAction":["iam:*","GetObject"],"Resource":"*",
                  "Condition":{"Bool":{"aws:SecureTransport":"false"},"StringLike":{"s3:prefixx":"a/*"}}}]}""");
        assertEquals(List.of("UNKNOWN_ACTION /Statement/1/Action/0", "MALFORMED_ACTION /Statement/2/NotAction/1",
                "UNKNOWN_CONDITION_KEY /Statement/2/Condition/StringLike/s3:prefixx"),
                findings.stream().map(f -> f.code() + " " + f.pointer()).toList());
        assertEquals("action `GetObject` is not of the form `service:action`", findings.get(1).message());
    }

    @Test
    void lintsADocumentGivenAsAJsonString() {
        List<LintFinding> findings = lint("\"{\\\"Statement\\\":{\\\"Effect\\\":\\\"Allow\\\","
                + "\\\"Action\\\":\\\"s4:Get\\\"}}\"");
        assertEquals(List.of(new LintFinding("UNKNOWN_SERVICE", "/Statement/Action",
                "unknown service `s4` in action `s4:Get`")), findings);
    }
}
