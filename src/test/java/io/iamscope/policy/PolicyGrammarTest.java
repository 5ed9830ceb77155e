package io.iamscope.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.policy.parse.PolicyParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What AWS refuses per policy type, each with its code and JSON pointer (PolicyGrammar's sources). */
class PolicyGrammarTest {
    private static List<String> findings(PolicyType type, String json) {
        PolicyDocument doc = PolicyParser.parse(json, "p.json");
        return PolicyGrammar.validate(doc, type).stream()
                .map(d -> d.code() + " " + d.location().pointer()).toList();
    }

    private static final String V = "\"Version\": \"2012-10-17\", ";

    @Test
    void identityPoliciesNeedAResourceAndTakeNoPrincipal() {
        assertEquals(List.of("MISSING_RESOURCE /Statement/0"),
                findings(PolicyType.IDENTITY, "{" + V + "\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\"}]}"));
        assertEquals(List.of("MISSING_RESOURCE /Statement/0/Resource"), findings(PolicyType.IDENTITY,
                "{" + V + "\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": []}]}"));
        assertEquals(List.of("UNSUPPORTED_PRINCIPAL /Statement/0/Principal"), findings(PolicyType.IDENTITY,
                "{" + V + "\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\","
                        + " \"Resource\": \"*\"}]}"));
        assertEquals(List.of(), findings(PolicyType.IDENTITY,
                "{" + V + "\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::b\"}]}"));
    }

    @Test
    void iamSidsAreAlphanumericAndUnique() {
        assertEquals(List.of("INVALID_SID /Statement/0/Sid", "DUPLICATE_SID /Statement/2/Sid"), findings(PolicyType.IDENTITY,
                "{" + V + "\"Statement\": [{\"Sid\": \"Read all\", \"Effect\": \"Allow\", \"Action\": \"s3:*\","
                        + " \"Resource\": \"*\"}, {\"Sid\": \"ReadAll\", \"Effect\": \"Deny\", \"Action\": \"s3:*\","
                        + " \"Resource\": \"*\"}, {\"Sid\": \"ReadAll\", \"Effect\": \"Deny\", \"Action\": \"s3:*\","
                        + " \"Resource\": \"*\"}]}"));
        // Other services' policies (a bucket policy's Sid may hold spaces) are not held to IAM's Sid grammar.
        assertEquals(List.of(), findings(PolicyType.RESOURCE, "{" + V + "\"Statement\": [{\"Sid\": \"Public read\","
                + " \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}"));
    }

    @Test
    void resourcePoliciesNeedAPrincipalAndNotPrincipalOnlyDenies() {
        assertEquals(List.of("MISSING_PRINCIPAL /Statement/0"), findings(PolicyType.RESOURCE,
                "{" + V + "\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}"));
        assertEquals(List.of("NOTPRINCIPAL_WITH_ALLOW /Statement/0/NotPrincipal"), findings(PolicyType.RESOURCE,
                "{" + V + "\"Statement\": [{\"Effect\": \"Allow\", \"NotPrincipal\": {\"AWS\": \"111122223333\"},"
                        + " \"Action\": \"s3:*\", \"Resource\": \"*\"}]}"));
    }

    @Test
    void trustPoliciesTakeNoResourceNorNotPrincipal() {
        assertEquals(List.of("UNSUPPORTED_RESOURCE /Statement/0/Resource"), findings(PolicyType.TRUST,
                "{" + V + "\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"},"
                        + " \"Action\": \"sts:AssumeRole\", \"Resource\": \"*\"}]}"));
        assertEquals(List.of("UNSUPPORTED_NOTPRINCIPAL /Statement/0/NotPrincipal", "UNSUPPORTED_TRUST_ACTION /Statement/0/Action"),
                findings(PolicyType.TRUST, "{" + V + "\"Statement\": [{\"Effect\": \"Deny\", \"NotPrincipal\":"
                        + " {\"AWS\": \"111122223333\"}, \"Action\": \"s3:GetObject\"}]}"));
        PolicyDocument ok = PolicyParser.parse("{" + V + "\"Statement\": [{\"Effect\": \"Allow\", \"Principal\":"
                + " {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}", "t");
        assertEquals(PolicyType.TRUST, PolicyGrammar.likelyType(ok));
        assertTrue(PolicyGrammar.validate(ok, PolicyType.TRUST).isEmpty());
    }

    @Test
    void scpsTakeNoPrincipalAndNeedTheVersion() {
        assertEquals(List.of("MISSING_VERSION ", "UNSUPPORTED_PRINCIPAL /Statement/0/Principal"), findings(PolicyType.SCP,
                "{\"Statement\": [{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}"));
        assertEquals(List.of("INVALID_VERSION /Version"), findings(PolicyType.SCP, "{\"Version\": \"2008-10-17\","
                + " \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}"));
    }

    @Test
    void rcpsAllowOnlyEverythingAndDenyForAnyone() {
        assertEquals(List.of(), findings(PolicyType.RCP, "{" + V + "\"Statement\": [{\"Effect\": \"Allow\","
                + " \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\"}, {\"Effect\": \"Deny\", \"Principal\":"
                + " \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"StringNotEqualsIfExists\":"
                + " {\"aws:PrincipalOrgID\": \"o-1\"}}}]}"));
        assertEquals(List.of("RCP_LIMITED_ALLOW /Statement/0"), findings(PolicyType.RCP, "{" + V + "\"Statement\":"
                + " [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}"));
        assertEquals(List.of("RCP_PRINCIPAL_NOT_ANYONE /Statement/0/Principal", "UNSUPPORTED_NOTACTION /Statement/0/NotAction"),
                findings(PolicyType.RCP, "{" + V + "\"Statement\": [{\"Effect\": \"Deny\", \"Principal\": {\"AWS\":"
                        + " \"111122223333\"}, \"NotAction\": \"s3:*\", \"Resource\": \"*\"}]}"));
        assertEquals(List.of("MISSING_PRINCIPAL /Statement/0", "UNSUPPORTED_NOTPRINCIPAL /Statement/1/NotPrincipal"),
                findings(PolicyType.RCP, "{" + V + "\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"s3:*\","
                        + " \"Resource\": \"*\"}, {\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": \"1\"}, \"Action\":"
                        + " \"s3:*\", \"Resource\": \"*\"}]}"));
    }

    @Test
    void conditionOperatorsMustExistAndNullHasNoIfExists() {
        assertEquals(List.of("NULL_WITH_IF_EXISTS /Statement/0/Condition/NullIfExists/aws:TokenIssueTime",
                "INVALID_CONDITION_OPERATOR /Statement/0/Condition/StringEqual/aws:username"),
                findings(PolicyType.IDENTITY, "{" + V + "\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\","
                        + " \"Resource\": \"*\", \"Condition\": {\"NullIfExists\": {\"aws:TokenIssueTime\": \"true\"},"
                        + " \"StringEqual\": {\"aws:username\": \"a\"}}}]}"));
    }

    @Test
    void parserDiagnosticsComeFirstAndRejectionNeedsAnError() {
        List<Diagnostic> d = PolicyGrammar.validate(PolicyParser.parse("{" + V + "\"Statement\": [{\"Effect\": \"Allow\","
                + " \"Action\": \"s3:*\", \"Resource\": \"*\", \"Resources\": \"*\"}]}", "p"), PolicyType.IDENTITY);
        assertEquals("POLICY_UNKNOWN_ELEMENT", d.get(0).code());
        assertEquals(Diagnostic.Severity.ERROR, d.get(0).severity(), "AWS refuses an element it does not know");
        assertFalse(PolicyGrammar.rejected(List.of(Diagnostic.warning("X", "x", SourceLocation.of("p")))));
        assertTrue(PolicyGrammar.rejected(List.of(Diagnostic.error("X", "x", SourceLocation.of("p")))));
    }
}
