package io.iamscope.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.Statement;
import io.iamscope.policy.parse.PolicyParser;
import org.junit.jupiter.api.Test;

class PolicyJsonTest {
    static final String POLICY = """
            {"Version":"2012-10-17","Id":"p1","Statement":[
              {"Sid":"A","Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*",
               "Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"},
                            "StringEquals":{"aws:PrincipalTag/team":["red","blue"],"s3:prefix":"home/"}}},
              {"Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:iam::*:role/${aws:username}"},
              {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root"],"Service":"ec2.amazonaws.com"},
               "Action":"sts:AssumeRole"},
              {"Effect":"Deny","NotPrincipal":"*","Action":"*","Resource":"*"}]}""";

    @Test
    void writtenJsonReadsBackToTheSameStatements() {
        PolicyDocument doc = PolicyParser.parse(POLICY, "p");
        String json = PolicyJson.write(doc);
        PolicyDocument again = PolicyParser.parse(json, "again");
        assertEquals(doc.version(), again.version());
        assertEquals(doc.id(), again.id());
        assertEquals(doc.statements().size(), again.statements().size());
        for (int i = 0; i < doc.statements().size(); i++) {
            Statement a = doc.statements().get(i);
            Statement b = again.statements().get(i);
            assertEquals(a.sid(), b.sid());
            assertEquals(a.effect(), b.effect());
            assertEquals(a.action() == null ? null : a.action().patterns(), b.action() == null ? null : b.action().patterns());
            assertEquals(a.action() == null ? null : a.action().negated(), b.action() == null ? null : b.action().negated());
            assertEquals(a.resource() == null ? null : a.resource().patterns(), b.resource() == null ? null : b.resource().patterns());
            assertEquals(a.principal() == null ? null : a.principal().values(), b.principal() == null ? null : b.principal().values());
            assertEquals(a.principal() == null ? null : a.principal().negated(), b.principal() == null ? null : b.principal().negated());
            assertEquals(a.conditions().toString(), b.conditions().toString());
        }
    }

    @Test
    void eachStatementStartsOnItsOwnLine() {
        PolicyDocument doc = PolicyParser.parse(POLICY, "p");
        String[] lines = PolicyJson.write(doc).split("\n");
        assertEquals(doc.statements().size() + 2, lines.length);
        assertEquals(0, PolicyJson.statementAtLine(2, 4));
        assertEquals(3, PolicyJson.statementAtLine(5, 4));
        assertEquals(-1, PolicyJson.statementAtLine(6, 4));
        assertEquals(-1, PolicyJson.statementAtLine(1, 4));
    }
}
