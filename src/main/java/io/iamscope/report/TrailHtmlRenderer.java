package io.iamscope.report;

import io.iamscope.analysis.Hop;
import io.iamscope.analysis.diff.AdminState;
import io.iamscope.analysis.diff.PrincipalChange;
import io.iamscope.analysis.diff.SnapshotDiff;
import io.iamscope.analysis.trail.ActionUse;
import io.iamscope.analysis.trail.AfterChanges;
import io.iamscope.analysis.trail.HeldCredential;
import io.iamscope.analysis.trail.Change;
import io.iamscope.analysis.trail.ChangeKind;
import io.iamscope.analysis.trail.CredentialUse;
import io.iamscope.analysis.trail.HopStatus;
import io.iamscope.analysis.trail.ObservedHop;
import io.iamscope.analysis.trail.PrincipalUse;
import io.iamscope.analysis.trail.ResourceUse;
import io.iamscope.analysis.trail.TacticUse;
import io.iamscope.analysis.trail.TrailReport;
import io.iamscope.analysis.trail.UnexplainedCall;
import io.iamscope.report.html.Drawing;
import io.iamscope.report.html.HtmlPage;
import io.iamscope.report.html.LayeredLayout;
import io.iamscope.report.html.Table;
import io.iamscope.report.html.Table.Cell;
import io.iamscope.report.html.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders {@code iamscope trail} as the page the other reports use: the answer first (red when anything is outside
 * the prediction or the attacker blinded the defenders, amber when there are changes to revoke), what lies outside
 * the prediction, then the principals acted as drawn over the graph's paths with the steps taken
 * ({@link TrailPathGraph}: each step's CloudTrail event a click away), and the timeline, changes, actions, denials
 * and resources as sortable, filterable tables. Everything from the logs (event names, ARNs, user agents, request
 * parameters) is the attacker's text: it goes through the page's escaping like any name.
 */
public final class TrailHtmlRenderer {
    private TrailHtmlRenderer() {
    }

    /** The page's values, for {@code trail.mustache}. */
    record View(String command, String title, String subtitle, Verdict verdict, List<String> outside,
                Drawing drawing, List<Table> tables, List<String> warnings) {
        public boolean hasOutside() {
            return !outside.isEmpty();
        }

        public boolean hasWarnings() {
            return !warnings.isEmpty();
        }
    }

    public static void render(TrailReport t, PrintWriter out) {
        String logs = t.logs().files() + " log file(s), " + t.logs().records() + " record(s) read"
                + (t.since() != null || t.until() != null ? " in " + TrailTextRenderer.window(t) + ", "
                + t.logs().outside() + " outside" : "") + (t.logs().warnings().isEmpty() ? ""
                : ", " + t.logs().warnings().size() + " skipped (listed at the end)");
        String subtitle = t.start() + " (" + t.startArn() + "); " + logs;
        String title = "Trail of " + BlastWords.shortName(t.startArn());
        if (t.credentials().isEmpty()) {
            Verdict verdict = new Verdict("good", "no call of the start's credentials in the logs", null, List.of());
            HtmlPage.render("trail", new View("trail", title, subtitle, verdict, List.of(), null, List.of(),
                    t.logs().warnings()), out);
            return;
        }
        List<String> outside = outside(t);
        String tone = !outside.isEmpty() || TrailTextRenderer.blinded(t) > 0 ? "bad"
                : TrailTextRenderer.toRevoke(t) > 0 ? "warn" : "good";
        Verdict verdict = new Verdict(tone, "ANSWER: " + TrailTextRenderer.answer(t), TrailTextRenderer.checked(t),
                List.of());
        List<Table> tables = List.of(principals(t), handedOut(t), credentials(t), tactics(t),
                changes(t, ChangeKind.PERSISTENCE, "persistence", "Changes to revoke (persistence)"), held(t),
                bought(t), changes(t, ChangeKind.EVASION, "evasion", "Attempts to blind (defense evasion)"), actions(t),
                denied(t), resources(t), couldHave(t));
        HtmlPage.render("trail", new View("trail", title, subtitle, verdict, outside,
                LayeredLayout.lay(TrailPathGraph.of(t)), tables, t.logs().warnings()), out);
    }

    /** What the logs show and the graph says could not happen, as the text's {@code !!} lines say it. */
    static List<String> outside(TrailReport t) {
        List<String> lines = new ArrayList<>();
        for (ObservedHop h : t.unpredicted()) {
            lines.add(h.time() + " " + h.event() + " " + BlastWords.shortName(h.from()) + " -> "
                    + BlastWords.shortName(h.to()) + " (" + h.to() + ", credential " + h.credential()
                    + "): a step the graph says cannot be taken");
        }
        for (PrincipalUse p : t.unpredictedPrincipals()) {
            lines.add("acted as " + p.arn() + ", which the graph does not reach from the start");
        }
        for (UnexplainedCall c : t.unexplained()) {
            lines.add(BlastWords.shortName(c.principalArn()) + " made " + c.action() + " succeed " + c.succeeded()
                    + " time(s)" + (c.resource() == null ? "" : " (on " + c.resource() + ")")
                    + ", which the snapshot says it cannot: " + c.decision());
        }
        return lines;
    }

    private static Table principals(TrailReport t) {
        List<Table.Row> rows = new ArrayList<>();
        for (PrincipalUse p : t.principals()) {
            String graph = p.arn().equals(t.startArn()) ? "start" : !p.path().isEmpty() ? "predicted"
                    : p.predicted() ? "created in the window" : "NOT PREDICTED";
            rows.add(new Table.Row(List.of(Cell.code(BlastWords.shortName(p.arn())), Cell.time(p.first().toString()),
                    Cell.time(p.last().toString()), Cell.number(p.calls()), Cell.number(p.denied()),
                    Cell.number(p.credentials()), Cell.text(graph), Cell.code(path(p.path())), Cell.code(p.arn())),
                    !p.predicted()));
        }
        return new Table("principals", "Principals acted as (" + t.principals().size() + ")", List.of("principal",
                "first call", "last call", "calls", "denied", "credentials", "graph", "graph path", "ARN"), rows, null);
    }

    private static Table handedOut(TrailReport t) {
        List<Table.Row> rows = new ArrayList<>();
        for (ObservedHop h : t.hops()) {
            rows.add(new Table.Row(List.of(Cell.time(h.time().toString()), Cell.code(h.event()),
                    Cell.code(BlastWords.shortName(h.from())), Cell.code(BlastWords.shortName(h.to())),
                    Cell.code(h.credential()), Cell.text(TrailTextRenderer.statusWord(h.status())),
                    Cell.code(path(h.graphPath()))), h.status() == HopStatus.UNPREDICTED));
        }
        return new Table("hops", "Credentials handed out (" + t.hops().size() + ")", List.of("time", "call", "from",
                "to", "credential", "the graph", "graph path"), rows, null);
    }

    private static Table credentials(TrailReport t) {
        List<Table.Row> rows = new ArrayList<>();
        for (CredentialUse c : t.credentials()) {
            rows.add(new Table.Row(List.of(Cell.code(c.key()), Cell.code(BlastWords.shortName(c.identityArn())),
                    Cell.code(BlastWords.shortName(c.principalArn())), Cell.code(c.issuedBy() == null ? ""
                            : c.issuedBy()), Cell.time(c.first().toString()), Cell.time(c.last().toString()),
                    Cell.number(c.calls()), Cell.number(c.denied()), Cell.code(String.join(", ", c.sourceIps())),
                    Cell.code(String.join(", ", c.regions())), Cell.code(String.join(", ", c.userAgents()))), false));
        }
        return new Table("credentials", "Timeline: credentials followed (" + t.credentials().size() + ")",
                List.of("credential", "signed as", "principal", "handed out by", "first call", "last call", "calls",
                        "denied", "source IPs", "regions", "user agents"), rows, null);
    }

    private static Table tactics(TrailReport t) {
        List<Table.Row> rows = new ArrayList<>();
        for (TacticUse u : t.tactics()) {
            rows.add(new Table.Row(List.of(Cell.text(TrailTextRenderer.tacticWord(u.tactic())),
                    Cell.time(u.first().toString()), Cell.time(u.last().toString()), Cell.number(u.calls()),
                    Cell.number(u.denied()), Cell.code(String.join(", ", u.actions()))), false));
        }
        return new Table("tactics", "Tactics (MITRE ATT&CK), in the order first used", List.of("tactic",
                "first call", "last call", "calls", "denied", "actions"), rows, null);
    }

    private static Table changes(TrailReport t, ChangeKind kind, String id, String caption) {
        List<Table.Row> rows = new ArrayList<>();
        for (Change c : t.changes()) {
            if (c.kind() == kind) {
                rows.add(new Table.Row(List.of(Cell.time(c.time().toString()), Cell.code(c.action()),
                        Cell.text(TrailTextRenderer.tacticWord(c.tactic())), Cell.code(c.target()), Cell.code(BlastWords.shortName(c.principal())), Cell.code(c.credential()),
                        Cell.text(c.outcome())), TrailTextRenderer.ok(c)));
            }
        }
        return new Table(id, caption, List.of("time", "action", "tactic", "target", "by", "credential", "outcome"),
                rows, null);
    }

    /** The credentials the attacker holds, with what each gives before and after the changes. */
    private static Table held(TrailReport t) {
        AfterChanges a = t.after();
        List<Table.Row> rows = new ArrayList<>();
        for (HeldCredential h : a.held()) {
            rows.add(new Table.Row(List.of(Cell.code(BlastWords.shortName(h.principalArn())), Cell.code(h.how()),
                    Cell.time(h.time() == null ? "" : h.time().toString()), Cell.text(TrailTextRenderer.standing(h.before(), h.beforeIf())),
                    Cell.text(TrailTextRenderer.standing(h.after(), h.afterIf())), Cell.code(h.principalArn())),
                    h.after() == AdminState.ADMIN));
        }
        return new Table("held", "After the attacker's changes (" + TrailTextRenderer.appliedWords(a)
                + "): credentials held", List.of("principal",
                "credential", "made", "before the changes", "after", "ARN"), rows, a.unknownKeys().isEmpty() ? null
                : "conditional on what the logs do not carry: " + String.join(", ", a.unknownKeys()));
    }

    /** What the changes bought, as {@code check} says it: who came closer to admin, what was written. */
    private static Table bought(TrailReport t) {
        SnapshotDiff d = t.after().diff();
        List<Table.Row> rows = new ArrayList<>();
        for (PrincipalChange c : d.gained()) {
            rows.add(new Table.Row(List.of(Cell.code(BlastWords.shortName(c.arn())), Cell.text("standing"),
                    Cell.text(c.before().words() + " -> " + c.after().words() + (c.newlyCount() > 0 ? "; reaches "
                            + c.newlyCount() + " more principal(s)" : ""))), true));
        }
        for (io.iamscope.analysis.diff.Change c : d.changes()) {
            rows.add(new Table.Row(List.of(Cell.code(c.subject()), Cell.text(c.kind().word() + " " + c.what()),
                    Cell.code(c.document() != null ? c.document().toString() : c.detail())), false));
        }
        return new Table("bought", "What the changes bought (" + d.gained().size() + " principal(s) gained, "
                + d.changes().size() + " written differently)", List.of("subject", "change", "detail"), rows,
                d.warnings().isEmpty() ? null : String.join("; ", d.warnings()));
    }

    private static Table actions(TrailReport t) {
        List<Table.Row> rows = t.actions().stream().map(a -> new Table.Row(List.of(Cell.code(a.service()),
                Cell.code(a.action()), Cell.text(TrailTextRenderer.tacticWord(a.tactic())), Cell.time(a.first().toString()),
                Cell.number(a.succeeded()), Cell.number(a.denied()), Cell.number(a.failed())), false)).toList();
        return new Table("actions", "Actions by service (" + t.actions().stream().map(ActionUse::service).distinct()
                .count() + " services)", List.of("service", "action", "tactic", "first call", "succeeded", "denied",
                "failed otherwise"), rows, null);
    }

    private static Table denied(TrailReport t) {
        List<Table.Row> rows = t.actions().stream().filter(a -> a.denied() > 0).map(a -> new Table.Row(List.of(
                Cell.code(a.action()), Cell.number(a.denied()), Cell.code(a.deniedOn() == null ? "" : a.deniedOn())),
                false)).toList();
        return new Table("denied", "Denied (what they tried and were refused)", List.of("action", "times",
                "on (a resource a record names)"), rows, null);
    }

    private static Table resources(TrailReport t) {
        List<Table.Row> rows = new ArrayList<>();
        for (ResourceUse r : t.resources()) {
            rows.add(new Table.Row(List.of(Cell.code(r.arn()), Cell.number(r.calls())), false));
        }
        return new Table("resources", "Resources touched (" + (t.resources().size() + t.resourcesNotListed()) + ")",
                List.of("resource", "calls"), rows, t.resourcesNotListed() == 0 ? null : "... and "
                + t.resourcesNotListed() + " more not kept (at most 1,000 per credential)");
    }

    private static Table couldHave(TrailReport t) {
        List<Table.Row> rows = new ArrayList<>();
        for (String arn : t.notUsed()) {
            List<Hop> path = t.notUsedPaths().get(arn);
            rows.add(new Table.Row(List.of(Cell.code(BlastWords.shortName(arn)),
                    Cell.text(TrailPathGraph.kind(arn)), path == null ? Cell.text("") : Cell.number(path.size()),
                    Cell.code(path == null ? "" : path(path)), Cell.code(arn)), false));
        }
        return new Table("could-have", "Could have (reachable, not used: " + t.notUsed().size() + ")",
                List.of("principal", "kind", "hops", "graph path", "ARN"), rows, null);
    }

    /** A graph path in one line: {@code iam-create-policy-version -> account 333333333333, account-admin -> x}. */
    private static String path(List<Hop> path) {
        return path.stream().map(h -> h.technique() + " -> " + BlastWords.shortName(h.to()))
                .collect(Collectors.joining(", "));
    }
}
