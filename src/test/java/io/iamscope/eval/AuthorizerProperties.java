package io.iamscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.PolicySpec.Pol;
import io.iamscope.eval.PolicySpec.Stmt;
import io.iamscope.eval.PolicySpec.World;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.eval.reference.ReferenceAuthorizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The guarantees of the policy engine as properties over generated policy sets and requests, each checked on
 * the local engine and on the naive reference evaluator. Failing samples print as policy JSON.
 */
class AuthorizerProperties {
    private static final int TRIES = 400;
    private static final Set<String> RCP_SERVICES = Set.of("s3", "sts", "kms");
    private static final String GET_CALLER_IDENTITY = "sts:GetCallerIdentity";

    private final Authorizer local = new LocalAuthorizer();
    private final Authorizer reference = new ReferenceAuthorizer();

    @Provide
    Arbitrary<World> worlds() {
        return PolicyArbitraries.worlds();
    }

    @Provide
    Arbitrary<RequestSpec> requests() {
        return PolicyArbitraries.requests();
    }

    @Provide
    Arbitrary<Pol> extraPolicies() {
        return PolicyArbitraries.guardrails("added");
    }

    /** The fast engine decides exactly as the reference written from the AWS docs. */
    @Property(tries = 4 * TRIES)
    void localAgreesWithReference(@ForAll("worlds") World world, @ForAll("requests") RequestSpec request) {
        PolicySet set = world.build();
        Request r = request.build();
        Decision expected = reference.authorize(r, set);
        Assume.that(expected.errors().stream().noneMatch(e -> e.code().equals("REFERENCE_TOO_MANY_UNKNOWNS")));
        Decision actual = local.authorize(r, set);
        Statistics.label("decision").collect(DecisionSummary.of(expected).outcome(), expected.isConditional());
        Statistics.label("request").collect(r.sameAccount() ? "same account" : "cross account",
                r.caller().kind());
        assertEquals(DecisionSummary.of(expected), DecisionSummary.of(actual),
                () -> "reference vs local for " + request + "\nlocal condition: " + actual.condition());
    }

    /** As above, on worlds nudged toward allowing the request (more definite and conditional allows). */
    @Property(tries = 2 * TRIES)
    void localAgreesWithReferenceNearAllows(@ForAll("alignedCases") PolicyArbitraries.Case c) {
        PolicySet set = c.world().build();
        Request r = c.request().build();
        Decision expected = reference.authorize(r, set);
        Assume.that(expected.errors().stream().noneMatch(e -> e.code().equals("REFERENCE_TOO_MANY_UNKNOWNS")));
        Decision actual = local.authorize(r, set);
        Statistics.label("decision").collect(DecisionSummary.of(expected).outcome(), expected.isConditional());
        assertEquals(DecisionSummary.of(expected), DecisionSummary.of(actual),
                () -> "reference vs local\nlocal condition: " + actual.condition());
    }

    @Provide
    Arbitrary<PolicyArbitraries.Case> alignedCases() {
        return PolicyArbitraries.alignedCases();
    }

    /** Adding an unconditional matching Deny to any layer that applies gives a definite explicit deny. */
    @Property(tries = TRIES)
    void explicitDenyBeatsAnyAllow(@ForAll("worlds") World world, @ForAll("requests") RequestSpec request,
                                   @ForAll("layers") Layer layer) {
        Assume.that(layer != Layer.RCP || RCP_SERVICES.contains(request.build().service()));
        Assume.that(!request.action().equals(GET_CALLER_IDENTITY)); // allowed whatever a policy says
        // SCPs "don't affect users or roles in the management account" (Organizations User Guide: SCPs).
        Assume.that(layer != Layer.SCP || request.org().management() != Truth.TRUE);
        World denied = addDeny(world, layer);
        for (Authorizer engine : List.of(local, reference)) {
            Decision d = engine.authorize(request.build(), denied.build());
            assertEquals(Outcome.EXPLICIT_DENY, d.outcome(), () -> engine + " on " + request + "\n" + denied);
            assertFalse(d.isConditional(), () -> engine + " conditional: " + d.condition());
        }
    }

    @Provide
    Arbitrary<Layer> layers() {
        return Arbitraries.of(Layer.values());
    }

    /** Without any Allow statement nothing is allowed, not even conditionally. */
    @Property(tries = TRIES)
    void noMatchingAllowMeansDeny(@ForAll("worlds") World world, @ForAll("requests") RequestSpec request) {
        Assume.that(!request.action().equals(GET_CALLER_IDENTITY)); // needs no Allow
        World denies = world.map(p -> p.withStatements(p.statements().stream().filter(s -> !s.allows()).toList()));
        for (Authorizer engine : List.of(local, reference)) {
            Decision d = engine.authorize(request.build(), denies.build());
            assertFalse(d.isPossiblyAllowed(), () -> engine + " allowed " + request + "\n" + denies);
        }
    }

    /**
     * sts:GetCallerIdentity is allowed, definitely, whatever the policies say (AWS STS API Reference:
     * GetCallerIdentity), and the decision names the rule.
     */
    @Property(tries = TRIES)
    void getCallerIdentityIsAlwaysAllowed(@ForAll("worlds") World world, @ForAll boolean session,
                                          @ForAll("layers") Layer layer) {
        RequestSpec request = new RequestSpec(session, GET_CALLER_IDENTITY, "*", null, null, null);
        World denied = addDeny(world, layer);
        for (Authorizer engine : List.of(local, reference)) {
            Decision d = engine.authorize(request.build(), denied.build());
            assertTrue(d.isAllowed(), () -> engine + " on " + request + "\n" + denied);
            assertEquals(ServiceRule.CALLER_IDENTITY_ALWAYS_ALLOWED, d.rule());
        }
    }

    /**
     * A change to a resource AWS protects (a service-linked role, an alias/aws/ alias) is denied, definitely and
     * by its rule, whatever the policies say, an administrator's included.
     */
    @Property(tries = TRIES)
    void protectedResourcesCannotBeChanged(@ForAll("worlds") World world, @ForAll boolean session) {
        List<Pol> identity = new ArrayList<>(world.identity());
        identity.add(new Pol("admin", List.of(PolicyArbitraries.allowAll())));
        World admin = new World(identity, world.boundary(), world.session(), world.scps(), world.rcps(),
                world.resource());
        for (String[] change : List.of(
                new String[] {"iam:UpdateAssumeRolePolicy",
                        "arn:aws:iam::111111111111:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS"},
                new String[] {"kms:UpdateAlias", "arn:aws:kms:us-east-1:111111111111:alias/aws/s3"})) {
            RequestSpec request = new RequestSpec(session, change[0], change[1], "111111111111", null, null);
            for (Authorizer engine : List.of(local, reference)) {
                Decision d = engine.authorize(request.build(), admin.build());
                assertEquals(Outcome.EXPLICIT_DENY, d.outcome(), () -> engine + " on " + request);
                assertFalse(d.isConditional());
                assertTrue(d.rule() == ServiceRule.SERVICE_LINKED_ROLE || d.rule() == ServiceRule.AWS_MANAGED_KEY_ALIAS,
                        () -> engine + ": " + d.rule());
            }
        }
    }

    /**
     * AWS Organizations' management calls: an administrator of a member account is refused them (definitely
     * when its account is known not to qualify, conditionally on the unknown fact otherwise); the management
     * account is decided by its policies alone.
     */
    @Property(tries = TRIES)
    void organizationsCallsNeedTheRightAccount(@ForAll boolean session, @ForAll("standings") OrgStanding org) {
        World admin = new World(List.of(new Pol("admin", List.of(PolicyArbitraries.allowAll()))), null, null, null,
                null, null);
        for (String action : List.of("organizations:CreateAccount", "organizations:AttachPolicy")) {
            boolean managementOnly = action.endsWith("CreateAccount");
            RequestSpec request = new RequestSpec(session, action, "*", null, null, null, org);
            Truth pass = managementOnly ? org.management() : org.management().or(org.delegatedAdministrator());
            for (Authorizer engine : List.of(local, reference)) {
                Decision d = engine.authorize(request.build(), admin.build());
                String context = engine + " on " + request + ": " + DecisionSummary.of(d);
                switch (pass) {
                    case TRUE -> assertTrue(d.isAllowed() && d.rule() == null, context);
                    case FALSE -> assertTrue(d.outcome() == Outcome.EXPLICIT_DENY && !d.isConditional()
                            && d.rule() != null, context);
                    case UNKNOWN -> {
                        assertTrue(d.isPossiblyAllowed() && d.isConditional() && d.rule() != null, context);
                        assertEquals(Outcome.EXPLICIT_DENY, d.otherwise(), context);
                        assertTrue(d.conditionalKeys().stream().allMatch(k -> k.startsWith("iamscope:")), context);
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<OrgStanding> standings() {
        return Arbitraries.of(Truth.values()).flatMap(m -> Arbitraries.of(Truth.values())
                .map(d -> new OrgStanding(m, m == Truth.TRUE ? Truth.FALSE : d)));
    }

    /** Statement order, policy order within a layer and duplicated statements do not change a decision. */
    @Property(tries = TRIES)
    void orderAndDuplicatesDoNotMatter(@ForAll("worlds") World world, @ForAll("requests") RequestSpec request,
                                       @ForAll long seed) {
        Random random = new Random(seed);
        World shuffled = world.map(p -> p.withStatements(shuffleWithDuplicates(p.statements(), random)));
        List<Pol> identity = new ArrayList<>(shuffled.identity());
        Collections.shuffle(identity, random);
        World reordered = new World(identity, shuffled.boundary(), shuffled.session(), shuffled.scps(),
                shuffled.rcps(), shuffled.resource());
        for (Authorizer engine : List.of(local, reference)) {
            DecisionSummary before = DecisionSummary.of(engine.authorize(request.build(), world.build()));
            DecisionSummary after = DecisionSummary.of(engine.authorize(request.build(), reordered.build()));
            assertEquals(before, after, () -> engine + " on " + request + "\nreordered " + reordered);
        }
    }

    /**
     * A permissions boundary (where there was none), a session policy (where there was none) or one more SCP
     * level can only take access away: never turn a deny into an allow, possible or definite.
     */
    @Property(tries = TRIES)
    void guardrailsOnlyNarrow(@ForAll("worlds") World world, @ForAll("requests") RequestSpec request,
                              @ForAll("extraPolicies") Pol added, @ForAll("narrowings") Layer layer) {
        World narrowed = switch (layer) {
            case BOUNDARY -> {
                Assume.that(world.boundary() == null);
                yield new World(world.identity(), added, world.session(), world.scps(), world.rcps(),
                        world.resource());
            }
            case SESSION -> {
                Assume.that(world.session() == null);
                yield new World(world.identity(), world.boundary(), List.of(added), world.scps(), world.rcps(),
                        world.resource());
            }
            default -> {
                List<List<Pol>> levels = new ArrayList<>(world.scps() == null ? List.of() : world.scps());
                levels.add(List.of(added));
                yield new World(world.identity(), world.boundary(), world.session(), levels, world.rcps(),
                        world.resource());
            }
        };
        for (Authorizer engine : List.of(local, reference)) {
            Decision before = engine.authorize(request.build(), world.build());
            Decision after = engine.authorize(request.build(), narrowed.build());
            String context = engine + " on " + request + "\nbefore " + DecisionSummary.of(before) + ", after "
                    + DecisionSummary.of(after) + "\nafter adding " + layer + " " + added + "\nto " + world;
            assertTrue(!after.isPossiblyAllowed() || before.isPossiblyAllowed(), context);
            assertTrue(!after.isAllowed() || before.isAllowed(), context);
        }
    }

    @Provide
    Arbitrary<Layer> narrowings() {
        return Arbitraries.of(Layer.BOUNDARY, Layer.SESSION, Layer.SCP);
    }

    private static World addDeny(World w, Layer layer) {
        Stmt deny = new Stmt("Deny", false, List.of("*"), false, List.of("*"), null, false, List.of());
        Stmt denyAnyone = new Stmt("Deny", false, List.of("*"), false, List.of("*"), "\"*\"", false, List.of());
        Pol only = new Pol("deny", List.of(deny));
        return switch (layer) {
            case IDENTITY -> {
                List<Pol> identity = new ArrayList<>(w.identity());
                identity.add(only);
                yield new World(identity, w.boundary(), w.session(), w.scps(), w.rcps(), w.resource());
            }
            case BOUNDARY -> new World(w.identity(), w.boundary() == null ? only : w.boundary().plus(deny),
                    w.session(), w.scps(), w.rcps(), w.resource());
            case SESSION -> new World(w.identity(), w.boundary(),
                    w.session() == null ? List.of(only) : plusEach(w.session(), deny), w.scps(), w.rcps(),
                    w.resource());
            case SCP -> {
                List<List<Pol>> levels = new ArrayList<>(w.scps() == null ? List.of() : w.scps());
                levels.add(List.of(only));
                yield new World(w.identity(), w.boundary(), w.session(), levels, w.rcps(), w.resource());
            }
            case RCP -> new World(w.identity(), w.boundary(), w.session(), w.scps(),
                    List.of(List.of(new Pol("rcp-deny", List.of(denyAnyone)))), w.resource());
            case RESOURCE -> new World(w.identity(), w.boundary(), w.session(), w.scps(), w.rcps(),
                    w.resource() == null ? new Pol("resource-deny", List.of(denyAnyone)) : w.resource().plus(denyAnyone));
        };
    }

    private static List<Pol> plusEach(List<Pol> policies, Stmt s) {
        return policies.stream().map(p -> p.plus(s)).toList();
    }

    private static List<Stmt> shuffleWithDuplicates(List<Stmt> statements, Random random) {
        List<Stmt> out = new ArrayList<>(statements);
        for (Stmt s : statements) {
            if (random.nextInt(3) == 0) {
                out.add(s);
            }
        }
        Collections.shuffle(out, random);
        return out;
    }
}
