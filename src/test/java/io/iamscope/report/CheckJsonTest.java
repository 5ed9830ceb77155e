package io.iamscope.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.SpecificationVersion;
import io.iamscope.analysis.diff.SnapshotDiff;
import org.junit.jupiter.api.Test;

/**
 * {@code iamscope check --format json}: the diff's JSON (docs/diff.schema.json) with the plan's warnings and
 * findings conditional on values unknown until apply; golden files of a plan and a template (not of the plan
 * whose unknown trust policy lets everyone in: too long to read).
 */
class CheckJsonTest {
    @Test
    void aPlanWithATrustPolicyUnknownUntilApply() {
        SnapshotDiff diff = CheckedChange.ofPlan("policies-fixtures/ci/tf-unknown-trust.json");
        String json = Golden.render(out -> DiffJsonRenderer.render(diff, out));
        SchemaCheck.valid(DiffRenderersTest.SCHEMA, SpecificationVersion.DRAFT_2020_12, json);
        // Every principal may assume the role: too long a golden file, the schema and the condition key suffice.
        assertTrue(json.contains("terraform:aws_iam_role.break_glass_v2.assume_role_policy"), json);
    }

    @Test
    void aPlanThatOpensResources() {
        SnapshotDiff diff = CheckedChange.ofPlan("policies-fixtures/ci/tf-opens-resources.json");
        String json = Golden.render(out -> DiffJsonRenderer.render(diff, out));
        SchemaCheck.valid(DiffRenderersTest.SCHEMA, SpecificationVersion.DRAFT_2020_12, json);
        Golden.check("check-json/tf-opens-resources.json", out -> DiffJsonRenderer.render(diff, out));
    }

    @Test
    void aTemplateThatAddsAnEscalation() {
        SnapshotDiff diff = CheckedChange.ofTemplate("policies-fixtures/ci/cfn-adds-escalation.yaml");
        String json = Golden.render(out -> DiffJsonRenderer.render(diff, out));
        SchemaCheck.valid(DiffRenderersTest.SCHEMA, SpecificationVersion.DRAFT_2020_12, json);
        Golden.check("check-json/cfn-adds-escalation.json", out -> DiffJsonRenderer.render(diff, out));
    }

    /** The block's removal as written (its settings) and what it gives: the bucket newly public. */
    @Test
    void aPlanThatRemovesABucketsPublicAccessBlock() {
        SnapshotDiff diff = CheckedChange.ofPlan("policies-fixtures/ci/public-buckets.json", "444455556666",
                "policies-fixtures/ci/tf-removes-public-access-block.json");
        String json = Golden.render(out -> DiffJsonRenderer.render(diff, out));
        SchemaCheck.valid(DiffRenderersTest.SCHEMA, SpecificationVersion.DRAFT_2020_12, json);
        assertTrue(json.contains("\"what\" : \"S3 Block Public Access\""), json);
        Golden.check("check-json/tf-removes-public-access-block.json", out -> DiffJsonRenderer.render(diff, out));
    }
}
