package io.iamscope.eval;

import io.iamscope.policy.Arn;
import io.iamscope.eval.PolicySpec.Cond;
import io.iamscope.eval.PolicySpec.Pol;
import io.iamscope.eval.PolicySpec.Stmt;
import io.iamscope.eval.PolicySpec.World;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators over a small alphabet, so that random statements often match random requests: a handful of
 * actions and ARNs, wildcard patterns over them, StringEquals conditions on two keys that requests leave
 * present, absent or unknown, and resource-policy principals that name the caller in each documented way.
 */
final class PolicyArbitraries {
    static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject", "iam:PassRole", "ec2:RunInstances",
            "sts:AssumeRole", "kms:Decrypt", "sts:GetCallerIdentity", "iam:UpdateAssumeRolePolicy", "kms:UpdateAlias",
            "organizations:CreateAccount", "organizations:AttachPolicy");
    static final List<String> ACTION_PATTERNS = List.of("s3:GetObject", "s3:PutObject", "iam:PassRole",
            "ec2:RunInstances", "sts:AssumeRole", "kms:Decrypt", "s3:*", "s3:Get*", "*", "?3:GetObject",
            "iam:Pass*", "ec2:*", "sts:Assume*", "kms:*", "S3:getobject", "organizations:*");
    static final List<String> RESOURCES = List.of("arn:aws:s3:::bucket-a/red", "arn:aws:s3:::bucket-b/x",
            "arn:aws:iam::111111111111:role/app", "arn:aws:iam::222222222222:role/ops",
            "arn:aws:ec2:us-east-1:111111111111:instance/i-1", "arn:aws:kms:us-east-1:222222222222:key/k1",
            "arn:aws:kms:us-east-1:111111111111:key/k1",
            // Resources AWS protects: a change to them is denied whatever the policies say (ServiceRules).
            "arn:aws:iam::111111111111:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS",
            "arn:aws:kms:us-east-1:111111111111:alias/aws/s3");
    static final List<String> RESOURCE_PATTERNS = List.of("*", "arn:aws:s3:::bucket-a/*", "arn:aws:s3:::*",
            "arn:aws:s3:::bucket-?/x", "arn:aws:s3:::bucket-a/${aws:PrincipalTag/team}", "arn:aws:iam::*:role/*",
            "arn:aws:iam::111111111111:role/app", "arn:aws:ec2:*:*:instance/*", "arn:aws:kms:*:*:key/*",
            "arn:aws:ec2:us-east-1:111111111111:instance/i-1", "arn:aws:s3:::bucket-b/x");
    static final List<String> PRINCIPALS = List.of("\"*\"", "{\"AWS\": \"111111111111\"}",
            "{\"AWS\": \"arn:aws:iam::111111111111:root\"}", "{\"AWS\": \"arn:aws:iam::111111111111:user/alice\"}",
            "{\"AWS\": \"arn:aws:iam::111111111111:role/app\"}",
            "{\"AWS\": \"arn:aws:sts::111111111111:assumed-role/app/s1\"}", "{\"AWS\": \"222222222222\"}",
            "{\"AWS\": \"arn:aws:iam::111111111111:user/bob\"}",
            // Caller and its account together: the form the NotPrincipal docs ask for.
            "{\"AWS\": [\"arn:aws:iam::111111111111:user/alice\", \"arn:aws:iam::111111111111:root\"]}",
            "{\"AWS\": [\"arn:aws:sts::111111111111:assumed-role/app/s1\", \"111111111111\"]}");

    private PolicyArbitraries() {
    }

    static Arbitrary<Cond> conditions() {
        Arbitrary<Cond> team = Arbitraries.of(List.of("red"), List.of("blue"), List.of("red", "blue"))
                .map(v -> new Cond(RequestSpec.TEAM, v));
        Arbitrary<Cond> region = Arbitraries.of(List.of("us-east-1"), List.of("eu-west-1"))
                .map(v -> new Cond(RequestSpec.REGION, v));
        return Arbitraries.oneOf(team, region);
    }

    /** A statement; with principals for resource policies and RCPs. */
    static Arbitrary<Stmt> statements(boolean withPrincipal) {
        Arbitrary<String> effect = Arbitraries.frequency(Tuple.of(6, "Allow"), Tuple.of(1, "Deny"));
        Arbitrary<Boolean> rarely = Arbitraries.frequency(Tuple.of(85, false), Tuple.of(15, true));
        // "*" is weighted up so that enough statements match a random request for allows to be common.
        Arbitrary<List<String>> actions = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("*")),
                Tuple.of(10, Arbitraries.of(ACTION_PATTERNS))).list().ofMinSize(1).ofMaxSize(2);
        Arbitrary<List<String>> resources = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("*")),
                Tuple.of(10, Arbitraries.of(RESOURCE_PATTERNS))).list().ofMinSize(1).ofMaxSize(2);
        Arbitrary<String> principal = withPrincipal ? Arbitraries.of(PRINCIPALS) : Arbitraries.just(null);
        Arbitrary<List<Cond>> conds = conditions().list().ofMaxSize(1);
        return Combinators.combine(effect, rarely, actions, rarely, resources, principal, rarely, conds)
                .as((e, na, a, nr, r, p, np, c) -> new Stmt(e, na, a, nr, r, p, p != null && np && !"\"*\"".equals(p), c));
    }

    /** {@code Allow * on *}, as FullAWSAccess and most boundaries start. */
    static Stmt allowAll() {
        return new Stmt("Allow", false, List.of("*"), false, List.of("*"), null, false, List.of());
    }

    static Arbitrary<Pol> policies(String name, boolean withPrincipal, int maxStatements) {
        return statements(withPrincipal).list().ofMinSize(1).ofMaxSize(maxStatements)
                .map(list -> new Pol(name, list));
    }

    /** Guardrail-style policies (SCPs, boundaries): often FullAWSAccess plus a few random statements. */
    static Arbitrary<Pol> guardrails(String name) {
        Arbitrary<Boolean> full = Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false));
        return Combinators.combine(full, policies(name, false, 2))
                .as((withFull, p) -> withFull ? new Pol(name, prepend(allowAll(), p.statements())) : p);
    }

    private static List<Stmt> prepend(Stmt s, List<Stmt> rest) {
        ArrayList<Stmt> out = new ArrayList<>();
        out.add(s);
        out.addAll(rest);
        return out;
    }

    static Arbitrary<World> worlds() {
        Arbitrary<List<Pol>> identity = policies("identity", false, 4).list().ofMinSize(1).ofMaxSize(2);
        Arbitrary<Pol> boundary = guardrails("boundary").injectNull(0.5);
        Arbitrary<List<Pol>> session = policies("session", false, 2).list().ofMinSize(1).ofMaxSize(1).injectNull(0.75);
        Arbitrary<List<List<Pol>>> scps = guardrails("scp").list().ofMinSize(1).ofMaxSize(1).list()
                .ofMinSize(1).ofMaxSize(3).injectNull(0.4);
        Arbitrary<List<List<Pol>>> rcps = policies("rcp", true, 2).list().ofMinSize(1).ofMaxSize(1).list()
                .ofMinSize(1).ofMaxSize(1).injectNull(0.75);
        Arbitrary<Pol> resource = policies("resource", true, 3).injectNull(0.4);
        return Combinators.combine(identity, boundary, session, scps, rcps, resource).as(World::new);
    }

    /** A world and a request generated together. */
    record Case(World world, RequestSpec request) {
        @Override
        public String toString() {
            return world + "request " + request;
        }
    }

    /**
     * Worlds nudged toward the request, so that allows (definite and conditional) are common: an identity Allow
     * naming the request's action and resource, and a resource-policy Allow for some principal, each added half
     * of the time. The other layers stay random, so SCPs, boundaries, session policies and Denies still cut in.
     */
    static Arbitrary<Case> alignedCases() {
        return Combinators.combine(worlds(), requests(), Arbitraries.of(PRINCIPALS), Arbitraries.integers().between(0, 3),
                conditions().list().ofMaxSize(1)).as((w, r, principal, mode, conds) -> {
                    World world = w;
                    if ((mode & 1) != 0) {
                        Stmt aligned = new Stmt("Allow", false, List.of(r.action()), false, List.of(r.resource()),
                                null, false, conds);
                        List<Pol> identity = new ArrayList<>(world.identity());
                        identity.set(0, identity.get(0).plus(aligned));
                        world = new World(identity, world.boundary(), world.session(), world.scps(), world.rcps(),
                                world.resource());
                    }
                    if ((mode & 2) != 0) {
                        Stmt grant = new Stmt("Allow", false, List.of("*"), false, List.of("*"), principal, false, conds);
                        world = new World(world.identity(), world.boundary(), world.session(), world.scps(),
                                world.rcps(), world.resource() == null ? new Pol("resource", List.of(grant))
                                        : world.resource().plus(grant));
                    }
                    return new Case(world, r);
                });
    }

    static Arbitrary<RequestSpec> requests() {
        Arbitrary<Boolean> session = Arbitraries.of(true, false);
        Arbitrary<String> action = Arbitraries.of(ACTIONS);
        Arbitrary<String> resource = Arbitraries.of(RESOURCES);
        // S3 ARNs carry no account: the request says which account owns the bucket, or null for the caller's.
        Arbitrary<String> bucketAccount = Arbitraries.of(RequestSpec.ACCOUNT, RequestSpec.OTHER_ACCOUNT).injectNull(0.3);
        Arbitrary<String> team = Arbitraries.of("red", "blue", RequestSpec.UNKNOWN).injectNull(0.2);
        Arbitrary<String> region = Arbitraries.of("us-east-1", "eu-west-1", RequestSpec.UNKNOWN).injectNull(0.2);
        // Every combination of known and unknown facts about the caller's account (management, delegated).
        Arbitrary<OrgStanding> org = Arbitraries.of(Truth.values()).flatMap(m -> Arbitraries.of(Truth.values())
                .map(d -> new OrgStanding(m, m == Truth.TRUE ? Truth.FALSE : d)));
        return Combinators.combine(session, action, resource, bucketAccount, team, region, org)
                .as((s, a, r, acct, t, reg, o) -> new RequestSpec(s, a, r,
                        Arn.accountOf(r) != null ? Arn.accountOf(r) : acct, t, reg, o));
    }
}
