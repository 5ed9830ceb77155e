package io.iamscope.report;

import io.iamscope.analysis.Hop;
import io.iamscope.analysis.blast.ActionAccess;
import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.analysis.blast.CredentialUse;
import io.iamscope.analysis.blast.Reachable;
import io.iamscope.analysis.blast.TacticAccess;
import io.iamscope.catalog.Tactic;
import io.iamscope.graph.NodeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first screen of a blast radius, what a responder reads before anything else: is the attacker an
 * administrator and by which path (each hop with the statement that allows it), which accounts it controls or
 * enters, the credentials to revoke and look up, the most dangerous capabilities in the order a responder acts
 * on them, and what to do next. Text and Markdown lay it out each their way.
 *
 * @param verdict     the admin answer, one line
 * @param path        the hops to an administrator, in order (empty when the start is one, or none)
 * @param accounts    one line per account: controlled, or entered with the principals reached there
 * @param credentials one line per credential, the start's first, then the most recently used
 * @param dangers     one line per tactic a responder acts on, its most urgent actions first
 * @param next        what to do next, and where the rest of the report is
 */
record BlastAnswer(String verdict, List<Hop> path, List<String> accounts, List<String> credentials,
                   List<String> dangers, List<String> next) {
    /** Credentials and principals named per account on the first screen. */
    static final int SHORT = 5;
    /** Actions named per tactic on the first screen. */
    static final int NAMED = 3;
    /** The tactics of the first screen, in the order a responder acts on them. */
    static final List<Tactic> DANGERS = List.of(Tactic.DEFENSE_EVASION, Tactic.PERSISTENCE,
            Tactic.CREDENTIAL_ACCESS, Tactic.EXFILTRATION, Tactic.IMPACT);

    static BlastAnswer of(BlastRadius b, Bounds bounds, String format) {
        return new BlastAnswer(BlastWords.admin(b), adminHops(b), accounts(b, bounds), credentials(b, bounds),
                dangers(b), next(b, bounds, format));
    }

    /** The path to an administrator; a start that makes itself one takes the one step to its account's control. */
    static List<Hop> adminHops(BlastRadius b) {
        if (!b.adminPath().isEmpty() || b.adminHow().isEmpty()) {
            return b.adminPath();
        }
        return b.reachable().stream().filter(r -> r.kind() == NodeKind.ROOT
                && r.account().equals(b.start().account())).findFirst().map(Reachable::path).orElse(List.of());
    }

    /** The accounts whose control the start holds or reaches, nearest first. */
    static Set<String> controlled(BlastRadius b) {
        Set<String> out = new LinkedHashSet<>();
        if (b.adminEquivalent()) {
            out.add(b.start().account());
        }
        b.reachable().stream().filter(r -> r.kind() == NodeKind.ROOT).forEach(r -> out.add(r.account()));
        return out;
    }

    private static List<String> accounts(BlastRadius b, Bounds bounds) {
        Set<String> controlled = controlled(b);
        Map<String, List<Reachable>> byAccount = new LinkedHashMap<>();
        byAccount.put(b.start().account(), new ArrayList<>());
        for (Reachable r : b.reachable()) {
            if (r.account() != null && (r.kind() == NodeKind.USER || r.kind() == NodeKind.ROLE)) {
                byAccount.computeIfAbsent(r.account(), k -> new ArrayList<>()).add(r);
            }
        }
        List<String> out = new ArrayList<>();
        for (String account : controlled) {
            Reachable node = b.reachable().stream().filter(r -> r.kind() == NodeKind.ROOT
                    && account.equals(r.account())).findFirst().orElse(null);
            int principals = byAccount.getOrDefault(account, List.of()).size();
            boolean conditional = node == null ? b.adminConditional() : node.conditional();
            out.add("full control of " + b.accountLabel(account) + ": whatever its SCPs allow" + (principals == 0 ? ""
                    : ", as any of its users and roles (" + principals + " reachable)") + (conditional && node != null
                    ? " [conditional on " + String.join(", ", Hop.keys(node.path())) + "]" : ""));
        }
        byAccount.forEach((account, list) -> {
            if (controlled.contains(account) || list.isEmpty()) {
                return;
            }
            List<String> names = new ArrayList<>();
            int keep = bounds.keep(list.size(), SHORT);
            for (Reachable r : list.subList(0, keep)) {
                names.add(r.kind().name().toLowerCase() + " `" + BlastWords.shortName(r.arn()) + "` (" + r.path().size()
                        + " hop" + (r.path().size() == 1 ? "" : "s") + (r.admin() ? ", ADMIN" : "")
                        + (r.conditional() ? ", conditional" : "") + ")");
            }
            String more = list.size() > keep ? ", +" + (list.size() - keep) + " more" : "";
            String verb = account.equals(b.start().account()) ? "within " : "into ";
            out.add(verb + b.accountLabel(account) + ": " + String.join(", ", names) + more);
        });
        if (out.isEmpty()) {
            out.add("only its own permissions in " + b.accountLabel(b.start().account())
                    + ": it can become no other principal");
        }
        return out;
    }

    private static List<String> credentials(BlastRadius b, Bounds bounds) {
        List<CredentialUse> all = b.credentials();
        int keep = bounds.keep(all.size(), SHORT);
        List<String> out = new ArrayList<>();
        for (CredentialUse c : all.subList(0, keep)) {
            out.add(BlastWords.credential(c));
        }
        if (all.size() > keep) {
            out.add("... and " + (all.size() - keep) + " more credentials of the reachable principals (--detail full lists"
                    + " them)");
        }
        return out;
    }

    private static List<String> dangers(BlastRadius b) {
        Set<String> controlled = controlled(b);
        Map<Tactic, TacticAccess> by = new LinkedHashMap<>();
        b.tactics().forEach(t -> by.put(t.tactic(), t));
        List<String> out = new ArrayList<>();
        for (Tactic t : DANGERS) {
            TacticAccess ta = by.get(t);
            if (ta == null) {
                // An administrator may grant itself what it does not hold yet: the answer is not "no".
                out.add(BlastWords.danger(t) + (controlled.isEmpty() ? ": no" : ": YES, as administrator of "
                        + String.join(", ", controlled.stream().map(b::accountLabel).toList())
                        + " (none held yet: it would grant itself them)"));
                continue;
            }
            long definite = ta.actions().stream().filter(a -> !a.conditional()).count();
            List<ActionAccess> named = ta.actions().subList(0, Math.min(NAMED, ta.actions().size()));
            Set<String> keys = new LinkedHashSet<>();
            named.stream().filter(ActionAccess::conditional)
                    .forEach(a -> keys.addAll(a.resources().get(0).grantedBy().get(0).conditionKeys()));
            StringBuilder sb = new StringBuilder(BlastWords.danger(t)).append(": ")
                    .append(definite > 0 ? "YES" : "CONDITIONAL").append(", ").append(ta.actions().size())
                    .append(ta.actions().size() == 1 ? " action" : " actions")
                    .append(definite > 0 && definite < ta.actions().size() ? " (" + definite + " definite)" : "")
                    .append(": ");
            sb.append(String.join(", ", named.stream().map(a -> a.action() + (a.conditional() && definite > 0
                    ? " (conditional)" : "")).toList()));
            if (ta.actions().size() > named.size()) {
                sb.append(", +").append(ta.actions().size() - named.size()).append(" more");
            }
            if (definite == 0 && !keys.isEmpty()) {
                sb.append(" [conditional on ").append(String.join(", ", keys)).append(']');
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static List<String> next(BlastRadius b, Bounds bounds, String format) {
        List<String> out = new ArrayList<>();
        // The key the user named; for a user named, each of its active keys (an inactive one is already off).
        List<CredentialUse> keys = b.credentials().stream().filter(c -> c.start() && "access-key".equals(c.kind()))
                .toList();
        List<CredentialUse> named = keys.stream().filter(c -> c.id().equals(b.start().query())).toList();
        for (CredentialUse c : named.isEmpty() ? keys.stream().filter(k -> "Active".equalsIgnoreCase(k.status()))
                .toList() : named) {
            out.add("revoke the key: aws iam update-access-key --user-name " + BlastWords.shortName(c.principal())
                    + " --access-key-id " + c.id() + " --status Inactive");
        }
        if ("role".equals(b.start().kind())) {
            out.add("revoke the role's sessions: IAM console, role `" + BlastWords.shortName(b.start().arn())
                    + "`, Revoke active sessions (AWSRevokeOlderSessions)");
        }
        long engines = b.huntingQueries().stream().map(q -> q.engine()).distinct().count();
        String where = bounds.detail() == Detail.SUMMARY ? " (printed with --detail standard)" : " (below)";
        int queries = b.huntingQueries().size();
        out.add("hunt: " + queries + " CloudTrail " + (queries == 1 ? "query" : "queries") + " for " + BlastWords.count(engines, "engine") + " over " + BlastWords.count(b.huntTargets().size(),
                "target") + where);
        out.add(switch (bounds.detail()) {
            case SUMMARY -> "details: --detail standard (lists cut at " + bounds.limit() + ", --limit N), "
                    + "--detail full (everything), --format json for tools";
            case STANDARD -> "details: below, each list cut at " + bounds.limit() + " (--limit N); --detail full "
                    + "prints everything" + ("text".equals(format) ? ", --format json for tools" : "");
            case FULL -> "details: below, every list in full";
        });
        return out;
    }
}
