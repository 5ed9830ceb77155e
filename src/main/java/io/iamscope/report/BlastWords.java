package io.iamscope.report;

import io.iamscope.policy.Arn;
import io.iamscope.analysis.Hop;
import io.iamscope.analysis.blast.ActionAccess;
import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.analysis.blast.CredentialUse;
import io.iamscope.analysis.blast.Reachable;
import io.iamscope.graph.GraphBuilder;
import io.iamscope.analysis.blast.Grantor;
import io.iamscope.analysis.blast.ResourceAccess;
import io.iamscope.catalog.Tactic;
import io.iamscope.analysis.blast.ServiceAccess;
import io.iamscope.catalog.AccessLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The words the blast-radius renderers share, so that text and Markdown say the same thing. */
final class BlastWords {
    /** The tactics a responder asks about first, in the order the report answers them. */
    static final List<Tactic> FIRST = List.of(Tactic.DEFENSE_EVASION, Tactic.PERSISTENCE, Tactic.CREDENTIAL_ACCESS,
            Tactic.EXFILTRATION, Tactic.IMPACT);

    private BlastWords() {
    }

    /** The question each tactic answers. */
    static String question(Tactic t) {
        return switch (t) {
            case DEFENSE_EVASION -> "tamper with CloudTrail or other logging (defense evasion)";
            case PERSISTENCE -> "create persistence (persistence)";
            case CREDENTIAL_ACCESS -> "read secrets or credentials (credential access)";
            case EXFILTRATION -> "share snapshots or data out (exfiltration)";
            case IMPACT -> "destroy or encrypt (impact)";
            case PRIVILEGE_ESCALATION -> "escalate privileges (privilege escalation)";
            case LATERAL_MOVEMENT -> "move laterally (lateral movement)";
            case EXECUTION -> "run code (execution)";
            case DISCOVERY -> "enumerate the environment (discovery)";
            case COLLECTION -> "gather data (collection)";
            case INITIAL_ACCESS -> "get in (initial access)";
        };
    }

    /** The tactics in report order: the five a responder asks about, then the rest in the catalog's order. */
    static List<Tactic> order() {
        List<Tactic> out = new ArrayList<>(FIRST);
        for (Tactic t : Tactic.values()) {
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The admin verdict, first line of every report. */
    static String admin(BlastRadius b) {
        if (!b.canReachAdmin()) {
            return "NO: neither admin-equivalent nor able to become an administrator";
        }
        String maybe = b.adminConditional() ? "CONDITIONAL: " : "YES: ";
        if (b.adminEquivalent() && b.adminHow().isEmpty()) {
            return maybe + "the start is admin-equivalent in " + b.accountLabel(b.start().account());
        }
        if (b.adminEquivalent()) {
            return maybe + "can make itself an administrator of " + b.accountLabel(b.start().account())
                    + " in one step (`" + b.adminHow() + "`)";
        }
        String account = b.accountLabel(Arn.accountOf(b.adminVia()));
        String as = b.adminVia().endsWith(":root") ? "can take control of " + account
                : "can become an administrator of " + account + " as `" + shortName(b.adminVia()) + "`";
        return maybe + as + " in " + b.adminPath().size() + " step" + (b.adminPath().size() == 1 ? "" : "s");
    }

    /** The first screen's name of each tactic a responder acts on. */
    static String danger(Tactic t) {
        return switch (t) {
            case DEFENSE_EVASION -> "blind logging and detection";
            case PERSISTENCE -> "persist (new keys, users, roles)";
            case CREDENTIAL_ACCESS -> "read secrets";
            case EXFILTRATION -> "take data out";
            case IMPACT -> "destroy or encrypt";
            default -> question(t);
        };
    }

    /** {@code access key `AKIA...` of `bob` (Active, the start): created ..., last used ... in us-west-2 (s3)}. */
    static String credential(CredentialUse c) {
        String who = "access-key".equals(c.kind())
                ? "access key `" + c.id() + "` of `" + shortName(c.principal()) + "` (" + c.status()
                + (c.start() ? ", the start" : "") + ")"
                : "role `" + c.id() + "`" + (c.start() ? " (the start)" : "");
        String created = c.created() == null ? "" : "created " + c.created() + ", ";
        String used = c.lastUsed() == null ? "no use recorded" : "last used " + c.lastUsed()
                + (c.lastUsedRegion() == null ? "" : " in " + c.lastUsedRegion())
                + (c.lastUsedService() == null ? "" : " (" + c.lastUsedService() + ")");
        return who + ": " + created + used;
    }

    /** The statements that allow a hop: the ones to change to cut it. */
    static String allowedBy(Hop h) {
        return h.statements().isEmpty() ? "" : "allowed by " + String.join("; ", h.statements());
    }

    static String hop(Hop h) {
        String s = "`" + shortName(h.from()) + "` -> `" + shortName(h.to()) + "` by " + h.kind().name().toLowerCase()
                + " `" + h.technique() + "`";
        if (!h.evidence().isEmpty()) {
            s += ": " + h.evidence();
        }
        return h.conditional() ? s + " [conditional on " + String.join(", ", h.conditionKeys()) + "]" : s;
    }

    /** One action with where and by whom, abbreviated: {@code s3:GetObject on `x` (+2 more) by `deploy`}. */
    static String action(ActionAccess a) {
        List<ResourceAccess> rs = a.resources();
        ResourceAccess first = rs.get(0);
        StringBuilder sb = new StringBuilder(a.action()).append(" on ")
                .append(first.set() == null ? "`" + first.resource() + "`" : first.describe());
        if (rs.size() > 1) {
            sb.append(" (+").append(rs.size() - 1).append(" more)");
        }
        Grantor g = first.grantedBy().get(0);
        sb.append(" by `").append(shortName(g.principal())).append('`');
        int others = a.principals().size() - 1;
        if (others > 0) {
            sb.append(" (+").append(others).append(" more)");
        }
        if (a.conditional()) {
            sb.append(" [conditional on ").append(String.join(", ", g.conditionKeys())).append(']');
        }
        return sb.toString();
    }

    static String shortName(String arn) {
        if (arn == null) {
            return "";
        }
        if (arn.startsWith("arn:") && arn.endsWith(":root")) {
            // The graph's account node: reaching it means controlling every user and role of the account, not
            // holding the root user's credentials.
            return "account " + Arn.accountOf(arn);
        }
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }

    /**
     * Services in the order a responder reads them: at 3 a.m. what changes things comes first, so by how many
     * permission-management and write actions are reachable definitely, then conditionally; then by prefix.
     */
    static List<ServiceAccess> ranked(List<ServiceAccess> services) {
        List<ServiceAccess> out = new ArrayList<>(services);
        out.sort(Comparator.comparingLong(BlastWords::weight).reversed().thenComparing(ServiceAccess::prefix));
        return out;
    }

    private static long weight(ServiceAccess s) {
        long w = 0;
        for (ActionAccess a : s.actions()) {
            boolean changes = a.accessLevel() == AccessLevel.PERMISSIONS_MANAGEMENT || a.accessLevel() == AccessLevel.WRITE;
            w += (changes ? 10 : 1) * (a.conditional() ? 1 : 3);
        }
        return w;
    }

    /** Whether the last hop to {@code r} is "whoever controls the account can become it". */
    static boolean throughControl(Reachable r) {
        return !r.path().isEmpty() && GraphBuilder.ACCOUNT_ADMIN.equals(r.path().get(r.path().size() - 1).technique());
    }

    /**
     * Reachable principals for a cut list: nearest first, but those of an account whose control the path already
     * holds last: they are many and say nothing control of the account did not, while one reached beyond it
     * (another account entered) is news.
     */
    static List<Reachable> newsFirst(List<Reachable> reachable) {
        List<Reachable> out = new ArrayList<>(reachable);
        out.sort(Comparator.comparing(BlastWords::insideControlledAccount));
        return out;
    }

    private static boolean insideControlledAccount(Reachable r) {
        return r.path().stream().anyMatch(h -> GraphBuilder.ACCOUNT_ADMIN.equals(h.technique())
                && Arn.accountOf(h.from()).equals(r.account()));
    }

    /** {@code 1 service}, {@code 2 services}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
