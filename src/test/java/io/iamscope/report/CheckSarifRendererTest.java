package io.iamscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.iamscope.model.io.cloudformation.CloudFormationOverlay;
import io.iamscope.model.io.cloudformation.CloudFormationTemplate;
import io.iamscope.model.io.planned.PlannedSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code iamscope check --format sarif} of cfn-adds-escalation.yaml on the sample organization: a result per new
 * finding at the template resource behind it, valid against the SARIF 2.1.0 schema; golden file.
 */
class CheckSarifRendererTest {
    private static final String TEMPLATE = "policies-fixtures/ci/cfn-adds-escalation.yaml";

    private static SnapshotDiff diff() {
        Snapshot base = SnapshotReader.read(List.of(Path.of("policies-fixtures/sample-org/snapshot.json")), null,
                null).snapshot();
        PlannedSnapshot planned = CloudFormationOverlay.apply(base, CloudFormationTemplate.read(Path.of(TEMPLATE)),
                "333333333333", null, "stack", Map.of());
        Instant asOf = Instant.parse(base.collectedAt());
        return DiffAnalysis.run(Workspaces.of(new SnapshotIndex(base)), ReviewOptions.defaults(asOf),
                Workspaces.of(new SnapshotIndex(planned.snapshot())), ReviewOptions.defaults(asOf),
                AttackerProfile.DEFAULT.name(), AttackerProfile.DEFAULT.context(Map.of(), planned.unknownKeys()),
                List.of()).relabelled("acme-dev", "acme-dev with " + TEMPLATE, planned.warnings());
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
