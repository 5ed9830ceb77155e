package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code iamscope check} with S3 Block Public Access: the plans and template of policies-fixtures/ci on
 * public-buckets.json (make-plans.py says what each does). Removing the block from a bucket with a public policy
 * makes it newly public; adding one resolves the finding; a setting unknown until apply is conditional, named.
 */
class CheckPublicAccessBlockTest {
    private static final String NEW = "NEW FINDINGS";
    private static final String WRITTEN = "WRITTEN DIFFERENTLY";

    private static CliRun check(String input, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("check", "--snapshot",
                "policies-fixtures/ci/public-buckets.json", input.endsWith(".json") ? "--terraform-plan"
                        : "--cloudformation", "policies-fixtures/ci/" + input, "--fail-on", "high", "-q"));
        args.addAll(java.util.List.of(more));
        return CliRun.of(args);
    }

    private static String newFindings(CliRun r) {
        return r.out().substring(r.out().indexOf(NEW), r.out().indexOf(WRITTEN));
    }

    @Test
    void removingTheBlockMakesTheBucketPublic() {
        CliRun r = check("tf-removes-public-access-block.json");
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        assertTrue(newFindings(r).contains("RESOURCE_PUBLIC  AWS::S3::Bucket `arn:aws:s3:::acme-web-site` of acme-web"
                + " (444455556666) is open to anyone: Read 1\n"), r.out());
        assertTrue(r.out().contains("REMOVED S3 Block Public Access of arn:aws:s3:::acme-web-site: BlockPublicAcls=true"
                + " IgnorePublicAcls=true BlockPublicPolicy=true RestrictPublicBuckets=true\n"), r.out());
    }

    @Test
    void anAccountBlockResolvesTheFinding() {
        CliRun r = check("tf-adds-public-access-block.json");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().contains("resolved CRITICAL RESOURCE_PUBLIC  AWS::S3::Bucket"
                + " `arn:aws:s3:::acme-web-downloads`"), r.out());
    }

    @Test
    void anUnknownSettingIsConditional() {
        CliRun r = check("tf-unknown-public-access-block.json");
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        assertTrue(newFindings(r).contains("`arn:aws:s3:::acme-web-site` of acme-web (444455556666) is open to anyone:"
                + " Read 1 [conditional on terraform:aws_s3_bucket_public_access_block.site.restrict_public_buckets]"),
                r.out());
    }

    @Test
    void aTemplatesBlockRestrictsItsBucket() {
        CliRun r = check("cfn-public-access-block.yaml");
        assertEquals(ExitCodes.FINDINGS, r.exit(), r.err());
        String found = newFindings(r);
        assertFalse(found.contains("acme-web-assets"), found);
        assertTrue(found.contains("`arn:aws:s3:::acme-web-previews` of acme-web (444455556666) is open to anyone: Read 1"
                + " [conditional on cloudformation:PreviewsBucket.PublicAccessBlockConfiguration"
                + ".RestrictPublicBuckets]"), found);
        assertTrue(r.err().contains("BlockPublicPolicy is on: S3 rejects such a PutBucketPolicy"), r.err());
        CliRun given = check("cfn-public-access-block.yaml", "--parameter", "RestrictPreviews=true");
        assertEquals(ExitCodes.OK, given.exit(), given.out());
    }
}
