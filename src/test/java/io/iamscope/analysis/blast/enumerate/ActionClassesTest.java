package io.iamscope.analysis.blast.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.iamscope.catalog.Catalog;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Actions share a class only when no Action or NotAction pattern of the snapshot names one and not the other,
 * they belong to one service, and both or neither are trust actions: the engine reads the action through
 * nothing else, so such actions get the same decision. Fixture {@code blast/action-classes.json}: user
 * {@code reader} is allowed {@code s3:Get*} and denied {@code S3:GETOBJECT} (case does not matter to AWS); the
 * bucket policy denies {@code NotAction s3:PutObject}; a non-default version of a managed policy names
 * {@code s3:GetBucketAcl}; role {@code app} trusts the account for {@code sts:AssumeRole}. The whole-output
 * comparison with one decision per action is {@link AccessEnumeratorClassesTest}.
 */
class ActionClassesTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final ActionClasses CLASSES = ActionClasses.of(SnapshotReader.read(
            Path.of("src/test/resources/blast/action-classes.json")).snapshot(), CATALOG);

    private static int of(String action) {
        return CLASSES.of(CATALOG.action(action).orElseThrow().id());
    }

    @Test
    void actionsNoPatternTellsApartShareAClass() {
        // Both only in s3:Get*.
        assertEquals(of("s3:GetObjectAcl"), of("s3:GetBucketPolicy"));
        // Neither named by any pattern.
        assertEquals(of("s3:ListBucket"), of("s3:PutBucketPolicy"));
        assertEquals(of("kms:Decrypt"), of("kms:Encrypt"));
    }

    @Test
    void aPatternNamingOneButNotTheOtherSplitsThem() {
        assertNotEquals(of("s3:GetObject"), of("s3:GetObjectAcl"), "the Deny names s3:GetObject, in capitals");
        assertNotEquals(of("s3:GetObjectAcl"), of("s3:ListBucket"), "s3:Get* names only the first");
        assertNotEquals(of("s3:PutObject"), of("s3:PutBucketPolicy"), "the bucket policy's NotAction names one");
        assertNotEquals(of("s3:GetBucketAcl"), of("s3:GetBucketPolicy"), "a non-default version counts too");
    }

    @Test
    void servicesAndTrustActionsNeverShare() {
        assertNotEquals(of("sqs:ListQueues"), of("sns:ListTopics"));
        // Neither is named; sts:TagSession is read against a role's trust policy, sts:GetCallerIdentity is not.
        assertNotEquals(of("sts:TagSession"), of("sts:GetCallerIdentity"));
        assertEquals(of("sts:TagSession"), of("sts:SetSourceIdentity"));
        assertNotEquals(of("sts:AssumeRole"), of("sts:TagSession"), "the trust policy names sts:AssumeRole");
    }
}
