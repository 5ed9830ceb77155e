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
 * to acme-dev of the sample organization (or another base), compared with it as the command does
 * (cli/CheckCommand).
 */
final class CheckedChange {
    static final String ACCOUNT = "333333333333";

    private CheckedChange() {
    }

    static SnapshotDiff ofTemplate(String template) {
        Snapshot base = sampleOrg();
        return compared(base, CloudFormationOverlay.apply(base, CloudFormationTemplate.read(Path.of(template)),
                ACCOUNT, null, "stack", Map.of()), template, ACCOUNT);
    }

    static SnapshotDiff ofPlan(String plan) {
        return ofPlan("policies-fixtures/sample-org/snapshot.json", ACCOUNT, plan);
    }

    static SnapshotDiff ofPlan(String snapshot, String account, String plan) {
        Snapshot base = read(snapshot);
        return compared(base, TerraformOverlay.apply(base, TerraformPlan.read(Path.of(plan)), account), plan, account);
    }

    private static Snapshot sampleOrg() {
        return read("policies-fixtures/sample-org/snapshot.json");
    }

    private static Snapshot read(String snapshot) {
        return SnapshotReader.read(List.of(Path.of(snapshot)), null, null).snapshot();
    }

    private static SnapshotDiff compared(Snapshot base, PlannedSnapshot planned, String input, String account) {
        String label = base.account(account).alias();
        Instant asOf = Instant.parse(base.collectedAt());
        return DiffAnalysis.run(Workspaces.of(new SnapshotIndex(base)), ReviewOptions.defaults(asOf),
                Workspaces.of(new SnapshotIndex(planned.snapshot())), ReviewOptions.defaults(asOf),
                AttackerProfile.DEFAULT.name(), AttackerProfile.DEFAULT.context(Map.of(), planned.unknownKeys()),
                List.of()).relabelled(label, label + " with " + input, planned.warnings());
    }
}
