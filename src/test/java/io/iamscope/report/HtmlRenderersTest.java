package io.iamscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.analysis.Hop;
import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.analysis.blast.Reachable;
import io.iamscope.analysis.blast.Start;
import io.iamscope.analysis.hunt.HuntingQuery;
import io.iamscope.graph.EdgeKind;
import io.iamscope.graph.NodeKind;
import io.iamscope.report.ReportInputs.Input;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Golden files of the HTML pages ({@code --format html}), and what must hold of any page: text from a snapshot
 * escaped, nothing fetched. What the page does in a browser is {@link HtmlPagesInBrowserTest}'s.
 */
class HtmlRenderersTest {
    /** Text a snapshot could hold in a name, a tag, a description or a Sid: each is markup if not escaped. */
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMAGE = "\"><img src=x onerror=alert(2)>";

    static String blastPage() {
        BlastRadius b = ReportInputs.blastRadius(Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY);
        return Golden.render(out -> BlastHtmlRenderer.render(b, Bounds.STANDARD, out));
    }

    @Test
    void blastRadiusPageOfTheContractorKey() {
        Golden.assertMatches("blast-html/sample-org.AKIAZCONTRACTOR7LEAK.html", blastPage(), blastPage());
    }

    static String reviewPage() {
        return Golden.render(out -> ReviewHtmlRenderer.render(ReportInputs.review(Input.SAMPLE_ORG), out));
    }

    @Test
    void reviewPageOfTheSampleOrganization() {
        String page = reviewPage();
        Golden.assertMatches("review-html/sample-org.html", page, page);
    }

    /** The counts first, then the most urgent findings; every finding in the table and in detail. */
    @Test
    void reviewPageAnswersFirst() {
        String page = reviewPage();
        assertTrue(page.indexOf("id=\"verdict\"") < page.indexOf("id=\"top\""));
        assertTrue(page.contains("FINDINGS: 70 (critical 2, high 11, medium 14, low 14, info 29); 5 suppressed"), page);
        int findings = ReportInputs.review(Input.SAMPLE_ORG).findings().size();
        assertEquals(findings, count(page, "<details class=\"finding\""));
        String table = page.substring(page.indexOf("<table class=\"data sortable\" id=\"findings\""));
        assertEquals(findings, count(table.substring(0, table.indexOf("</table>")), "<tr") - 1);
    }

    static String graphPage() {
        String start = ReportInputs.CONTRACTOR_KEY;
        return Golden.render(out -> GraphHtmlRenderer.render(ReportInputs.startSubgraph(Input.SAMPLE_ORG, start, false),
                ReportInputs.startNode(Input.SAMPLE_ORG, start), ReportInputs.adminStatus(Input.SAMPLE_ORG), false, out));
    }

    @Test
    void graphPageOfTheContractorKey() {
        String page = graphPage();
        Golden.assertMatches("graph-html/sample-org.start-AKIAZCONTRACTOR7LEAK.html", page, page);
        // The same tree as the other exports of this start (graph-mermaid/sample-org.start-...): 31 nodes, 30 edges.
        assertEquals(31, count(page, "<g class=\"node"));
        assertEquals(30, count(page, "<g class=\"edge"));
    }

    static String trailPage() {
        return Golden.render(out -> TrailHtmlRenderer.render(ReportInputs.trail(Input.SAMPLE_ORG,
                ReportInputs.CONTRACTOR_KEY, List.of(ReportInputs.SAMPLE_LOGS, ReportInputs.UNPREDICTED_LOGS)), out));
    }

    /** The sample's night plus an unpredicted hop (acme-deploy into break-glass-prod), so that it shows. */
    @Test
    void trailPageOfTheContractorKey() {
        String page = trailPage();
        Golden.assertMatches("trail-html/sample-org.contractor-key.unpredicted.html", page, page);
    }

    /**
     * The answer first, red, then what is outside the prediction; the five credentials handed out drawn as steps
     * taken, the one into break-glass-prod marked, each with its evidence.
     */
    @Test
    void trailPageAnswersFirstAndDrawsTheStepsTaken() {
        String page = trailPage();
        int verdict = page.indexOf("<section class=\"verdict bad\" id=\"verdict\">");
        assertTrue(verdict > page.indexOf("<main>"), page);
        assertTrue(verdict < page.indexOf("id=\"outside\"") && page.indexOf("id=\"outside\"") < page.indexOf("id=\"paths\""));
        assertTrue(page.contains("ANSWER: the attacker acted as 6 principal(s)"), page);
        assertEquals(5, count(page, "<g class=\"edge walked"));
        assertEquals(1, count(page, "<g class=\"edge walked unexpected\""));
        assertTrue(page.contains("data-to=\"break-glass-prod\""));
        assertEquals(count(page, "<g class=\"edge"), count(page, "class=\"hop-evidence\""));
        assertTrue(page.contains("<dt>credential handed out</dt><dd><code>ASIAZPRODBREAKGLASS1</code></dd>"), page);
        assertTrue(page.contains("<g class=\"node unexpected\""), "break-glass-prod stands out");
        // Could-have principals drawn faint, whole paths, under the drawing's bound.
        assertTrue(count(page, "<g class=\"node faint\"") > 0);
        assertTrue(count(page, "<g class=\"node") <= BlastPathGraph.MOST);
    }

    /** A start whose credentials made no call: the answer says so, green, and nothing is drawn. */
    @Test
    void aTrailWithoutCallsSaysSo() {
        String page = Golden.render(out -> TrailHtmlRenderer.render(ReportInputs.trail(Input.SAMPLE_ORG, "intern-tkim",
                List.of(ReportInputs.SAMPLE_LOGS)), out));
        assertTrue(page.contains("<section class=\"verdict good\" id=\"verdict\">"), page);
        assertTrue(page.contains("no call of the start&#39;s credentials in the logs"), page);
        assertFalse(page.contains("id=\"path-graph\""), page);
    }

    /** The drawing is bounded: past its size, whole could-have paths are left out and counted. */
    @Test
    void theTrailDrawingKeepsWholePathsUnderItsBound() {
        io.iamscope.analysis.trail.TrailReport t = ReportInputs.trail(Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY,
                List.of(ReportInputs.SAMPLE_LOGS));
        io.iamscope.report.html.PathGraph g = TrailPathGraph.of(t, 12);
        assertTrue(g.nodes().size() <= 12, g.nodes().size() + " nodes");
        java.util.Set<String> drawn = new java.util.HashSet<>();
        g.nodes().forEach(n -> drawn.add(n.arn()));
        g.hops().forEach(h -> assertTrue(drawn.contains(h.from()) && drawn.contains(h.to()), h.toString()));
        g.walked().forEach(w -> assertTrue(drawn.contains(w.from()) && drawn.contains(w.to()), w.toString()));
        t.principals().forEach(p -> assertTrue(drawn.contains(p.arn()), "every principal used is drawn: " + p.arn()));
        long faint = g.nodes().stream().filter(n -> n.style().equals("faint") && !n.kind().equals("control of account"))
                .count();
        assertEquals(t.notUsed().size() - faint, g.omitted());
        assertTrue(g.omitted() > 0);
    }

    /** The verdict comes before anything else of the page's body, and the drawing holds the start's 31 paths. */
    @Test
    void theVerdictComesFirstAndThePathsOutOfTheControlledAccountAreDrawn() {
        String page = blastPage();
        int main = page.indexOf("<main>");
        assertTrue(page.indexOf("id=\"verdict\"") > main && page.indexOf("id=\"verdict\"") < page.indexOf("id=\"summary\""));
        assertTrue(page.contains("ADMIN: YES: can make itself an administrator of acme-dev (333333333333)"), page);
        BlastRadius b = ReportInputs.blastRadius(Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY);
        // Drawn: the start, its group, the path out of acme-dev into acme-prod, and acme-dev's control, whose node
        // stands for the 21 principals reached through it (as the text report counts them) and for what they
        // reach inside acme-dev: beyond a controlled account only what leaves it is drawn.
        assertTrue(page.contains(">account (21 principals) · ADMIN<"), page);
        assertEquals(6, count(page, "<g class=\"node"));
        assertEquals(b.reachable().size() - 5, BlastPathGraph.of(b).omitted());
        assertEquals(5, count(page, "<g class=\"edge"));
        assertEquals(count(page, "<g class=\"edge"), count(page, "class=\"hop-evidence\""));
    }

    /** The drawing is bounded: past its size, whole paths are left out and counted, never cut halfway. */
    @Test
    void theDrawingKeepsWholePathsUnderItsBound() {
        BlastRadius b = ReportInputs.blastRadius(Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY);
        io.iamscope.report.html.PathGraph g = BlastPathGraph.of(b, 10);
        assertTrue(g.nodes().size() <= 10, g.nodes().size() + " nodes");
        assertEquals(b.reachable().size() - (g.nodes().size() - 1), g.omitted());
        java.util.Set<String> drawn = new java.util.HashSet<>();
        g.nodes().forEach(n -> drawn.add(n.arn()));
        g.hops().forEach(h -> assertTrue(drawn.contains(h.from()) && drawn.contains(h.to()), h.toString()));
        // The path to the administrator first, then those beyond the controlled account (into acme-prod).
        assertTrue(drawn.contains("arn:aws:iam::333333333333:root"));
        assertTrue(drawn.contains("arn:aws:iam::222222222222:role/orders-api-lambda"));
        String page = Golden.render(out -> BlastHtmlRenderer.render(b, Bounds.STANDARD, out));
        assertTrue(page.contains(">25 more reachable principals are not drawn"), "all but those inside acme-dev"
                + " fit the default bound");
    }

    /** Nothing leaves the machine: no URL to fetch, and a policy that allows only the page's own style and script. */
    @Test
    void thePageFetchesNothing() {
        String page = blastPage();
        for (String p : List.of(page, reviewPage(), graphPage(), trailPage())) {
            assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(p).find(), "a page fetches nothing");
        }
        assertTrue(page.contains("content=\"default-src 'none'; style-src 'sha256-"), page.substring(0, 400));
        assertEquals(1, count(page, "<script>"));
        assertEquals(1, count(page, "<style>"));
    }

    @Test
    void textFromTheSnapshotIsEscaped() {
        String page = Golden.render(out -> BlastHtmlRenderer.render(hostile(), Bounds.STANDARD, out));
        assertFalse(page.contains(SCRIPT), page);
        assertFalse(page.contains("<img"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
        assertTrue(page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"), page);
        assertEquals(1, count(page, "<script>"), "the page's own script only");
    }

    /**
     * Text from the logs is the attacker's (event names, ARNs, user agents, request parameters, error codes): the
     * trail page escapes it like any name.
     */
    @Test
    void textFromTheLogsIsEscaped() {
        String page = Golden.render(out -> TrailHtmlRenderer.render(hostileTrail(), out));
        assertFalse(page.contains(SCRIPT), page);
        assertFalse(page.contains("<img"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
        assertTrue(page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"), page);
        assertEquals(1, count(page, "<script>"), "the page's own script only");
        assertEquals(1, count(page, "<g class=\"edge walked unexpected\""));
    }

    /** A trail whose event names, ARNs, user agents, targets, outcomes and warnings are markup. */
    static io.iamscope.analysis.trail.TrailReport hostileTrail() {
        String start = "arn:aws:iam::111111111111:user/" + SCRIPT;
        String role = "arn:aws:iam::222222222222:role/" + IMAGE;
        java.time.Instant t0 = java.time.Instant.parse("2026-11-27T21:00:00Z");
        var key = new io.iamscope.analysis.trail.CredentialUse("AKIA" + SCRIPT, start, start, null, t0, t0,
                List.of(IMAGE), List.of(SCRIPT), List.of("aws-cli/2 " + SCRIPT), 2, 0);
        var session = new io.iamscope.analysis.trail.CredentialUse("ASIA" + IMAGE, role + "/s", role, "AKIA" + SCRIPT,
                t0, t0, List.of(IMAGE), List.of(SCRIPT), List.of(IMAGE), 1, 0);
        var hop = new io.iamscope.analysis.trail.ObservedHop(t0, SCRIPT, start, role, "ASIA" + IMAGE,
                io.iamscope.analysis.trail.HopStatus.UNPREDICTED, List.of());
        var used = List.of(new io.iamscope.analysis.trail.PrincipalUse(start, true, List.of(), t0, t0, 1, 2, 0),
                new io.iamscope.analysis.trail.PrincipalUse(role, false, List.of(), t0, t0, 1, 1, 0));
        var change = new io.iamscope.analysis.trail.Change(t0, io.iamscope.analysis.trail.ChangeKind.EVASION,
                io.iamscope.catalog.Tactic.DEFENSE_EVASION, "cloudtrail:" + SCRIPT, role, "ASIA" + IMAGE, "name=" + IMAGE, SCRIPT);
        var unexplained = new io.iamscope.analysis.trail.UnexplainedCall(role, "s3:" + SCRIPT, IMAGE, t0, 1, SCRIPT);
        return new io.iamscope.analysis.trail.TrailReport(SCRIPT, start, null, null,
                new io.iamscope.analysis.trail.LogsRead(1, 3, 0, List.of(SCRIPT)), List.of(key, session), List.of(hop),
                used, List.of(new io.iamscope.analysis.trail.ActionUse("s3:" + SCRIPT, 1, 1, 0, IMAGE, null, t0,
                        t0)),
                List.of(new io.iamscope.analysis.trail.ResourceUse(IMAGE, 1)), 0, List.of(change), List.of(unexplained),
                0, 0, false, new io.iamscope.analysis.trail.AfterChanges(null, 0, null, 0, List.of(), List.of(),
                        new io.iamscope.analysis.diff.SnapshotDiff("the snapshot", SCRIPT, List.of(), List.of(),
                                List.of(), List.of(SCRIPT))), 0, List.of(), Map.of());
    }

    /** A blast radius whose names, Sids, aliases, notes and queries are markup. */
    static BlastRadius hostile() {
        String start = "arn:aws:iam::111111111111:user/" + SCRIPT;
        String role = "arn:aws:iam::222222222222:role/" + IMAGE;
        Hop hop = new Hop(start, role, EdgeKind.ASSUME, "assume-role", "sts:AssumeRole on " + role + " (Allow)",
                false, List.of(), List.of("identity-based policy `p` statement `" + SCRIPT + "` (#0)"));
        Reachable r = new Reachable(role, NodeKind.ROLE, "222222222222", List.of(hop), false, true, false);
        return new BlastRadius(new Start(SCRIPT, start, "user", "111111111111", null), "stolen-keys", false, "",
                true, false, List.of(hop), role, List.of(r), List.of(start, role), List.of(), List.of(), List.of(),
                List.of(), List.of(new HuntingQuery("athena", SCRIPT, "SELECT '" + IMAGE + "'")), List.of(SCRIPT),
                Map.of("222222222222", IMAGE + " (222222222222)"), List.of(), List.of());
    }

    static int count(String page, String what) {
        int n = 0;
        for (int i = page.indexOf(what); i >= 0; i = page.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
