package io.iamscope.report;

import io.iamscope.analysis.Hop;
import io.iamscope.analysis.diff.AdminState;
import io.iamscope.analysis.diff.PrincipalChange;
import io.iamscope.analysis.trail.ActionUse;
import io.iamscope.analysis.trail.AfterChanges;
import io.iamscope.analysis.trail.Change;
import io.iamscope.analysis.trail.ChangeKind;
import io.iamscope.analysis.trail.CredentialUse;
import io.iamscope.analysis.trail.HeldCredential;
import io.iamscope.analysis.trail.HopStatus;
import io.iamscope.analysis.trail.ObservedHop;
import io.iamscope.analysis.trail.PrincipalUse;
import io.iamscope.analysis.trail.UnexplainedCall;
import io.iamscope.analysis.trail.ResourceUse;
import io.iamscope.analysis.trail.TacticUse;
import io.iamscope.analysis.trail.TrailReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@code iamscope trail} as text: the answer first (a summary that fits one screen), then what was
 * walked, what was changed, what was called and refused. Long lists are cut at 8 lines; JSON holds everything.
 */
public final class TrailTextRenderer {
    private static final int LINES = 8;
    /** Actions named per tactic line; JSON lists all. */
    private static final int ACTIONS_PER_TACTIC = 4;

    private TrailTextRenderer() {
    }

    public static void render(TrailReport t, PrintWriter out) {
        out.println("TRAIL of `" + t.start() + "` (" + t.startArn() + ")");
        out.println("  logs: " + t.logs().files() + " file(s), " + t.logs().records() + " record(s) read"
                + (t.since() != null || t.until() != null ? " in " + window(t) + ", " + t.logs().outside()
                + " outside" : "") + (t.logs().warnings().isEmpty() ? "" : ", " + t.logs().warnings().size()
                + " skipped (WARNINGS below)"));
        if (t.credentials().isEmpty()) {
            out.println("ANSWER: no call of the start's credentials in the logs");
            warnings(t, out);
            return;
        }
        out.println("ANSWER: " + answer(t));
        String checked = checked(t);
        if (checked != null) {
            out.println("  " + checked);
        }
        if (!t.unpredicted().isEmpty() || !t.unpredictedPrincipals().isEmpty() || !t.unexplained().isEmpty()) {
            out.println("!! OUTSIDE THE PREDICTION: the logs show what the graph says could not happen (a missed path,"
                    + " a stale snapshot or missing data)");
            for (ObservedHop h : t.unpredicted()) {
                out.println("  !! " + h.time() + " " + h.event() + " `" + BlastWords.shortName(h.from()) + "` -> `"
                        + BlastWords.shortName(h.to()) + "` (" + h.to() + ", credential " + h.credential() + ")");
            }
            for (PrincipalUse p : t.unpredictedPrincipals()) {
                out.println("  !! acted as `" + p.arn() + "`, which the graph does not reach from the start");
            }
            for (UnexplainedCall c : t.unexplained()) {
                out.println("  !! `" + BlastWords.shortName(c.principalArn()) + "` made " + c.action() + " succeed "
                        + c.succeeded() + " time(s)" + (c.resource() == null ? "" : " (on `" + c.resource() + "`)")
                        + ", which the snapshot says it cannot: " + c.decision());
            }
        }
        out.println();
        out.println("PRINCIPALS USED (" + t.principals().size() + "; " + t.notUsed().size()
                + " more reachable, not used)");
        for (PrincipalUse p : t.principals()) {
            out.println("  `" + p.arn() + "` " + p.first() + " .. " + p.last() + ", " + p.calls() + " call(s), "
                    + p.denied() + " denied" + (p.path().isEmpty() ? p.arn().equals(t.startArn()) ? " (start)"
                    : p.predicted() ? " (created in the window)" : " (NOT PREDICTED)" : ""));
            for (Hop h : p.path()) {
                out.println("      " + BlastWords.hop(h));
            }
        }
        out.println();
        out.println("CREDENTIALS FOLLOWED (" + t.hops().size() + " handed out)");
        cut(t.hops().stream().map(h -> h.time() + " " + h.event() + " `" + BlastWords.shortName(h.from()) + "` -> `"
                + BlastWords.shortName(h.to()) + "` " + h.credential() + ": " + status(h)).toList(), out);
        out.println("  credentials:");
        cut(t.credentials().stream().map(c -> "  " + credential(c)).toList(), out);
        out.println();
        out.println("TACTICS (MITRE ATT&CK, in the order first used)");
        for (TacticUse u : t.tactics()) {
            out.println("  " + u.first() + " .. " + u.last() + " " + tacticWord(u.tactic()) + ": " + u.calls()
                    + " call(s), " + u.denied() + " denied: " + String.join(", ", u.actions().stream()
                    .limit(ACTIONS_PER_TACTIC).toList()) + (u.actions().size() > ACTIONS_PER_TACTIC ? ", +"
                    + (u.actions().size() - ACTIONS_PER_TACTIC) + " more" : ""));
        }
        out.println();
        changes("CHANGES TO REVOKE (persistence)", t, ChangeKind.PERSISTENCE, out);
        after(t.after(), out);
        changes("ATTEMPTS TO BLIND (defense evasion)", t, ChangeKind.EVASION, out);
        out.println("ACTIONS BY SERVICE");
        Map<String, List<ActionUse>> byService = t.actions().stream()
                .collect(Collectors.groupingBy(ActionUse::service, LinkedHashMap::new, Collectors.toList()));
        byService.forEach((service, actions) -> {
            long ok = actions.stream().mapToLong(ActionUse::succeeded).sum();
            long denied = actions.stream().mapToLong(ActionUse::denied).sum();
            out.println("  " + service + ": " + ok + " succeeded, " + denied + " denied");
            cut(actions.stream().map(a -> "  " + a.action() + " " + counts(a) + " [" + tacticWord(a.tactic()) + "]")
                    .toList(), out);
        });
        List<ActionUse> denied = t.actions().stream().filter(a -> a.denied() > 0).toList();
        if (!denied.isEmpty()) {
            out.println();
            out.println("DENIED (what they tried and were refused)");
            cut(denied.stream().map(a -> a.action() + " x" + a.denied() + (a.deniedOn() == null ? ""
                    : " on `" + a.deniedOn() + "`")).toList(), out);
        }
        out.println();
        out.println("RESOURCES TOUCHED (" + (t.resources().size() + t.resourcesNotListed()) + ")");
        cut(t.resources().stream().map(TrailTextRenderer::resource).toList(), out);
        if (!t.notUsed().isEmpty()) {
            out.println();
            out.println("COULD HAVE (reachable, not used: " + t.notUsed().size() + ")");
            cut(t.notUsed().stream().map(a -> "`" + a + "`").toList(), out);
        }
        warnings(t, out);
    }

    /** The answer, the text's {@code ANSWER:} line (the attacker's credentials made calls). */
    static String answer(TrailReport t) {
        long evasion = t.changes().stream().filter(c -> c.kind() == ChangeKind.EVASION).count();
        return "the attacker acted as " + t.principals().size() + " principal(s) (" + t.reachable()
                + " users and roles the graph says it can reach) with " + t.credentials().size() + " credential(s), "
                + t.calls() + " call(s), " + t.denied() + " denied; " + toRevoke(t) + " change(s) to revoke; "
                + (evasion == 0 ? "no attempt to blind" : evasion + " attempt(s) to blind, " + blinded(t)
                + " succeeded");
    }

    /** Successful changes that let the attacker stay. */
    static long toRevoke(TrailReport t) {
        return t.changes().stream().filter(c -> c.kind() == ChangeKind.PERSISTENCE && ok(c)).count();
    }

    /** Successful attempts to blind the defenders. */
    static long blinded(TrailReport t) {
        return t.changes().stream().filter(c -> c.kind() == ChangeKind.EVASION && ok(c)).count();
    }

    /** How far the calls were checked against the snapshot, or null when there is nothing to say. */
    static String checked(TrailReport t) {
        if (t.windowHidesChanges()) {
            return "calls not checked against the snapshot: changes made before the window (--since) are not seen";
        }
        if (t.changesApplied() > 0 || t.actionsNotChecked() > 0) {
            return "calls checked against the snapshot" + (t.changesApplied() == 0 ? ""
                    : ", each with the attacker's changes made before it applied (" + t.changesApplied() + " in all)")
                    + "; " + t.actionsNotChecked() + " action(s) of principals not checked";
        }
        return null;
    }

    /**
     * Which changes were applied: every one the logs hold, with the time of the last ({@code 3 change(s) applied,
     * the last at T}), or those up to {@code --as-of} ({@code as of T: 3 change(s) applied, 2 later not applied}).
     */
    static String appliedWords(AfterChanges a) {
        String applied = a.changes() + " change(s) applied";
        if (a.asOf() == null) {
            return applied + (a.lastApplied() == null ? "" : ", the last at " + a.lastApplied());
        }
        return "as of " + a.asOf() + ": " + applied + (a.pending() > 0 ? ", " + a.pending() + " later not applied" : "");
    }

    /** What the attacker's changes bought, in the words of {@code check}; nothing when there were none. */
    private static void after(AfterChanges a, PrintWriter out) {
        if (a.changes() == 0 && a.asOf() == null) {
            return;
        }
        out.println("AFTER THE ATTACKER'S CHANGES (" + appliedWords(a) + ")");
        if (!a.unknownKeys().isEmpty()) {
            out.println("  conditional on what the logs do not carry: " + String.join(", ", a.unknownKeys()));
        }
        a.diff().warnings().forEach(w -> out.println("  warning: " + w));
        out.println("  credentials the attacker holds:");
        for (HeldCredential h : a.held()) {
            out.println("    `" + BlastWords.shortName(h.principalArn()) + "` (" + (h.time() == null ? h.how()
                    : h.how() + " at " + h.time()) + "): " + (h.before() == h.after() && h.beforeIf() == h.afterIf()
                    ? standing(h.after(), h.afterIf()) : standing(h.before(), h.beforeIf()) + " -> "
                    + standing(h.after(), h.afterIf())));
        }
        List<PrincipalChange> gained = a.diff().gained();
        if (gained.isEmpty()) {
            out.println("  no principal came closer to administrator or reaches anyone new");
        }
        gained.stream().limit(LINES).forEach(c -> DiffTextRenderer.principal(c, out));
        if (gained.size() > LINES) {
            out.println("  ... " + (gained.size() - LINES) + " more (--format json lists all)");
        }
        if (!a.diff().changes().isEmpty()) {
            out.println("  written differently:");
            a.diff().changes().stream().limit(LINES).forEach(c -> DiffTextRenderer.change(c, out));
            if (a.diff().changes().size() > LINES) {
                out.println("  ... " + (a.diff().changes().size() - LINES) + " more (--format json lists all)");
            }
        }
        out.println();
    }

    /** {@code admin-equivalent (conditional)}: the standing, and whether it holds only where unknown keys allow. */
    static String standing(AdminState s, boolean conditional) {
        return s.words() + (conditional ? " (conditional)" : "");
    }

    static boolean ok(Change c) {
        return c.outcome().equals("ok");
    }

    static String window(TrailReport t) {
        return "[" + (t.since() == null ? "" : t.since().toString()) + ", " + (t.until() == null ? ""
                : t.until().toString()) + ")";
    }

    static String status(ObservedHop h) {
        return switch (h.status()) {
            case PREDICTED -> "predicted, " + h.graphPath().stream().map(x -> x.technique())
                    .collect(Collectors.joining(" -> "));
            case SAME_PRINCIPAL -> "its own principal";
            case CREATED_IN_WINDOW -> "a principal created in the window";
            case UNPREDICTED -> "!! NOT PREDICTED by the graph";
        };
    }

    private static String credential(CredentialUse c) {
        return c.key() + " `" + BlastWords.shortName(c.identityArn()) + "` " + c.first() + " .. " + c.last() + ", "
                + c.calls() + " call(s), from " + String.join(", ", c.sourceIps()) + " in "
                + String.join(", ", c.regions());
    }

    private static void changes(String title, TrailReport t, ChangeKind kind, PrintWriter out) {
        List<Change> list = t.changes().stream().filter(c -> c.kind() == kind).toList();
        if (list.isEmpty()) {
            return;
        }
        out.println(title);
        for (Change c : list) {
            out.println("  " + c.time() + " " + c.action() + " [" + tacticWord(c.tactic()) + "]"
                    + (c.target().isEmpty() ? "" : " " + c.target()) + " by `"
                    + BlastWords.shortName(c.principal()) + "` (" + c.credential() + "): " + c.outcome());
        }
        out.println();
    }

    /** A tactic's id ({@code privilege-escalation}); {@code unknown} for a call no rule tags. */
    static String tacticWord(io.iamscope.catalog.Tactic t) {
        return t == null ? "unknown" : t.id();
    }

    static String counts(ActionUse a) {
        String s = a.succeeded() + " ok";
        if (a.denied() > 0) {
            s += ", " + a.denied() + " denied";
        }
        return a.failed() > 0 ? s + ", " + a.failed() + " failed" : s;
    }

    private static String resource(ResourceUse r) {
        return "`" + r.arn() + "` x" + r.calls();
    }

    private static void cut(List<String> lines, PrintWriter out) {
        lines.stream().limit(LINES).forEach(l -> out.println("  " + l));
        if (lines.size() > LINES) {
            out.println("  ... " + (lines.size() - LINES) + " more (--format json lists all)");
        }
    }

    private static void warnings(TrailReport t, PrintWriter out) {
        if (t.logs().warnings().isEmpty()) {
            return;
        }
        out.println();
        out.println("WARNINGS (skipped)");
        cut(t.logs().warnings(), out);
    }

    static String statusWord(HopStatus s) {
        return s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
