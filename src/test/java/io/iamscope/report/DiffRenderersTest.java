package io.iamscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SpecificationVersion;
import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.Workspaces;
import io.iamscope.analysis.diff.DiffAnalysis;
import io.iamscope.analysis.diff.SnapshotDiff;
import io.iamscope.analysis.review.ReviewOptions;
import io.iamscope.model.Snapshot;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * {@code iamscope diff} of the sample organization and the snapshot an incident left, as text and JSON; the JSON
 * validated against docs/diff.schema.json.
 */
class DiffRenderersTest {
    static final Path SCHEMA = Path.of("docs/diff.schema.json");
    private static SnapshotDiff incident;

    private static synchronized SnapshotDiff incident() {
        if (incident == null) {
            Snapshot a = SnapshotReader.read(List.of(Path.of("policies-fixtures/sample-org/snapshot.json")), null,
                    null).snapshot();
            Snapshot b = SnapshotReader.read(List.of(Path.of("policies-fixtures/diff/sample-org-incident.json")), null,
                    null).snapshot();
            incident = DiffAnalysis.run(Workspaces.of(new SnapshotIndex(a)), ReviewOptions.defaults(
                    Instant.parse(a.collectedAt())), Workspaces.of(new SnapshotIndex(b)), ReviewOptions.defaults(
                    Instant.parse(b.collectedAt())), AttackerProfile.DEFAULT.name(), AttackerProfile.DEFAULT.context(
                    Map.of(), List.of()), List.of());
        }
        return incident;
    }

    @Test
    void text() {
        Golden.check("diff-text/sample-org-incident.txt", out -> DiffTextRenderer.render(incident(), out));
    }

    /** The answer comes first: the principal that gained a path, before the changes as written. */
    @Test
    void whatTheChangeGivesComesBeforeWhatWasWritten() {
        String text = Golden.render(out -> DiffTextRenderer.render(incident(), out));
        int gives = text.indexOf("WHAT THE CHANGE GIVES");
        assertTrue(gives > 0 && gives < text.indexOf("WRITTEN DIFFERENTLY"), text);
        assertTrue(text.indexOf("svc-metrics-export") > gives && text.indexOf("svc-metrics-export")
                < text.indexOf("NEW FINDINGS"), text);
    }

    @Test
    void markdownFitsAPullRequestComment() {
        String md = Golden.render(out -> DiffMarkdownRenderer.render(incident(), "iamscope diff", out));
        assertTrue(md.length() < ReviewMarkdownRenderer.BUDGET, md.length() + " characters");
        Golden.check("diff-markdown/sample-org-incident.md", out -> DiffMarkdownRenderer.render(incident(),
                "iamscope diff", out));
    }

    @Test
    void json() throws Exception {
        Golden.check("diff-json/sample-org-incident.json", out -> DiffJsonRenderer.render(incident(), out));
        String json = Golden.render(out -> DiffJsonRenderer.render(incident(), out));
        SchemaCheck.valid(SCHEMA, SpecificationVersion.DRAFT_2020_12, json);
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(DiffJsonRenderer.SCHEMA, root.get("schema").asText());
        assertEquals(6, root.get("changes").size());
        JsonNode trust = root.get("changes").get(3);
        assertEquals("trust policy", trust.get("what").asText());
        assertEquals("add", trust.get("patch").get(0).get("op").asText());
    }

    /** The schema is not vacuous: a finding change without its finding, or a review finding cut short, fails. */
    @Test
    void theSchemaRejectsWhatItDoesNotAllow() {
        String head = "{\"schema\": \"iamscope.diff/1\", \"before\": \"a\", \"after\": \"b\", \"empty\": false,"
                + " \"warnings\": [], \"changes\": [], \"principals\": [], \"findings\": ";
        assertThrows(AssertionFailedError.class, () -> SchemaCheck.valid(SCHEMA, SpecificationVersion.DRAFT_2020_12,
                head + "[{\"change\": \"new\", \"newlyAffected\": []}]}"));
        assertThrows(AssertionFailedError.class, () -> SchemaCheck.valid(SCHEMA, SpecificationVersion.DRAFT_2020_12,
                head + "[{\"change\": \"new\", \"newlyAffected\": [], \"finding\": {\"code\": \"X_Y\"}}]}"));
        SchemaCheck.valid(SCHEMA, SpecificationVersion.DRAFT_2020_12, head + "[]}");
    }
}
