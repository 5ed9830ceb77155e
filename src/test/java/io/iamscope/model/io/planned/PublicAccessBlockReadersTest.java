package io.iamscope.model.io.planned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.Resource;
import io.iamscope.model.S3PublicAccessBlock;
import io.iamscope.model.Snapshot;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.model.io.cloudformation.CloudFormationOverlay;
import io.iamscope.model.io.cloudformation.CloudFormationTemplate;
import io.iamscope.model.io.terraform.TerraformOverlay;
import io.iamscope.model.io.terraform.TerraformPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * S3 Block Public Access as Terraform plans ({@code aws_s3_bucket_public_access_block},
 * {@code aws_s3_account_public_access_block}) and templates ({@code AWS::S3::Bucket}
 * {@code PublicAccessBlockConfiguration}) set it, on policies-fixtures/ci/public-buckets.json (make-plans.py).
 */
class PublicAccessBlockReadersTest {
    private static final Path CI = Path.of("policies-fixtures/ci");
    private static final String WEB = "444455556666";

    private static Snapshot base() {
        return SnapshotReader.read(List.of(CI.resolve("public-buckets.json")), null, null).snapshot();
    }

    private static PlannedSnapshot plan(String file) {
        return TerraformOverlay.apply(base(), TerraformPlan.read(CI.resolve(file)), WEB);
    }

    private static Resource bucket(PlannedSnapshot p, String name) {
        return p.snapshot().account(WEB).resources().stream().filter(r -> r.arn().equals("arn:aws:s3:::" + name))
                .findFirst().orElseThrow();
    }

    @Test
    void theSnapshotsBlockIsReadAsCollected() {
        Resource site = base().account(WEB).resources().get(0);
        assertTrue(S3PublicAccessBlock.of(site).restrictPublicBuckets().on());
        assertFalse(S3PublicAccessBlock.of(base().account(WEB).resources().get(1)).restrictPublicBuckets().mayBeOn());
    }

    @Test
    void aDeletedBucketBlockIsTakenOff() {
        PlannedSnapshot p = plan("tf-removes-public-access-block.json");
        Resource site = bucket(p, "acme-web-site");
        assertNull(site.properties().get(S3PublicAccessBlock.BUCKET));
        assertFalse(S3PublicAccessBlock.of(site).restrictPublicBuckets().mayBeOn());
        assertEquals("PublicRead", site.policy().statements().get(0).sid(), "the policy is kept");
        assertEquals("aws_s3_bucket_public_access_block.site", p.addresses().get(site.arn()));
        assertEquals(List.of(), p.warnings());
    }

    /** The account's settings apply to every bucket it owns: written on each. */
    @Test
    void anAccountBlockIsWrittenOnEveryBucket() {
        PlannedSnapshot p = plan("tf-adds-public-access-block.json");
        for (String name : List.of("acme-web-site", "acme-web-downloads")) {
            Resource b = bucket(p, name);
            assertEquals(Map.of("BlockPublicAcls", true, "IgnorePublicAcls", true, "BlockPublicPolicy", true,
                    "RestrictPublicBuckets", true), b.properties().get(S3PublicAccessBlock.ACCOUNT), name);
            assertTrue(S3PublicAccessBlock.of(b).restrictPublicBuckets().on(), name);
        }
    }

    /** A setting unknown until apply is the key that stands for it, declared unknown: never "off", never "on". */
    @Test
    void anUnknownSettingIsAKeyDeclaredUnknown() {
        PlannedSnapshot p = plan("tf-unknown-public-access-block.json");
        String key = "terraform:aws_s3_bucket_public_access_block.site.restrict_public_buckets";
        S3PublicAccessBlock.Setting restrict = S3PublicAccessBlock.of(bucket(p, "acme-web-site")).restrictPublicBuckets();
        assertFalse(restrict.on());
        assertEquals(key, restrict.unknownKey());
        assertTrue(p.unknownKeys().contains(key), p.unknownKeys().toString());
        assertTrue(S3PublicAccessBlock.of(bucket(p, "acme-web-site")).blockPublicPolicy().on());
    }

    @Test
    void aTemplatesBucketCarriesItsBlock() {
        PlannedSnapshot p = CloudFormationOverlay.apply(base(), CloudFormationTemplate.read(
                CI.resolve("cfn-public-access-block.yaml")), WEB, null, "web", Map.of());
        assertTrue(S3PublicAccessBlock.of(bucket(p, "acme-web-assets")).restrictPublicBuckets().on());
        assertEquals("PublicRead", bucket(p, "acme-web-assets").policy().statements().get(0).sid());
        String key = "cloudformation:PreviewsBucket.PublicAccessBlockConfiguration.RestrictPublicBuckets";
        assertEquals(key, S3PublicAccessBlock.of(bucket(p, "acme-web-previews")).restrictPublicBuckets().unknownKey());
        assertTrue(p.unknownKeys().contains(key));
        // BlockPublicPolicy on and a public policy put: S3 would reject the PutBucketPolicy; said, counted as written.
        assertTrue(p.warnings().stream().anyMatch(w -> w.startsWith("AssetsBucketPolicy: the policy of"
                + " `arn:aws:s3:::acme-web-assets` is public and Block Public Access's BlockPublicPolicy is on")),
                p.warnings().toString());
        PlannedSnapshot given = CloudFormationOverlay.apply(base(), CloudFormationTemplate.read(
                CI.resolve("cfn-public-access-block.yaml")), WEB, null, "web", Map.of("RestrictPreviews", "true"));
        assertTrue(S3PublicAccessBlock.of(bucket(given, "acme-web-previews")).restrictPublicBuckets().on());
    }
}
