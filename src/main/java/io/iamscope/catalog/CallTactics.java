package io.iamscope.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The MITRE ATT&amp;CK tactic of a call seen in CloudTrail, for a trail's timeline: the first rule of
 * call-tactics.json whose event patterns match ({@code signin:ConsoleLogin} is initial access, {@code s3:GetObject}
 * collection), else the most urgent tactic {@link Tactics} gives the IAM action ({@code iam:CreatePolicyVersion}
 * privilege escalation), else none. A permission may serve several tactics; a call is shown under one.
 */
public final class CallTactics {
    static final String RESOURCE = "/io/iamscope/catalog/call-tactics.json";

    /** One rule: events matching {@code patterns} are {@code tactic}, by the ATT&amp;CK technique {@code attack}. */
    public record Rule(Tactic tactic, List<String> patterns, String attack, String why, List<Wildcard> globs) {
        public Rule {
            patterns = List.copyOf(patterns);
            globs = List.copyOf(globs);
        }

        boolean matches(String action) {
            String lower = action.toLowerCase(Locale.ROOT);
            return globs.stream().anyMatch(g -> g.matchesLower(lower));
        }
    }

    private final List<Rule> rules;
    private final Tactics tactics;

    private CallTactics(List<Rule> rules, Tactics tactics) {
        this.rules = List.copyOf(rules);
        this.tactics = tactics;
    }

    /** The bundled rules, falling back on {@code tactics}. */
    public static CallTactics load(Tactics tactics) {
        return RuleFile.bundled(RESOURCE, "call tactics", in -> read(in, RESOURCE, tactics));
    }

    /** Reads a call tactics file (format 1); {@code origin} names it in error messages. */
    public static CallTactics read(InputStream json, String origin, Tactics tactics) {
        JsonNode list = RuleFile.rules(json, "call tactics", origin);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String at = "/rules/" + i;
            String id = n.path("tactic").asText("");
            Tactic tactic = Tactic.byId(id).orElseThrow(() -> new CatalogException("call tactics `" + origin
                    + "` is malformed: `" + at + "/tactic` is `" + id + "`, not a known tactic"));
            JsonNode events = n.path("events");
            String attack = n.path("attack").asText("");
            String why = n.path("why").asText("");
            if (!events.isArray() || events.isEmpty() || attack.isBlank() || why.isBlank()) {
                throw new CatalogException("call tactics `" + origin + "` is malformed: `" + at
                        + "` needs a non-empty `events` array, an `attack` technique and a `why`");
            }
            List<String> patterns = new ArrayList<>();
            events.forEach(e -> patterns.add(e.asText()));
            rules.add(new Rule(tactic, patterns, attack, why, patterns.stream().map(Wildcard::of).toList()));
        }
        return new CallTactics(rules, tactics);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The tactic of a call to {@code action} ({@code iam:CreateAccessKey}), empty when none is known. */
    public Optional<Tactic> of(String action) {
        for (Rule r : rules) {
            if (r.matches(action)) {
                return Optional.of(r.tactic());
            }
        }
        Optional<Action> a = tactics.catalog().action(action);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        Set<Tactic> of = tactics.tacticsOf(a.get().id());
        // An EnumSet iterates in the enum's order: the most urgent first.
        return of.stream().findFirst();
    }
}
