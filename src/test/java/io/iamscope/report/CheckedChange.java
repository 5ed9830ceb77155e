package io.iamscope.report;

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
import io.iamscope.model.io.terraform.TerraformOverlay;
import io.iamscope.model.io.terraform.TerraformPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code iamscope check} compares, for the report tests: a plan or template of policies-fixtures/ci applied
 * to acme-dev of the sample organization, compared with it as the command does (cli/CheckCommand).
 */
final class CheckedChange {
    static final String ACCOUNT = "333333333333";

    private CheckedChange() {
    }

    static SnapshotDiff ofTemplate(String template) {
        Snapshot base = sampleOrg();
        return compared(base, CloudFormationOverlay.apply(base, CloudFormationTemplate.read(Path.of(template)),
                ACCOUNT, null, "stack", Map.of()), template);
    }

    static SnapshotDiff ofPlan(String plan) {
        Snapshot base = sampleOrg();
        return compared(base, TerraformOverlay.apply(base, TerraformPlan.read(Path.of(plan)), ACCOUNT), plan);
    }

    private static Snapshot sampleOrg() {
        return SnapshotReader.read(List.of(Path.of("policies-fixtures/sample-org/snapshot.json")), null, null)
                .snapshot();
    }

    private static SnapshotDiff compared(Snapshot base, PlannedSnapshot planned, String input) {
        Instant asOf = Instant.parse(base.collectedAt());
        return DiffAnalysis.run(Workspaces.of(new SnapshotIndex(base)), ReviewOptions.defaults(asOf),
                Workspaces.of(new SnapshotIndex(planned.snapshot())), ReviewOptions.defaults(asOf),
                AttackerProfile.DEFAULT.name(), AttackerProfile.DEFAULT.context(Map.of(), planned.unknownKeys()),
                List.of()).relabelled("acme-dev", "acme-dev with " + input, planned.warnings());
    }
}
