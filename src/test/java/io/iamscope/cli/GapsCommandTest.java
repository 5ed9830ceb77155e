package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Every analysis command says which collection gaps could change its answer (issue #22, item 2). */
class GapsCommandTest {
    private static final String NO_DETAILS = "src/test/resources/gaps/no-authorization-details.json";
    private static final String UNREADABLE = "src/test/resources/gaps/unreadable-bucket-policy.json";

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void whoCanWithoutTheAuthorizationDetailsIsUnknownNotNobody() throws Exception {
        CliRun text = run("who-can", "s3:GetObject", "arn:aws:s3:::data/k", "--snapshot", NO_DETAILS);
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("unknown, not nobody"), text.out());
        assertTrue(text.out().contains("INCOMPLETE: 1 collection gap could change this answer"), text.out());
        assertTrue(text.out().contains("iam:GetAccountAuthorizationDetails: AccessDenied"), text.out());

        CliRun json = run("who-can", "s3:GetObject", "arn:aws:s3:::data/k", "--snapshot", NO_DETAILS, "--format",
                "json");
        JsonNode tree = new ObjectMapper().readTree(json.out());
        assertFalse(tree.get("complete").asBoolean());
        assertEquals("GetAccountAuthorizationDetails", tree.at("/gaps/0/operation").asText());
    }

    @Test
    void whoCanOnAnUnreadableBucketPolicyIsConditional() {
        CliRun r = run("who-can", "s3:GetObject", "arn:aws:s3:::locked/k", "--snapshot", UNREADABLE);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("user `arn:aws:iam::111111111111:user/reader` [conditional on"
                + " iamscope:UnreadableResourcePolicyDenies]"), r.out());
    }

    @Test
    void canOnAnUnreadableBucketPolicyIsConditionalAndNamesTheGap() throws Exception {
        CliRun r = run("can", "arn:aws:iam::111111111111:user/reader", "s3:GetObject", "arn:aws:s3:::locked/k",
                "--snapshot", UNREADABLE);
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().startsWith("Allow\n"), r.out());
        assertTrue(r.out().contains("s3:GetBucketPolicy for `arn:aws:s3:::locked` in us-east-1: AccessDenied"),
                r.out());
        CliRun json = run("can", "arn:aws:iam::111111111111:user/reader", "s3:GetObject", "arn:aws:s3:::locked/k",
                "--snapshot", UNREADABLE, "--format", "json");
        JsonNode tree = new ObjectMapper().readTree(json.out());
        assertFalse(tree.get("complete").asBoolean());
    }

    @Test
    void blastRadiusPathsAndReviewListTheGaps() throws Exception {
        String reader = "arn:aws:iam::111111111111:user/reader";
        CliRun blast = run("blast-radius", reader, "--snapshot", UNREADABLE);
        assertEquals(0, blast.exit(), blast.err());
        assertTrue(blast.out().contains("INCOMPLETE: 1 collection gap could change this answer"), blast.out());
        JsonNode tree = new ObjectMapper().readTree(run("blast-radius", reader, "--snapshot", UNREADABLE,
                "--format", "json").out());
        assertFalse(tree.get("complete").asBoolean());
        JsonNode resources = tree.at("/services/0/actions/0/resources");
        for (JsonNode r : resources) {
            boolean locked = r.get("resource").asText().startsWith("arn:aws:s3:::locked");
            assertEquals(locked, r.get("conditional").asBoolean(), r.toString());
        }

        CliRun paths = run("paths", reader, "--snapshot", UNREADABLE);
        assertTrue(paths.out().contains("in what was collected: unknown, not none"), paths.out());
        assertTrue(paths.out().contains("INCOMPLETE: 1 collection gap"), paths.out());

        CliRun review = run("review", "--snapshot", NO_DETAILS);
        assertTrue(review.out().contains("collection gap: `iam:GetAccountAuthorizationDetails` failed with"
                + " `AccessDenied`"), review.out());
    }
}
