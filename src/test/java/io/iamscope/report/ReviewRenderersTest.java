package io.iamscope.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.SpecificationVersion;
import io.iamscope.analysis.review.Review;
import io.iamscope.report.ReportInputs.Input;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden files of the review ({@code iamscope review --format text|json|markdown|sarif}) of the sample
 * organization with its credential reports and suppressions; the JSON validated against docs/review.schema.json,
 * the SARIF against the SARIF 2.1.0 schema (src/test/resources/sarif/, README there), the Markdown under the size
 * of a pull-request comment.
 */
class ReviewRenderersTest {
    static final Path SCHEMA = Path.of("docs/review.schema.json");
    static final Path SARIF_SCHEMA = Path.of("src/test/resources/sarif/sarif-schema-2.1.0.json");
    private static final List<String> SNAPSHOT = List.of("policies-fixtures/sample-org/snapshot.json");

    private static Review sample() {
        return ReportInputs.review(Input.SAMPLE_ORG);
    }

    @Test
    void text() {
        Golden.check("review-text/sample-org.txt", out -> ReviewTextRenderer.render(sample(), out));
    }

    /** The README shows the first screen of this review: it must stay what the command prints. */
    @Test
    void theReadmeShowsTheFirstScreen() throws java.io.IOException {
        String text = Golden.render(out -> ReviewTextRenderer.render(sample(), out));
        String screen = text.substring(0, text.indexOf("\nNOT COVERED")).stripTrailing();
        String readme = java.nio.file.Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```\nreview of ") + 4;
        String shown = readme.substring(start, readme.indexOf("\n```", start));
        org.junit.jupiter.api.Assertions.assertEquals(screen, shown, "README.md's review screen is stale: copy the"
                + " first screen of " + Golden.DIR.resolve("review-text/sample-org.txt"));
    }

    @Test
    void markdownFitsAPullRequestComment() {
        String md = Golden.render(out -> ReviewMarkdownRenderer.render(sample(), out));
        assertTrue(md.length() < ReviewMarkdownRenderer.BUDGET, md.length() + " characters");
        Golden.check("review-markdown/sample-org.md", out -> ReviewMarkdownRenderer.render(sample(), out));
    }

    @Test
    void jsonFollowsItsSchema() {
        String json = Golden.render(out -> ReviewJsonRenderer.render(sample(), out));
        SchemaCheck.valid(SCHEMA, SpecificationVersion.DRAFT_2020_12, json);
        Golden.check("review-json/sample-org.json", out -> ReviewJsonRenderer.render(sample(), out));
    }

    /** The validator is not vacuous: a document the schemas do not allow fails. */
    @Test
    void schemasRejectWhatTheyDoNotAllow() {
        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
                () -> SchemaCheck.valid(SCHEMA, SpecificationVersion.DRAFT_2020_12, "{\"schema\": \"iamscope.review/1\"}"));
        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
                () -> SchemaCheck.valid(SARIF_SCHEMA, SpecificationVersion.DRAFT_4, "{\"version\": \"2.1.0\", \"runs\": ["
                        + "{\"tool\": {\"driver\": {}}}]}"));
    }

    @Test
    void jsonOfATechniqueFixture() {
        Review r = ReportInputs.review(Input.PASS_ROLE);
        String json = Golden.render(out -> ReviewJsonRenderer.render(r, out));
        SchemaCheck.valid(SCHEMA, SpecificationVersion.DRAFT_2020_12, json);
        Golden.check("review-json/ec2-run-instances-pass-role.json", out -> ReviewJsonRenderer.render(r, out));
    }

    /** Lines as the command finds them in the snapshot (cli/SarifLines): a fixed map stands for that here. */
    @Test
    void sarifFollowsTheStandardsSchema() {
        Map<String, Integer> lines = Map.of();
        String sarif = Golden.render(out -> ReviewSarifRenderer.render(sample(), SNAPSHOT, lines::get, out));
        SchemaCheck.valid(SARIF_SCHEMA, SpecificationVersion.DRAFT_4, sarif);
        Golden.check("review-sarif/sample-org.sarif", out -> ReviewSarifRenderer.render(sample(), SNAPSHOT,
                location -> location != null && location.contains("/Statement/") ? 1 + location.length() % 97 : null,
                out));
    }
}
