package io.iamscope.eval.bench;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Caller;
import io.iamscope.eval.Decision;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.local.LocalAuthorizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decisions per second of the local engine on one thread: (a) one small policy; (b) a user with 10 managed
 * policies of 20 statements (wildcards across 15 services, NotAction, conditions), a 3-level SCP chain and a
 * permissions boundary, with requests rotating over 64 (action, resource) pairs so the per-action candidate
 * cache is exercised as in a real scan. Run with
 * {@code ./mvnw -q -B -Pbench test-compile exec:exec -Dbench.args=AuthorizerBenchmark}; the settings live in
 * the annotations because the bench profile passes {@code bench.args} to JMH as a single argument (a regex).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class AuthorizerBenchmark {
    private static final int REQUESTS = 64;
    private static final String USER = "arn:aws:iam::" + BenchPolicies.ACCOUNT + ":user/alice";

    private LocalAuthorizer authorizer;
    private PolicySet small;
    private Request smallRequest;
    private PolicySet realistic;
    private Request[] requests;
    private int next;

    @Setup
    public void setUp() {
        authorizer = new LocalAuthorizer();
        BenchPolicies gen = new BenchPolicies(42);
        RequestContext context = RequestContext.builder().put("aws:PrincipalTag/team", "red")
                .put("aws:RequestedRegion", "us-east-1").build();
        Caller caller = Caller.user(USER);

        small = PolicySet.builder().identity(BenchPolicies.parse("small",
                "{\"Effect\": \"Allow\", \"Action\": [\"s3:Get*\", \"s3:List*\"], \"Resource\": \"arn:aws:s3:::bucket-1/*\"}"))
                .build();
        smallRequest = new Request(caller, "s3:GetObject", "arn:aws:s3:::bucket-1/data/x", null, context);

        PolicySet.Builder b = PolicySet.builder();
        for (int i = 0; i < 10; i++) {
            b.identity(gen.managed("managed-" + i, 20));
        }
        String fullAccess = "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}";
        List<List<AttachedPolicy>> scps = List.of(
                List.of(BenchPolicies.parse("FullAWSAccess", fullAccess)),
                List.of(BenchPolicies.parse("FullAWSAccess-ou", fullAccess), BenchPolicies.parse("deny-regions",
                        "{\"Effect\": \"Deny\", \"NotAction\": [\"iam:*\", \"sts:*\"], \"Resource\": \"*\","
                                + " \"Condition\": {\"StringEquals\": {\"aws:RequestedRegion\": [\"ap-south-1\", \"sa-east-1\"]}}}")),
                List.of(BenchPolicies.parse("account-guardrail", fullAccess + ","
                        + "{\"Effect\": \"Deny\", \"Action\": [\"iam:CreateUser\", \"iam:DeleteRole\", \"kms:Delete*\"], \"Resource\": \"*\"}")));
        b.scps(scps);
        b.boundary(BenchPolicies.parse("boundary", "{\"Effect\": \"Allow\", \"NotAction\": [\"iam:*User*\", \"organizations:*\"],"
                + " \"Resource\": \"*\"}, {\"Effect\": \"Deny\", \"Action\": \"iam:PassRole\", \"Resource\": \"arn:aws:iam::"
                + BenchPolicies.ACCOUNT + ":role/admin-*\"}"));
        realistic = b.build();

        List<Request> list = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String service = gen.pick(BenchPolicies.SERVICES);
            list.add(new Request(caller, gen.action(service), gen.resource(service), null, context));
        }
        requests = list.toArray(new Request[0]);
    }

    @Benchmark
    public Decision smallPolicy() {
        return authorizer.authorize(smallRequest, small);
    }

    @Benchmark
    public Decision userWithTenManagedPolicies() {
        Request r = requests[next];
        next = (next + 1) & (REQUESTS - 1);
        return authorizer.authorize(r, realistic);
    }
}
