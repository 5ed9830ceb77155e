package io.iamscope.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.Snapshot;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.model.io.planned.PlannedSnapshot;
import io.iamscope.model.io.terraform.TerraformOverlay;
import io.iamscope.model.io.terraform.TerraformPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * S3 Block Public Access's RestrictPublicBuckets (Amazon S3 User Guide, "Blocking public access to your Amazon S3
 * storage": a bucket with a public policy is open only to AWS service principals and authorized users of the
 * owner's account) on policies-fixtures/ci/public-buckets.json: acme-web-site is restricted, acme-web-downloads is
 * not; a setting unknown until apply makes anyone's access conditional on its key.
 */
class RestrictedBucketPolicyTest {
    private static final Path CI = Path.of("policies-fixtures/ci");
    private static final String WEB = "444455556666";

    private static Snapshot base() {
        return SnapshotReader.read(List.of(CI.resolve("public-buckets.json")), null, null).snapshot();
    }

    private static Evidence anyone(Snapshot s, String object, List<String> unknown) {
        Gatherer gatherer = new Gatherer(new SnapshotIndex(s));
        return new Outsiders(gatherer, new LocalAuthorizer(), RequestContext.builder().build())
                .check("*", "s3:GetObject", object, unknown);
    }

    @Test
    void aPublicPolicyUnderRestrictPublicBucketsOpensNothingToOutsiders() {
        assertFalse(anyone(base(), "arn:aws:s3:::acme-web-site/index.html", List.of()).allows());
        Evidence open = anyone(base(), "arn:aws:s3:::acme-web-downloads/setup.exe", List.of());
        assertTrue(open.allows() && !open.conditional());
    }

    /** "Authorized users within the bucket owner's account" keep what the policy grants them. */
    @Test
    void theOwnersAccountKeepsThePolicy() {
        Gatherer gatherer = new Gatherer(new SnapshotIndex(base()));
        Gathered g = gatherer.gather(new PrincipalRef(PrincipalRef.Kind.ROOT, null, WEB, null, null), "s3:GetObject",
                "arn:aws:s3:::acme-web-site/index.html", RequestContext.empty());
        assertEquals(1, g.policies().resourcePolicy().document().statements().size());
        assertTrue(new LocalAuthorizer().authorize(g.request(), g.policies()).outcome().name().equals("ALLOW"));
    }

    @Test
    void anUnknownSettingMakesAccessConditionalOnItsKey() {
        PlannedSnapshot p = TerraformOverlay.apply(base(), TerraformPlan.read(
                CI.resolve("tf-unknown-public-access-block.json")), WEB);
        Evidence e = anyone(p.snapshot(), "arn:aws:s3:::acme-web-site/index.html", List.of());
        assertTrue(e.allows() && e.conditional(), e.toString());
        assertEquals(List.of("terraform:aws_s3_bucket_public_access_block.site.restrict_public_buckets"),
                List.copyOf(e.condition().keys()));
    }
}
