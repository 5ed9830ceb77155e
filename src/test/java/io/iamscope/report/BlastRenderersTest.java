package io.iamscope.report;

import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.report.ReportInputs.Input;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden files of the blast-radius reports: text, Markdown and JSON ({@code iamscope blast-radius START
 * --format ...}). The contractor's key of the sample organization is the README's main job; its JSON (55 MB)
 * is left to smaller starts: non-admin principals of the sample organization and the technique fixtures.
 */
class BlastRenderersTest {
    static final Path SCHEMA = Path.of("docs/blast-radius.schema.json");

    /** List lines kept of each long list of a report too long to read whole (Golden#elideLists). */
    private static final int KEEP = 2;

    private static BlastRadius blast(Input input, String start) {
        return ReportInputs.blastRadius(input, start);
    }

    @Test
    void textOfTheContractorKey() {
        BlastRadius b = blast(Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY);
        Golden.check("blast-text/sample-org.AKIAZCONTRACTOR7LEAK.txt", out -> BlastTextRenderer.render(b, out));
    }

    /** The first screen answers: admin and how (with the statement), accounts, the key, the dangers, what next. */
    @Test
    void theFirstScreenOfTheContractorKeyAnswersWithinFortyLines() {
        BlastRadius b = blast(Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY);
        String text = Golden.render(out -> BlastTextRenderer.render(b, out));
        List<String> first = text.lines().takeWhile(l -> !l.startsWith("=====")).toList();
        assertTrue(first.size() <= 40, "first screen: " + first.size() + " lines");
        String screen = String.join("\n", first);
        assertTrue(screen.contains("ADMIN: YES: can make itself an administrator of acme-dev (333333333333)"), screen);
        assertTrue(screen.contains("statement `SelfServiceTooling` (#1)"), screen);
        assertTrue(screen.contains("into acme-prod (222222222222): role `acme-deploy` (3 hops)"), screen);
        assertTrue(screen.contains("access key `AKIAZCONTRACTOR7LEAK` of `ext-contractor-jdoe` (Active, the start)"
                + ": created 2025-02-03T12:00:00Z, last used 2026-11-27T21:40:00Z in us-east-1 (iam)"), screen);
        assertTrue(screen.contains("update-access-key --user-name ext-contractor-jdoe --access-key-id"
                + " AKIAZCONTRACTOR7LEAK --status Inactive"), screen);
        // An administrator's services are summarised, not listed one by one.
        assertTrue(text.contains("full control of acme-dev (333333333333): every service, as its SCPs allow"), text);
        assertTrue(text.lines().count() < 400, "standard text: " + text.lines().count() + " lines");
    }

    /** The README shows the first screen of the contractor's key: it must stay what the command prints. */
    @Test
    void theReadmeShowsTheFirstScreen() throws java.io.IOException {
        BlastRadius b = blast(Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY);
        String text = Golden.render(out -> BlastTextRenderer.render(b, out));
        String screen = text.substring(0, text.indexOf("\n=====")).stripTrailing();
        String readme = java.nio.file.Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```\nblast radius of ") + 4;
        String shown = readme.substring(start, readme.indexOf("\n```", start));
        org.junit.jupiter.api.Assertions.assertEquals(screen, shown, "README.md's blast radius screen is stale: copy"
                + " the first screen of " + Golden.DIR.resolve("blast-text/sample-org.AKIAZCONTRACTOR7LEAK.txt"));
    }

    /** A user named (not a key): each of its active keys is one command to deactivate. */
    @Test
    void aUserStartGetsTheCommandForEachActiveKey() {
        BlastRadius b = blast(Input.SAMPLE_ORG, "mlee");
        String text = Golden.render(out -> BlastTextRenderer.render(b, new Bounds(Detail.SUMMARY, 8), out));
        assertTrue(text.contains("  revoke the key: aws iam update-access-key --user-name mlee --access-key-id"
                + " AKIADEVMLEE000000001 --status Inactive"), text);
        assertTrue(text.contains("ADMIN: CONDITIONAL: can become an administrator of acme-dev (333333333333) as"
                + " `lambda-admin-exec` in 1 step"), text);
    }

    @Test
    void textSummaryOfTheContractorKey() {
        BlastRadius b = blast(Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY);
        Golden.check("blast-text/sample-org.AKIAZCONTRACTOR7LEAK.summary.txt",
                out -> BlastTextRenderer.render(b, new Bounds(Detail.SUMMARY, 8), out));
    }

    @Test
    void fullTextOfANonAdminUser() {
        BlastRadius b = blast(Input.SAMPLE_ORG, "billing-lgarcia");
        Golden.check("blast-text/sample-org.billing-lgarcia.full.txt",
                out -> BlastTextRenderer.render(b, Bounds.FULL, out));
    }

    @Test
    void textOfANonAdminUser() {
        BlastRadius b = blast(Input.SAMPLE_ORG, "billing-lgarcia");
        Golden.check("blast-text/sample-org.billing-lgarcia.txt", out -> BlastTextRenderer.render(b, out));
    }

    @Test
    void textOfThePolicyWriteTechnique() {
        BlastRadius b = blast(Input.PUT_USER_POLICY, ReportInputs.ATTACKER);
        Golden.check("blast-text/iam-put-user-policy.attacker.txt", out -> BlastTextRenderer.render(b, out));
    }

    @Test
    void textOfThePassRoleTechnique() {
        BlastRadius b = blast(Input.PASS_ROLE, ReportInputs.ATTACKER);
        Golden.check("blast-text/ec2-run-instances-pass-role.attacker.txt", out -> BlastTextRenderer.render(b, out));
    }

    /** A pull-request comment holds 65,536 characters: the standard report fits in 60,000, the rest referred to. */
    @Test
    void markdownOfTheContractorKey() {
        BlastRadius b = blast(Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY);
        Golden.check("blast-markdown/sample-org.AKIAZCONTRACTOR7LEAK.md", out -> BlastMarkdownRenderer.render(b, out));
        String md = Golden.render(out -> BlastMarkdownRenderer.render(b, out));
        assertTrue(md.length() < 60_000, "Markdown: " + md.length() + " characters");
    }

    /** 3.6 MB whole (every action of every service in the details): its long lists are cut, with a digest. */
    @Test
    void fullMarkdownOfTheContractorKey() {
        BlastRadius b = blast(Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY);
        Golden.checkElided("blast-markdown/sample-org.AKIAZCONTRACTOR7LEAK.full.elided.md", KEEP,
                out -> BlastMarkdownRenderer.render(b, Bounds.FULL, out));
    }

    @Test
    void markdownOfANonAdminUser() {
        BlastRadius b = blast(Input.SAMPLE_ORG, "billing-lgarcia");
        Golden.check("blast-markdown/sample-org.billing-lgarcia.md", out -> BlastMarkdownRenderer.render(b, out));
    }

    @Test
    void markdownOfThePolicyWriteTechnique() {
        BlastRadius b = blast(Input.PUT_USER_POLICY, ReportInputs.ATTACKER);
        Golden.check("blast-markdown/iam-put-user-policy.attacker.md", out -> BlastMarkdownRenderer.render(b, out));
    }

    /**
     * {@code --detail full} is what the JSON report held before it was bounded (issue #18): these golden files are
     * that report, and the full one, less the fields added since, equals them.
     */
    private static ObjectNode asBefore(BlastRadius b) {
        ObjectNode tree = BlastJsonRenderer.tree(b, Bounds.FULL);
        tree.remove(List.of("detail", "credentials"));
        return tree;
    }

    @Test
    void boundedJsonOfTheContractorKey() {
        BlastRadius b = blast(Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY);
        Golden.check("blast-json/sample-org.AKIAZCONTRACTOR7LEAK.standard.json", out -> BlastJsonRenderer.render(b, out));
    }

    @Test
    void summaryJsonOfTheContractorKey() {
        BlastRadius b = blast(Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY);
        Golden.check("blast-json/sample-org.AKIAZCONTRACTOR7LEAK.summary.json",
                out -> BlastJsonRenderer.render(b, new Bounds(Detail.SUMMARY, 8), out));
    }

    /** Every level validates against docs/blast-radius.schema.json; the bounded one stays small. */
    @Test
    void jsonFollowsItsSchemaAtEveryLevel() {
        BlastRadius b = blast(Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY);
        for (Bounds bounds : List.of(new Bounds(Detail.SUMMARY, 8), Bounds.STANDARD, new Bounds(Detail.STANDARD, 2))) {
            String json = Golden.render(out -> BlastJsonRenderer.render(b, bounds, out));
            SchemaCheck.valid(SCHEMA, SpecificationVersion.DRAFT_2020_12, json);
            assertTrue(json.length() < 300_000, bounds + ": " + json.length() + " characters");
        }
        // In full, a start of a few principals: the contractor's key is 55 MB.
        for (String start : List.of("billing-lgarcia", "payments-processor-lambda")) {
            BlastRadius other = blast(Input.SAMPLE_ORG, start);
            SchemaCheck.valid(SCHEMA, SpecificationVersion.DRAFT_2020_12,
                    Golden.render(out -> BlastJsonRenderer.render(other, Bounds.FULL, out)));
        }
    }

    @Test
    void boundedJsonOfANonAdminUser() {
        BlastRadius b = blast(Input.SAMPLE_ORG, "billing-lgarcia");
        Golden.check("blast-json/sample-org.billing-lgarcia.standard.json", out -> BlastJsonRenderer.render(b, out));
    }

    @Test
    void jsonLinesOfARoleWithConditionalAccess() {
        BlastRadius b = blast(Input.SAMPLE_ORG, "payments-processor-lambda");
        Golden.check("blast-jsonl/sample-org.payments-processor-lambda.jsonl",
                out -> BlastJsonLinesRenderer.render(b, out));
    }

    /** One record a line, every grant of the full JSON once. */
    @Test
    void jsonLinesHoldEveryGrant() throws Exception {
        BlastRadius b = blast(Input.SAMPLE_ORG, "AKIAPRODLEGACYBATCH1");
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Integer> records = new java.util.TreeMap<>();
        for (String line : Golden.render(out -> BlastJsonLinesRenderer.render(b, out)).lines().toList()) {
            records.merge(mapper.readTree(line).path("record").asText(), 1, Integer::sum);
        }
        int grants = 0;
        for (JsonNode s : BlastJsonRenderer.tree(b, Bounds.FULL).path("services")) {
            for (JsonNode a : s.path("actions")) {
                for (JsonNode r : a.path("resources")) {
                    grants += r.path("grantedBy").size();
                }
            }
        }
        assertEquals(grants, records.get("grant"));
        assertEquals(1, records.get("start"));
        assertEquals(b.reachable().size(), records.getOrDefault("principal", 0));
        assertEquals(b.credentials().size(), records.getOrDefault("credential", 0));
    }

    @Test
    void jsonOfANonAdminUser() {
        BlastRadius b = blast(Input.SAMPLE_ORG, "billing-lgarcia");
        Golden.check("blast-json/sample-org.billing-lgarcia.json", out -> BlastJsonRenderer.print(asBefore(b), out));
    }

    @Test
    void jsonOfARoleWithConditionalAccess() {
        BlastRadius b = blast(Input.SAMPLE_ORG, "payments-processor-lambda");
        Golden.check("blast-json/sample-org.payments-processor-lambda.json", out -> BlastJsonRenderer.print(asBefore(b), out));
    }

    @Test
    void jsonOfAnAccessKeyUser() {
        BlastRadius b = blast(Input.SAMPLE_ORG, "AKIAPRODLEGACYBATCH1");
        Golden.check("blast-json/sample-org.AKIAPRODLEGACYBATCH1.json", out -> BlastJsonRenderer.print(asBefore(b), out));
    }

    @Test
    void jsonOfThePolicyWriteTechnique() {
        BlastRadius b = blast(Input.PUT_USER_POLICY, ReportInputs.ATTACKER);
        Golden.check("blast-json/iam-put-user-policy.attacker.json", out -> BlastJsonRenderer.print(asBefore(b), out));
    }
}
