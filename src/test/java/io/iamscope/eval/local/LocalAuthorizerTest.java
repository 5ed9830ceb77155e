package io.iamscope.eval.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.Decision;
import io.iamscope.eval.Layer;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.StatementRef;
import io.iamscope.policy.Effect;
import io.iamscope.policy.parse.PolicyParser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Explanations and conditional decisions; the rules themselves are pinned by the case corpus. */
class LocalAuthorizerTest {
    private static final Caller ALICE = Caller.user("arn:aws:iam::111122223333:user/alice");
    private final LocalAuthorizer engine = new LocalAuthorizer();

    private static AttachedPolicy policy(String name, String json) {
        return new AttachedPolicy(name, "arn:aws:iam::111122223333:policy/" + name, PolicyParser.parse(json, name));
    }

    private static Request request(String action, String resource, RequestContext ctx) {
        return new Request(ALICE, action, resource, null, ctx);
    }

    @Test
    void explainsWhichStatementAllowsAndWhichDenies() {
        PolicySet set = PolicySet.builder()
                .identity(policy("Admin", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"All\","
                        + "\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"))
                .identity(policy("NoTrail", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Keep\","
                        + "\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},{\"Sid\":\"Trail\","
                        + "\"Effect\":\"Deny\",\"Action\":\"cloudtrail:Stop*\",\"Resource\":\"*\"}]}"))
                .build();
        Decision allow = engine.authorize(request("s3:GetObject", "arn:aws:s3:::b/k", null), set);
        assertEquals(Outcome.ALLOW, allow.outcome());
        assertFalse(allow.isConditional());
        assertEquals(List.of("All", "Keep"), allow.statements(Effect.ALLOW).stream().map(s -> s.ref().sid()).toList());

        Decision deny = engine.authorize(request("cloudtrail:StopLogging", "arn:aws:cloudtrail:us-east-1:"
                + "111122223333:trail/t", null), set);
        assertEquals(Outcome.EXPLICIT_DENY, deny.outcome());
        StatementRef ref = deny.statements(Effect.DENY).get(0).ref();
        assertEquals(Layer.IDENTITY, ref.layer());
        assertEquals("arn:aws:iam::111122223333:policy/NoTrail", ref.policy());
        assertEquals(1, ref.index());
        assertTrue(ref.describe().contains("`Trail` (#1)"), ref.describe());
    }

    @Test
    void unknownKeyMakesTheDecisionConditionalNamingIt() {
        PolicySet set = PolicySet.builder().identity(policy("Mfa", "{\"Version\":\"2012-10-17\",\"Statement\":"
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":"
                + "{\"aws:MultiFactorAuthPresent\":\"true\"}}}}")).build();
        RequestContext unknown = RequestContext.builder().unknown("aws:MultiFactorAuthPresent").build();
        Decision d = engine.authorize(request("iam:CreateUser", "*", unknown), set);
        assertEquals(Outcome.ALLOW, d.outcome());
        assertTrue(d.isConditional());
        assertFalse(d.isAllowed());
        assertTrue(d.isPossiblyAllowed());
        assertEquals(Outcome.IMPLICIT_DENY, d.otherwise());
        assertEquals(Set.of("aws:MultiFactorAuthPresent"), d.conditionalKeys());
        assertTrue(d.condition().toString().contains("Bool aws:MultiFactorAuthPresent [true]"), d.condition().toString());

        // Absent (not unknown) is decided as AWS does: the condition is false.
        Decision absent = engine.authorize(request("iam:CreateUser", "*", RequestContext.empty()), set);
        assertEquals(Outcome.IMPLICIT_DENY, absent.outcome());
        assertFalse(absent.isConditional());
    }

    @Test
    void conditionalDenyLeavesAllowPossible() {
        PolicySet set = PolicySet.builder().identity(policy("P", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"NotIpAddress\":"
                + "{\"aws:SourceIp\":\"10.0.0.0/8\"}}}]}")).build();
        RequestContext unknown = RequestContext.builder().unknown("aws:SourceIp").build();
        Decision d = engine.authorize(request("s3:GetObject", "arn:aws:s3:::b/k", unknown), set);
        assertEquals(Outcome.ALLOW, d.outcome());
        assertEquals(Outcome.EXPLICIT_DENY, d.otherwise());
        assertTrue(d.condition().toString().startsWith("not ("), d.condition().toString());
    }

    @Test
    void statementThatCannotBeEvaluatedIsReportedAndUnknown() {
        PolicySet set = PolicySet.builder().identity(policy("Typo", "{\"Version\":\"2012-10-17\",\"Statement\":"
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringEqualz\":"
                + "{\"aws:username\":\"alice\"}}}}")).build();
        Decision d = engine.authorize(request("s3:GetObject", "arn:aws:s3:::b/k", RequestContext.empty()), set);
        assertEquals(Outcome.ALLOW, d.outcome());
        assertTrue(d.isConditional(), "an unevaluable Allow must not be silently dropped");
        assertEquals("UNKNOWN_CONDITION_OPERATOR", d.errors().get(0).code());
    }

    @Test
    void implicitDenyNamesTheLayerThatLacksAnAllow() {
        AttachedPolicy fullAccess = policy("FullAWSAccess", "{\"Version\":\"2012-10-17\",\"Statement\":"
                + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");
        AttachedPolicy onlyEc2 = policy("OnlyEc2", "{\"Version\":\"2012-10-17\",\"Statement\":"
                + "{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}}");
        PolicySet set = PolicySet.builder().identity(fullAccess)
                .scps(List.of(List.of(fullAccess), List.of(onlyEc2))).build();
        Decision d = engine.authorize(request("s3:GetObject", "arn:aws:s3:::b/k", null), set);
        assertEquals(Outcome.IMPLICIT_DENY, d.outcome());
        assertTrue(d.layers().stream().anyMatch(v -> v.layer() == Layer.SCP && v.level() == 1
                && v.allows() == io.iamscope.eval.Constraint.FALSE && v.required()), d.layers().toString());
    }

    @Test
    void catalogFlagsUnknownActionsButTheyStillEvaluate() {
        LocalAuthorizer checked = new LocalAuthorizer(io.iamscope.catalog.Catalog.bundled());
        AttachedPolicy p = policy("Typo", "{\"Version\":\"2012-10-17\",\"Statement\":"
                + "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:GetObjct\"],\"Resource\":\"*\"}}");
        PolicySet set = PolicySet.builder().identity(p).build();
        var compiled = checked.compile(set);
        assertEquals(1, compiled.diagnostics().stream().filter(d -> d.code().equals("UNKNOWN_ACTION")).count());
        assertEquals("/Statement/Action/1", compiled.diagnostics().stream()
                .filter(d -> d.code().equals("UNKNOWN_ACTION")).findFirst().orElseThrow().location().pointer());
        assertEquals(Outcome.ALLOW, checked.authorize(request("s3:GetObjct", "arn:aws:s3:::b/k", null), set).outcome());
    }
}
