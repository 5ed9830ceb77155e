package io.iamscope.simulator;

import io.iamscope.eval.NotChecked;
import io.iamscope.policy.Arn;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Authorizer;
import io.iamscope.eval.Caller;
import io.iamscope.eval.CallerKind;
import io.iamscope.eval.Constraint;
import io.iamscope.eval.Decision;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.RequestContext;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import io.iamscope.aws.CredentialsFailure;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;

/**
 * An {@link Authorizer} backed by the IAM policy simulator (IAM API Reference: SimulateCustomPolicy,
 * SimulatePrincipalPolicy). The request's policies are sent as documents: identity policies as
 * {@code PolicyInputList}, the boundary as {@code PermissionsBoundaryPolicyInputList}, the resource policy as
 * {@code ResourcePolicy} with {@code CallerArn} and {@code ResourceOwner}. What the simulator cannot take is
 * stated in the decision as a {@link NotChecked} diagnostic, never silently dropped.
 *
 * <p>Policy problems give decisions; API failures (credentials, network, access denied, throttling past the
 * SDK's adaptive retries) throw {@link SimulatorException}. Thread-safe; {@link #callCount()} counts API calls,
 * pages included.
 */
public final class SimulatorAuthorizer implements Authorizer, AutoCloseable {
    /** PolicyInputList needs at least one document; this one matches no action, so it changes nothing. */
    static final String NO_OP_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[\n"
            + "{\"Effect\":\"Deny\",\"NotAction\":\"*\",\"Resource\":\"*\"}\n]}";

    private final IamClient iam;
    private final SimulatorSettings settings;
    private final RateLimiter limiter;
    private final String endpoint;
    private final AtomicLong calls = new AtomicLong();

    /** @param endpoint the endpoint URL for messages, or null */
    public SimulatorAuthorizer(IamClient iam, SimulatorSettings settings, String endpoint) {
        this.iam = iam;
        this.settings = settings;
        this.limiter = new RateLimiter(settings.callsPerSecond());
        this.endpoint = endpoint;
    }

    public static SimulatorAuthorizer connect(SimulatorConnection connection, SimulatorSettings settings) {
        return new SimulatorAuthorizer(connection.client(), settings, connection.endpointUrl());
    }

    /** API calls made so far, each page counted. */
    public long callCount() {
        return calls.get();
    }

    @Override
    public Decision authorize(Request request, PolicySet policies) {
        String account = request.resourceAccount() != null ? request.resourceAccount() : request.caller().account();
        return simulate(request.caller(), policies, List.of(request.action()), List.of(request.resource()),
                account, request.context()).get(new SimulationKey(request.action(), request.resource()));
    }

    /**
     * Simulates a principal that exists in the account ({@code SimulatePrincipalPolicy}): the simulator loads
     * its policies, its groups' policies and its boundary itself, and, for a member account, the SCPs.
     *
     * @param resourcePolicy a resource policy to evaluate with it, or null
     */
    public Decision authorizePrincipal(String policySourceArn, Request request, AttachedPolicy resourcePolicy) {
        return simulatePrincipal(policySourceArn, request.caller(), resourcePolicy, List.of(request.action()),
                List.of(request.resource()), request.resourceAccount(), request.context())
                .get(new SimulationKey(request.action(), request.resource()));
    }

    /**
     * Every (action, resource) pair for one caller and policy set, in as few calls as the batch sizes allow.
     * Resources are grouped by the account in their ARN (the caller's when the ARN has none, as for S3).
     */
    public Map<SimulationKey, Decision> simulate(Caller caller, PolicySet policies, List<String> actions,
                                                 List<String> resources, RequestContext context) {
        Map<String, List<String>> byAccount = new LinkedHashMap<>();
        for (String r : resources) {
            String account = Arn.accountOf(r);
            byAccount.computeIfAbsent(account == null || account.isEmpty() ? caller.account() : account,
                    a -> new ArrayList<>()).add(r);
        }
        Map<SimulationKey, Decision> out = new LinkedHashMap<>();
        byAccount.forEach((account, rs) -> out.putAll(simulate(caller, policies, actions, rs, account, context)));
        return out;
    }

    /** As {@link #simulate(Caller, PolicySet, List, List, RequestContext)}, with every resource in one account. */
    public Map<SimulationKey, Decision> simulate(Caller caller, PolicySet policies, List<String> actions,
                                                 List<String> resources, String resourceAccount,
                                                 RequestContext context) {
        SimulationPlan plan = SimulationPlanner.plan(caller, policies, resourceAccount);
        if (plan.refused()) {
            Map<SimulationKey, Decision> out = new LinkedHashMap<>();
            Decision refused = new Decision(Outcome.IMPLICIT_DENY, Constraint.TRUE, Outcome.IMPLICIT_DENY,
                    List.of(), List.of(), plan.notes());
            for (String a : actions) {
                for (String r : resources) {
                    out.put(new SimulationKey(a, r), refused);
                }
            }
            return out;
        }
        List<String> identity = plan.identity().isEmpty() ? List.of(NO_OP_POLICY)
                : plan.identity().stream().map(p -> PolicyJson.write(p.document())).toList();
        return batched(actions, resources, plan, context, (as, rs) -> {
            SimulateCustomPolicyRequest.Builder b = SimulateCustomPolicyRequest.builder()
                    .policyInputList(identity)
                    .actionNames(as)
                    .resourceArns(rs)
                    .contextEntries(ContextEntries.of(context))
                    .maxItems(settings.pageSize());
            if (plan.boundary() != null) {
                b.permissionsBoundaryPolicyInputList(PolicyJson.write(plan.boundary().document()));
            }
            if (plan.resourcePolicy() != null) {
                b.resourcePolicy(PolicyJson.write(plan.resourcePolicy().document()));
            }
            if (plan.callerArn() != null) {
                b.callerArn(plan.callerArn());
            }
            if (plan.resourceOwner() != null) {
                b.resourceOwner(plan.resourceOwner());
            }
            SimulateCustomPolicyRequest first = b.build();
            return marker -> {
                SimulateCustomPolicyResponse page = call("SimulateCustomPolicy",
                        () -> iam.simulateCustomPolicy(first.toBuilder().marker(marker).build()));
                return new Page(page.evaluationResults(), Boolean.TRUE.equals(page.isTruncated()), page.marker());
            };
        });
    }

    /** Principal mode for many pairs; {@code caller} may be null, else only an IAM user is sent as CallerArn. */
    public Map<SimulationKey, Decision> simulatePrincipal(String policySourceArn, Caller caller,
                                                          AttachedPolicy resourcePolicy, List<String> actions,
                                                          List<String> resources, String resourceAccount,
                                                          RequestContext context) {
        String callerArn = caller != null && caller.kind() == CallerKind.USER ? caller.arn() : null;
        List<Diagnostic> notes = new ArrayList<>();
        if (resourcePolicy != null && callerArn == null && !policySourceArn.contains(":user/")) {
            // "CallerArn is required if you include a ResourcePolicy and the PolicySourceArn is not the ARN for
            // an IAM user" (SimulatePrincipalPolicy, CallerArn).
            notes.add(NotChecked.omitted("a resource-based policy needs an iam user caller: left out"));
            resourcePolicy = null;
        }
        String owner = resourceAccount == null ? null : "arn:aws:iam::" + resourceAccount + ":root";
        SimulationPlan plan = new SimulationPlan(List.of(), null, resourcePolicy, callerArn, owner, notes);
        AttachedPolicy rp = resourcePolicy;
        return batched(actions, resources, plan, context, (as, rs) -> {
            SimulatePrincipalPolicyRequest.Builder b = SimulatePrincipalPolicyRequest.builder()
                    .policySourceArn(policySourceArn)
                    .actionNames(as)
                    .resourceArns(rs)
                    .contextEntries(ContextEntries.of(context))
                    .maxItems(settings.pageSize());
            if (rp != null) {
                b.resourcePolicy(PolicyJson.write(rp.document()));
            }
            if (callerArn != null) {
                b.callerArn(callerArn);
            }
            if (owner != null) {
                b.resourceOwner(owner);
            }
            SimulatePrincipalPolicyRequest first = b.build();
            return marker -> {
                SimulatePrincipalPolicyResponse page = call("SimulatePrincipalPolicy",
                        () -> iam.simulatePrincipalPolicy(first.toBuilder().marker(marker).build()));
                return new Page(page.evaluationResults(), Boolean.TRUE.equals(page.isTruncated()), page.marker());
            };
        });
    }

    /** One page of results. */
    private record Page(List<EvaluationResult> results, boolean truncated, String marker) {
    }

    /** Builds the pager of one call for a chunk of actions and resources. */
    private interface CallFactory {
        Function<String, Page> pager(List<String> actions, List<String> resources);
    }

    private Map<SimulationKey, Decision> batched(List<String> actions, List<String> resources, SimulationPlan plan,
                                                 RequestContext context, CallFactory factory) {
        Map<SimulationKey, Decision> out = new LinkedHashMap<>();
        for (List<String> as : chunks(actions, settings.actionsPerCall())) {
            for (List<String> rs : chunks(resources, settings.resourcesPerCall())) {
                Function<String, Page> pager = factory.pager(as, rs);
                Map<SimulationKey, EvaluationResult> got = new LinkedHashMap<>();
                String marker = null;
                do {
                    Page page = pager.apply(marker);
                    for (EvaluationResult r : page.results()) {
                        got.put(new SimulationKey(lower(r.evalActionName()), r.evalResourceName()), r);
                    }
                    marker = page.truncated() ? page.marker() : null;
                } while (marker != null);
                for (String a : as) {
                    for (String r : rs) {
                        EvaluationResult result = got.get(new SimulationKey(lower(a), r));
                        if (result == null) {
                            result = got.get(new SimulationKey(lower(a), "*"));
                        }
                        out.put(new SimulationKey(a, r), result == null ? noResult(a, r, plan)
                                : ResultMapper.map(result, r, plan, context));
                    }
                }
            }
        }
        return out;
    }

    private static Decision noResult(String action, String resource, SimulationPlan plan) {
        List<Diagnostic> errors = new ArrayList<>(plan.notes());
        errors.add(Diagnostic.error("SIMULATOR_NO_RESULT", "the simulator gave no result for `" + action + "` on `"
                + resource + "`", SourceLocation.of("iam policy simulator")));
        return new Decision(Outcome.IMPLICIT_DENY, Constraint.TRUE, Outcome.IMPLICIT_DENY, List.of(), List.of(),
                errors);
    }

    private <T> T call(String operation, java.util.function.Supplier<T> api) {
        limiter.acquire();
        calls.incrementAndGet();
        try {
            return api.get();
        } catch (SdkException e) {
            throw SimulatorException.of(e, operation, endpoint);
        } catch (CredentialsFailure e) {
            throw new SimulatorException("SIMULATOR_NO_CREDENTIALS", e.getMessage(), e);
        }
    }

    private static List<List<String>> chunks(List<String> items, int size) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
        }
        return out;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        iam.close();
    }
}
