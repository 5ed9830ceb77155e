package io.iamscope.simulator;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Constraint;
import io.iamscope.eval.Decision;
import io.iamscope.eval.Layer;
import io.iamscope.eval.LayerVerdict;
import io.iamscope.eval.MatchedStatement;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.StatementRef;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.Effect;
import io.iamscope.policy.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.PolicySourceType;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * Maps one {@code EvaluationResult} of the simulator to a {@link Decision} (IAM API Reference:
 * EvaluationResult, Statement, ResourceSpecificResult).
 *
 * <p>Missing context values: the simulator lists the keys its policies need but were not given. A key the
 * request declared <em>unknown</em> makes the decision conditional on it; the outcome stays the simulator's
 * answer for the key absent (it cannot say which way a value would turn it), so {@code otherwise} equals it.
 * A key that was simply not given is absent, as in the local engine, and changes nothing.
 */
final class ResultMapper {
    private static final String IDENTITY_SOURCE = "policyinputlist.";
    private static final String BOUNDARY_SOURCE = "permissionsboundarypolicyinputlist.";
    private static final String RESOURCE_SOURCE = "resourcepolicy";

    private ResultMapper() {
    }

    /**
     * @param plan    what was sent, to name statements back; null in principal mode (sources are then the
     *                policy names the simulator gives)
     * @param context the request's context, to tell unknown keys from absent ones
     */
    static Decision map(EvaluationResult r, String resource, SimulationPlan plan, RequestContext context) {
        List<Diagnostic> errors = new ArrayList<>(plan == null ? List.of() : plan.notes());
        ResourceSpecificResult specific = specificFor(r, resource);
        PolicyEvaluationDecisionType type = specific != null && specific.evalResourceDecision() != null
                ? specific.evalResourceDecision() : r.evalDecision();
        Outcome outcome = outcome(type);
        if (outcome == null) {
            errors.add(Diagnostic.error("SIMULATOR_UNKNOWN_DECISION", "the simulator answered `"
                    + (specific != null ? specific.evalResourceDecisionAsString() : r.evalDecisionAsString())
                    + "`, read as an implicit deny", SourceLocation.of("iam policy simulator")));
            outcome = Outcome.IMPLICIT_DENY;
        }

        List<Statement> matched = new ArrayList<>(r.matchedStatements());
        Set<String> missing = new LinkedHashSet<>(r.missingContextValues());
        if (specific != null) {
            matched.addAll(specific.matchedStatements());
            missing.addAll(specific.missingContextValues());
        }
        List<MatchedStatement> statements = new ArrayList<>();
        for (Statement s : new LinkedHashSet<>(matched)) {
            statements.add(new MatchedStatement(ref(s, plan, outcome), Constraint.TRUE));
        }

        List<String> unknown = missing.stream().filter(context::isUnknown).toList();
        Constraint condition = unknown.isEmpty() ? Constraint.TRUE
                : new Constraint.Atom("the simulator answered without " + quoted(unknown), unknown, null);
        return new Decision(outcome, condition, outcome, statements, layers(r, specific), errors);
    }

    static Outcome outcome(PolicyEvaluationDecisionType type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case ALLOWED -> Outcome.ALLOW;
            case EXPLICIT_DENY -> Outcome.EXPLICIT_DENY;
            case IMPLICIT_DENY -> Outcome.IMPLICIT_DENY;
            default -> null;
        };
    }

    private static ResourceSpecificResult specificFor(EvaluationResult r, String resource) {
        for (ResourceSpecificResult s : r.resourceSpecificResults()) {
            if (resource.equals(s.evalResourceName())) {
                return s;
            }
        }
        return null;
    }

    /**
     * Names a matched statement. For our own inputs, the source id is {@code PolicyInputList.N} (1-based),
     * {@code PermissionsBoundaryPolicyInputList.1} or {@code ResourcePolicy}, and the start line gives the
     * statement ({@link PolicyJson}). "If only one statement denies that operation, then the explicit deny
     * overrides any allow ... the deny statement is the only entry included in the result" (EvaluationResult,
     * MatchedStatements): so unresolved statements of a denied request are Denies, else Allows.
     */
    static StatementRef ref(Statement s, SimulationPlan plan, Outcome outcome) {
        Effect fallbackEffect = outcome == Outcome.EXPLICIT_DENY ? Effect.DENY : Effect.ALLOW;
        String id = s.sourcePolicyId() == null ? "" : s.sourcePolicyId();
        String lower = id.toLowerCase(java.util.Locale.ROOT);
        int line = s.startPosition() == null || s.startPosition().line() == null ? -1 : s.startPosition().line();
        if (plan != null) {
            AttachedPolicy policy = null;
            Layer layer = null;
            if (lower.startsWith(IDENTITY_SOURCE)) {
                int n = number(lower.substring(IDENTITY_SOURCE.length()));
                policy = n >= 1 && n <= plan.identity().size() ? plan.identity().get(n - 1) : null;
                layer = Layer.IDENTITY;
            } else if (lower.startsWith(BOUNDARY_SOURCE)) {
                policy = plan.boundary();
                layer = Layer.BOUNDARY;
            } else if (lower.equals(RESOURCE_SOURCE)) {
                policy = plan.resourcePolicy();
                layer = Layer.RESOURCE;
            }
            if (policy != null) {
                List<io.iamscope.policy.Statement> written = policy.document().statements();
                int index = PolicyJson.statementAtLine(line, written.size());
                if (index >= 0) {
                    io.iamscope.policy.Statement st = written.get(index);
                    return new StatementRef(layer, policy.toString(), st.sid(), index, st.effect(), -1);
                }
                return new StatementRef(layer, policy.toString(), null, -1, fallbackEffect, -1);
            }
        }
        Layer layer = s.sourcePolicyType() == PolicySourceType.RESOURCE ? Layer.RESOURCE : Layer.IDENTITY;
        return new StatementRef(layer, id, null, -1, fallbackEffect, -1);
    }

    /** Organizations, boundary and per-policy-type details, when the simulator gave them. */
    private static List<LayerVerdict> layers(EvaluationResult r, ResourceSpecificResult specific) {
        List<LayerVerdict> out = new ArrayList<>();
        if (r.organizationsDecisionDetail() != null
                && r.organizationsDecisionDetail().allowedByOrganizations() != null) {
            // Only "allowed or not" is reported: an SCP without an Allow and an SCP Deny look the same.
            boolean allowed = r.organizationsDecisionDetail().allowedByOrganizations();
            out.add(new LayerVerdict(Layer.SCP, -1, constant(allowed), Constraint.FALSE, true));
        }
        var boundary = specific != null && specific.permissionsBoundaryDecisionDetail() != null
                ? specific.permissionsBoundaryDecisionDetail() : r.permissionsBoundaryDecisionDetail();
        if (boundary != null && boundary.allowedByPermissionsBoundary() != null) {
            out.add(new LayerVerdict(Layer.BOUNDARY, -1, constant(boundary.allowedByPermissionsBoundary()),
                    Constraint.FALSE, true));
        }
        Map<String, PolicyEvaluationDecisionType> details = specific != null && specific.hasEvalDecisionDetails()
                ? specific.evalDecisionDetails() : r.evalDecisionDetails();
        // Filled "for only cross-account simulations": how each policy type contributed (EvaluationResult).
        details.forEach((policyType, decision) -> {
            Layer layer = policyType.toLowerCase(java.util.Locale.ROOT).contains("resource") ? Layer.RESOURCE
                    : Layer.IDENTITY;
            out.add(new LayerVerdict(layer, -1, constant(decision == PolicyEvaluationDecisionType.ALLOWED),
                    constant(decision == PolicyEvaluationDecisionType.EXPLICIT_DENY), true));
        });
        return out;
    }

    private static Constraint constant(boolean b) {
        return b ? Constraint.TRUE : Constraint.FALSE;
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String quoted(List<String> keys) {
        return String.join(", ", keys.stream().map(k -> "`" + k + "`").toList());
    }
}
