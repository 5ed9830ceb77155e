package io.iamscope.eval.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.Decision;
import io.iamscope.eval.Constraint;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.compile.Candidates;
import io.iamscope.eval.compile.CompiledPolicySet;
import io.iamscope.eval.compile.CompiledStatement;
import io.iamscope.eval.reference.ReferenceAuthorizer;
import io.iamscope.policy.parse.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Policies of many statements (issue #22, item 12): the engine walks only the statements whose Resource may
 * match the request (ResourcePrefixIndex), and decides exactly as the reference evaluator, which walks them all.
 * No timing: the work is counted in statements walked.
 */
class LargePolicyTest {
    private static final Caller ALICE = Caller.user("arn:aws:iam::111122223333:user/alice");

    private static AttachedPolicy policy(List<String> statements) {
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
        return new AttachedPolicy("Big", "arn:aws:iam::111122223333:policy/Big", PolicyParser.parse(json, "Big"));
    }

    private static String statement(String sid, String effect, String resourceElement, String condition) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"" + effect + "\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],"
                + resourceElement + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    @Test
    void aPolicyOfFiftyThousandStatementsIsDecidedWalkingOnlyTheStatementsThatMayApply() {
        int n = 50_000;
        List<String> statements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            statements.add(statement("S" + i, "Allow", "\"Resource\":\"arn:aws:s3:::bucket" + i + "/*\"", null));
        }
        PolicySet set = PolicySet.builder().identity(policy(statements)).build();
        LocalAuthorizer engine = new LocalAuthorizer();
        CompiledPolicySet compiled = engine.compile(set);
        long walked = 0;
        for (int i = 0; i < n; i++) {
            String resource = "arn:aws:s3:::bucket" + i + "/key";
            int walking = compiled.candidates("s3:GetObject").forResource(resource).identity().length;
            // bucket1/ is a prefix of bucket1/key only; bucket1 is not a prefix of bucket10/...: one statement each.
            assertEquals(1, walking, resource);
            walked += walking;
            // Every request is decided; 2.5 billion resource matches without the index, 50,000 with it.
            Decision d = engine.authorize(new Request(ALICE, "s3:GetObject", resource, null, null), set);
            assertTrue(d.isAllowed(), resource);
            assertEquals("S" + i, d.statements().get(0).ref().sid());
        }
        assertEquals(n, walked);
    }

    /** Every kind of Resource element, with Denies, variables and unknown keys, past the index's threshold. */
    @Test
    void theIndexedEngineDecidesAsTheReferenceOnEveryKindOfResourceElement() {
        Random random = new Random(22);
        List<String> statements = new ArrayList<>();
        String[] elements = {
            "\"Resource\":\"arn:aws:s3:::bucket%d/*\"",
            "\"Resource\":\"arn:aws:s3:::bucket%d/secret*\"",
            "\"Resource\":[\"arn:aws:s3:::bucket%d/a*\",\"arn:aws:s3:::other%<d/*\"]",
            "\"Resource\":\"arn:aws:s3:::bucket%d\"",
            "\"Resource\":\"arn:aws:s3:::buck?t%d/*\"",
            "\"Resource\":\"arn:*:s3:::bucket%d/*\"",
            "\"Resource\":\"*\"",
            "\"NotResource\":\"arn:aws:s3:::bucket%d/*\"",
            "\"Resource\":\"arn:aws:s3:::bucket%d/${aws:username}/*\"",
            "\"Resource\":\"arn:aws:s3:::${aws:PrincipalTag/team}-%d/*\"",
            "\"Resource\":[]",
        };
        String[] conditions = {null, null, null, "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}",
            "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"red\"}}"};
        for (int i = 0; i < 400; i++) {
            String element = String.format(elements[random.nextInt(elements.length)], random.nextInt(12));
            String effect = random.nextInt(5) == 0 ? "Deny" : "Allow";
            statements.add(statement("S" + i, effect, element, conditions[random.nextInt(conditions.length)]));
        }
        PolicySet set = PolicySet.builder().identity(policy(statements)).boundary(policy(statements)).build();
        List<String> resources = new ArrayList<>();
        for (int b = 0; b < 12; b++) {
            for (String key : List.of("", "/", "/x", "/secret/1", "/a1", "/alice/k", "/bob/k")) {
                resources.add("arn:aws:s3:::bucket" + b + key);
            }
            resources.add("arn:aws:s3:::other" + b + "/k");
            resources.add("arn:aws:s3:::buckat" + b + "/k");
            resources.add("arn:aws:s3:::red-" + b + "/k");
        }
        resources.add("*");
        resources.add("arn:aws");
        List<RequestContext> contexts = List.of(RequestContext.empty(),
                RequestContext.builder().put("aws:username", "alice").put("aws:PrincipalTag/team", "red")
                        .put("aws:MultiFactorAuthPresent", "true").build(),
                RequestContext.builder().unknown("aws:username").unknown("aws:PrincipalTag/team")
                        .unknown("aws:MultiFactorAuthPresent").build());
        LocalAuthorizer engine = new LocalAuthorizer();
        ReferenceAuthorizer reference = new ReferenceAuthorizer();
        int indexed = 0;
        for (RequestContext context : contexts) {
            for (String resource : resources) {
                Request request = new Request(ALICE, "s3:GetObject", resource, null, context);
                Decision fast = engine.authorize(request, set);
                String where = resource + " in " + context;
                if (context.unknownKeys().isEmpty()) {
                    // Definite decisions; with unknown keys the two engines may word one condition differently.
                    assertEquals(reference.authorize(request, set).outcome(), fast.outcome(), where);
                    assertTrue(!fast.isConditional(), where);
                }
                // The statements that applied, with their conditions: all a decision is made of.
                assertEquals(sidsWalkingAll(request, engine.compile(set).candidates(request.action())),
                        sids(fast), where);
                if (engine.compile(set).candidates("s3:GetObject").forResource(resource).identity().length
                        < statements.size()) {
                    indexed++;
                }
            }
        }
        assertTrue(indexed > 0, "the index left no statement out: the test would not see it");
    }

    /** The statements that applied, in the order the engine reports them. */
    private static List<String> sids(Decision d) {
        return d.statements().stream().map(m -> m.ref().layer() + ":" + m.ref().sid() + " " + m.when()).toList();
    }

    /** The statements that apply, found by testing every statement of each layer, in document order. */
    private static List<String> sidsWalkingAll(Request request, Candidates c) {
        List<String> out = new ArrayList<>();
        for (CompiledStatement[] layer : List.of(c.identity(), c.boundary())) {
            for (CompiledStatement s : layer) {
                Constraint applies = s.applies(request);
                if (applies != Constraint.FALSE) {
                    out.add(s.ref().layer() + ":" + s.ref().sid() + " " + applies);
                }
            }
        }
        return out;
    }
}
