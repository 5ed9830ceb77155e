package io.iamscope.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArnTest {
    @Test
    void readsComponentsOfWellFormedArns() {
        String fn = "arn:aws:lambda:us-east-1:111122223333:function:f:alias";
        assertEquals("lambda", Arn.serviceOf(fn));
        assertEquals("us-east-1", Arn.regionOf(fn));
        assertEquals("111122223333", Arn.accountOf(fn));
        assertEquals("function:f:alias", Arn.resourceOf(fn));
        assertEquals("aws", Arn.partitionOf(fn));
        assertEquals("function", Arn.resourceTypeOf(fn));
        Arn parsed = Arn.parse(fn).orElseThrow();
        assertEquals(new Arn("aws", "lambda", "us-east-1", "111122223333", "function:f:alias"), parsed);
        assertEquals(fn, parsed.toString());
        assertEquals("function", parsed.resourceType());
    }

    @Test
    void emptyComponentsAreAbsentForTheReadersAndEmptyInTheValue() {
        assertNull(Arn.accountOf("arn:aws:s3:::bucket/key"));
        assertNull(Arn.regionOf("arn:aws:iam::111122223333:role/r"));
        assertEquals("bucket/key", Arn.resourceOf("arn:aws:s3:::bucket/key"));
        Arn bucket = Arn.parse("arn:aws:s3:::bucket/key").orElseThrow();
        assertEquals("", bucket.account());
        assertEquals("bucket", bucket.resourceType());
        assertEquals("key", bucket.name());
        assertEquals("deploy", Arn.parse("arn:aws:iam::111122223333:role/ci/deploy").orElseThrow().name());
    }

    @Test
    void notAnArnOrTooShort() {
        assertNull(Arn.accountOf("*"));
        assertNull(Arn.serviceOf(null));
        assertNull(Arn.resourceOf("arn:aws:iam::111122223333"));
        assertEquals("111122223333", Arn.accountOf("arn:aws:iam::111122223333"));
        assertFalse(Arn.isArn("arn:aws:iam::111122223333"));
        assertFalse(Arn.isArn("*"));
        assertTrue(Arn.isArn("arn:aws:s3:::b"));
        assertEquals("aws-us-gov", Arn.partitionOf("arn:aws-us-gov:iam::111122223333:root"));
        assertEquals("arn:aws:iam::111122223333:role/deploy",
                Arn.roleOfSession("arn:aws:sts::111122223333:assumed-role/deploy/session-1"));
        assertNull(Arn.roleOfSession("arn:aws:iam::111122223333:role/deploy"));
        assertEquals("arn:aws-cn:iam::111122223333:root", Arn.accountRoot("aws-cn", "111122223333").toString());
    }
}
