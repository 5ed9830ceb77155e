package io.iamscope.eval.compile;

import io.iamscope.catalog.Catalog;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Layer;
import io.iamscope.eval.StatementRef;
import io.iamscope.eval.condition.ConditionCompiler;
import io.iamscope.eval.condition.ConditionCheck;
import io.iamscope.eval.match.ActionMatcher;
import io.iamscope.eval.match.PrincipalMatcher;
import io.iamscope.eval.match.ResourceMatcher;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Compiles policies into matchers, once per (policy instance, layer, level): the statements' actions,
 * resources, principals and conditions. The passes, in order: read the statement's elements, check that the
 * elements fit the layer (a resource policy needs a Principal; identity policies have none), compile each
 * condition clause. Each pass adds diagnostics; none drops a statement silently.
 */
public final class PolicyCompiler {
    private record Key(Layer layer, int level) {
    }

    private final Map<AttachedPolicy, Map<Key, CompiledPolicy>> cache =
            Collections.synchronizedMap(new WeakHashMap<>());
    private final Catalog catalog;

    /** A compiler that does not check action names. */
    public PolicyCompiler() {
        this(null);
    }

    /**
     * A compiler that also warns about actions the catalog does not know ({@code UNKNOWN_ACTION}); such
     * actions are still evaluated as written, since the catalog may be older than the policy.
     */
    public PolicyCompiler(Catalog catalog) {
        this.catalog = catalog;
    }

    public CompiledPolicy compile(AttachedPolicy policy, Layer layer, int level) {
        Map<Key, CompiledPolicy> perLayer = cache.computeIfAbsent(policy,
                p -> Collections.synchronizedMap(new java.util.HashMap<>()));
        return perLayer.computeIfAbsent(new Key(layer, level), k -> compileNow(policy, layer, level, catalog));
    }

    private static CompiledPolicy compileNow(AttachedPolicy policy, Layer layer, int level, Catalog catalog) {
        PolicyDocument doc = policy.document();
        List<Diagnostic> diagnostics = new ArrayList<>(doc.diagnostics());
        List<CompiledStatement> out = new ArrayList<>();
        boolean substitute = doc.substitutesVariables();
        String name = policy.arn() != null ? policy.arn() : policy.name();
        for (Statement s : doc.statements()) {
            StatementRef ref = new StatementRef(layer, name, s.sid(), s.index(), s.effect(),
                    layer == Layer.SCP || layer == Layer.RCP ? level : -1, s.location());
            boolean valid = true;
            boolean resourceLayer = layer == Layer.RESOURCE || layer == Layer.RCP;
            if (resourceLayer && s.principal() == null) {
                diagnostics.add(Diagnostic.error("RESOURCE_POLICY_NO_PRINCIPAL", "a statement of a "
                        + layer.description() + " needs `Principal` or `NotPrincipal`; it applies to no one",
                        s.location()));
                valid = false;
            }
            if (!resourceLayer && s.principal() != null) {
                diagnostics.add(Diagnostic.warning("IDENTITY_POLICY_PRINCIPAL", "`Principal` has no meaning in"
                        + " a " + layer.description() + " and is ignored", s.principal().location()));
            }
            if (catalog != null) {
                checkActions(s, catalog, diagnostics);
            }
            ConditionCheck[] conditions = new ConditionCheck[s.conditions().size()];
            for (int i = 0; i < conditions.length; i++) {
                conditions[i] = ConditionCompiler.compile(s.conditions().get(i), substitute, diagnostics);
            }
            PrincipalMatcher principal = resourceLayer && s.principal() != null
                    ? PrincipalMatcher.compile(s.principal()) : null;
            if (valid) {
                out.add(new CompiledStatement(ref, s, ActionMatcher.compile(s.action()),
                        ResourceMatcher.compile(s.resource(), substitute), principal, conditions, true));
            }
        }
        return new CompiledPolicy(policy, out, diagnostics);
    }

    private static void checkActions(Statement s, Catalog catalog, List<Diagnostic> diagnostics) {
        List<String> patterns = s.action().patterns();
        for (int i = 0; i < patterns.size(); i++) {
            String p = patterns.get(i);
            if (!"*".equals(p) && catalog.expand(p).isEmpty()) {
                diagnostics.add(Diagnostic.warning("UNKNOWN_ACTION", "`" + p + "` matches no action the catalog"
                        + " knows; it is evaluated as written", s.action().location().child(i)));
            }
        }
    }
}
