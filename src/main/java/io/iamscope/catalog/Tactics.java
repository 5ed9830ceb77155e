package io.iamscope.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The curated incident-response tactics of tactics.json (see docs/catalog.md), expanded against one catalog:
 * which tactics an action serves and why, and an action set grouped by tactic.
 */
public final class Tactics {
    static final String RESOURCE = "/io/iamscope/catalog/tactics.json";

    private final Catalog catalog;
    private final List<TacticRule> rules;
    private final Map<Tactic, ActionSet> byTactic = new EnumMap<>(Tactic.class);

    private Tactics(Catalog catalog, List<TacticRule> rules) {
        this.catalog = catalog;
        this.rules = List.copyOf(rules);
        Map<Tactic, ActionSet.Builder> builders = new EnumMap<>(Tactic.class);
        for (Tactic t : Tactic.values()) {
            builders.put(t, new ActionSet.Builder(catalog.size()));
        }
        for (TacticRule r : rules) {
            builders.get(r.tactic()).addAll(r.actions());
        }
        builders.forEach((t, b) -> byTactic.put(t, b.build()));
    }

    /** The bundled tactics, expanded against {@code catalog}. */
    public static Tactics load(Catalog catalog) {
        return RuleFile.bundled(RESOURCE, "tactics", in -> read(catalog, in, RESOURCE));
    }

    /** Reads a tactics file (format 1); {@code origin} names it in error messages. */
    public static Tactics read(Catalog catalog, InputStream json, String origin) {
        JsonNode rulesNode = RuleFile.rules(json, "tactics", origin);
        List<TacticRule> rules = new ArrayList<>();
        for (int i = 0; i < rulesNode.size(); i++) {
            rules.add(rule(catalog, rulesNode.get(i), origin, "/rules/" + i));
        }
        return new Tactics(catalog, rules);
    }

    private static TacticRule rule(Catalog catalog, JsonNode node, String origin, String at) {
        String tacticId = node.path("tactic").asText("");
        Tactic tactic = Tactic.byId(tacticId).orElseThrow(() -> new CatalogException("tactics `" + origin
                + "` is malformed: `" + at + "/tactic` is `" + tacticId + "`, not a known tactic"));
        JsonNode actions = node.path("actions");
        String why = node.path("why").asText("");
        if (!actions.isArray() || actions.isEmpty() || why.isBlank()) {
            throw new CatalogException("tactics `" + origin + "` is malformed: `" + at
                    + "` needs a non-empty `actions` array and a `why`");
        }
        List<String> patterns = new ArrayList<>();
        actions.forEach(a -> patterns.add(a.asText()));
        return new TacticRule(tactic, patterns, why, catalog.expandAll(patterns));
    }

    /** The catalog the rules were expanded against. */
    public Catalog catalog() {
        return catalog;
    }

    public List<TacticRule> rules() {
        return rules;
    }

    /** The tactics the action {@code actionId} serves; empty when none. */
    public Set<Tactic> tacticsOf(int actionId) {
        Set<Tactic> tactics = EnumSet.noneOf(Tactic.class);
        byTactic.forEach((t, set) -> {
            if (set.contains(actionId)) {
                tactics.add(t);
            }
        });
        return tactics;
    }

    /**
     * Where the action stands among what {@code tactic} covers: the index of the first of the tactic's rules that
     * names it (the rules are written most urgent first: {@code cloudtrail:StopLogging} before
     * {@code organizations:DeletePolicy}), or {@link Integer#MAX_VALUE} when none does.
     */
    public int rank(Tactic tactic, int actionId) {
        int i = 0;
        for (TacticRule r : rules) {
            if (r.tactic() == tactic) {
                if (r.actions().contains(actionId)) {
                    return i;
                }
                i++;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The rules that tag the action {@code actionId}, each with its reason. */
    public List<TacticRule> rulesFor(int actionId) {
        return rules.stream().filter(r -> r.actions().contains(actionId)).toList();
    }

    /** Every action of the catalog that serves {@code tactic}. */
    public ActionSet actionsOf(Tactic tactic) {
        return byTactic.get(tactic);
    }

    /** {@code actions} split by tactic, in tactic order; tactics none of the actions serve are left out. */
    public Map<Tactic, ActionSet> group(ActionSet actions) {
        Map<Tactic, ActionSet> groups = new EnumMap<>(Tactic.class);
        byTactic.forEach((t, set) -> {
            ActionSet hit = set.intersect(actions);
            if (!hit.isEmpty()) {
                groups.put(t, hit);
            }
        });
        return groups;
    }
}
