package io.iamscope.analysis.whocan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.Workspaces;
import io.iamscope.graph.PathLimits;
import io.iamscope.model.Gap;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A gap in the snapshot makes who-can's answer incomplete or conditional, never a confident "nobody" (#22). */
class WhoCanGapsTest {
    private static WhoCanResult find(String fixture, String action, String resource) {
        SnapshotIndex index = new SnapshotIndex(SnapshotReader.read(Path.of("src/test/resources/gaps/" + fixture))
                .snapshot());
        return new WhoCan(Workspaces.of(index)).find(action, resource, "stolen-keys",
                AttackerProfile.STOLEN_KEYS.context(Map.of(), List.of()), PathLimits.DEFAULT);
    }

    @Test
    void withoutTheAuthorizationDetailsNobodyFoundIsNotNobody() {
        WhoCanResult r = find("no-authorization-details.json", "s3:GetObject", "arn:aws:s3:::data/k");
        assertTrue(r.direct().stream().noneMatch(e -> e.kind().equals("user") || e.kind().equals("role")));
        assertFalse(r.complete());
        assertEquals(List.of("GetAccountAuthorizationDetails"), r.gaps().stream().map(Gap::operation).toList(),
                "the alias and the KMS listing cannot change who can read a bucket");
    }

    @Test
    void accessThroughAnUnreadableBucketPolicyIsConditional() {
        WhoCanResult locked = find("unreadable-bucket-policy.json", "s3:GetObject", "arn:aws:s3:::locked/k");
        WhoCanEntry reader = locked.direct().stream().filter(e -> e.arn().endsWith(":user/reader")).findFirst()
                .orElseThrow();
        assertTrue(reader.conditional(), reader.toString());
        assertFalse(locked.complete());
        assertEquals(List.of("GetBucketPolicy"), locked.gaps().stream().map(Gap::operation).toList());

        WhoCanResult open = find("unreadable-bucket-policy.json", "s3:GetObject", "arn:aws:s3:::open/k");
        assertFalse(open.direct().stream().filter(e -> e.arn().endsWith(":user/reader")).findFirst().orElseThrow()
                .conditional());
        assertTrue(open.complete(), open.gaps().toString());
    }

    /**
     * What only the unreadable policy could grant is conditional, not none: another account's caller whose own
     * policies allow the read (cross-account access needs the bucket policy's Allow too), and a same-account user
     * without policies (a bucket policy alone can grant within its account). IAM User Guide, "Cross-account policy
     * evaluation logic" and "Policy evaluation logic" (identity-based and resource-based policies).
     */
    @Test
    void whatOnlyTheUnreadablePolicyCouldGrantIsConditionalNotNone() {
        WhoCanResult locked = find("unreadable-bucket-policy.json", "s3:GetObject", "arn:aws:s3:::locked/k");
        for (String who : List.of(":222222222222:user/outsider", ":111111111111:user/nobody")) {
            WhoCanEntry e = locked.direct().stream().filter(x -> x.arn().endsWith(who)).findFirst()
                    .orElseThrow(() -> new AssertionError(who + " missing from " + locked.direct()));
            assertTrue(e.conditional(), e.toString());
        }
        // A readable bucket without a policy grants neither: the same two stay out.
        WhoCanResult open = find("unreadable-bucket-policy.json", "s3:GetObject", "arn:aws:s3:::open/k");
        assertTrue(open.direct().stream().noneMatch(x -> x.arn().endsWith(":user/outsider")
                || x.arn().endsWith(":user/nobody")), open.direct().toString());
    }
}
