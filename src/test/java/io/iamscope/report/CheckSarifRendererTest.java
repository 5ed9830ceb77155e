package io.iamscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SpecificationVersion;
import io.iamscope.analysis.diff.SnapshotDiff;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code iamscope check --format sarif} of cfn-adds-escalation.yaml on the sample organization: a result per new
 * finding at the template resource behind it, valid against the SARIF 2.1.0 schema; golden file.
 */
class CheckSarifRendererTest {
    private static final String TEMPLATE = "policies-fixtures/ci/cfn-adds-escalation.yaml";

    private static SnapshotDiff diff() {
        return CheckedChange.ofTemplate(TEMPLATE);
    }

    /** Where the command finds each finding's resource (cli/CheckAnchors): a fixed anchor stands for it here. */
    private static final Function<io.iamscope.analysis.findings.Finding, CheckSarifRenderer.Anchor> ANCHOR =
            f -> new CheckSarifRenderer.Anchor(TEMPLATE, 25, "DeployToolsPolicy");

    @Test
    void sarifFollowsTheStandardsSchemaAndPointsAtTheResource() throws Exception {
        SnapshotDiff diff = diff();
        String sarif = Golden.render(out -> CheckSarifRenderer.render(diff, List.of(TEMPLATE), ANCHOR, out));
        SchemaCheck.valid(ReviewRenderersTest.SARIF_SCHEMA, SpecificationVersion.DRAFT_4, sarif);
        JsonNode results = new ObjectMapper().readTree(sarif).path("runs").path(0).path("results");
        assertEquals(2, results.size(), sarif);
        JsonNode first = results.get(0);
        assertEquals("PRIVILEGE_ESCALATION", first.path("ruleId").asText());
        assertEquals(25, first.path("locations").path(0).path("physicalLocation").path("region").path("startLine")
                .asInt());
        assertEquals("DeployToolsPolicy", first.path("locations").path(0).path("logicalLocations").path(0)
                .path("name").asText());
        Golden.check("check-sarif/cfn-adds-escalation.sarif", out -> CheckSarifRenderer.render(diff,
                List.of(TEMPLATE), ANCHOR, out));
    }
}
