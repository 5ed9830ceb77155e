package io.iamscope.analysis.blast;

import io.iamscope.analysis.blast.enumerate.Subject;
import io.iamscope.analysis.blast.enumerate.Allowed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iamscope.catalog.Catalog;
import io.iamscope.catalog.Tactics;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A resource set is named by its members' account, service and type; S3 ARNs name neither account nor type, so
 * a set of buckets takes its owner from the snapshot ({@code blast/taken-account.json}: two buckets of account
 * 222222222222) and its type from the ARN's shape.
 */
class ResourceSetTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final SnapshotIndex INDEX = new SnapshotIndex(
            SnapshotReader.read(Path.of("src/test/resources/blast/taken-account.json")).snapshot());
    private static final String START = "arn:aws:iam::222222222222:user/start";

    private static ResourceSet setOf(String action, List<String> members) {
        int id = CATALOG.action(action).orElseThrow().id();
        Map<String, Subject> subjects = Map.of(START, new Subject(INDEX.resolvePrincipal(START), List.of()));
        Allowed a = new Allowed(id, members.get(0), true, false, List.of(), null, members);
        AccessSummary s = AccessSummary.of(CATALOG, Tactics.load(CATALOG), subjects, Map.of(START, List.of(a)),
                INDEX::accountOf, 1);
        return s.sets().get(0);
    }

    @Test
    void bucketsTakeTheirOwnerAccountAndTheBucketType() {
        ResourceSet set = setOf("s3:GetBucketTagging",
                List.of("arn:aws:s3:::secret-bucket", "arn:aws:s3:::open-bucket"));
        assertEquals(List.of("222222222222", "s3", "bucket"), List.of(set.account(), set.service(), set.type()));
        assertEquals("2 s3 bucket(s) of account 222222222222", set.label());
    }

    @Test
    void objectsAreNamedAsTheObjectsOfTheirBuckets() {
        ResourceSet set = setOf("s3:GetObject", List.of("arn:aws:s3:::secret-bucket/*", "arn:aws:s3:::open-bucket/*"));
        assertEquals("object", set.type());
        assertEquals("the objects of 2 s3 bucket(s) of account 222222222222", set.label());
    }

    @Test
    void otherArnsNameTheirAccountAndType() {
        ResourceSet set = setOf("iam:GetRole", List.of("arn:aws:iam::222222222222:role/admin",
                "arn:aws:iam::222222222222:role/data"));
        assertEquals("2 iam role(s) of account 222222222222", set.label());
    }
}
