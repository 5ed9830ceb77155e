package io.iamscope.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActionSetTest {
    @Test
    void setAlgebra() {
        ActionSet a = ActionSet.of(130, 0, 5, 64, 129);
        ActionSet b = ActionSet.of(130, 5, 6, 129);
        assertArrayEquals(new int[] {0, 5, 6, 64, 129}, a.union(b).ids().toArray());
        assertArrayEquals(new int[] {5, 129}, a.intersect(b).ids().toArray());
        assertArrayEquals(new int[] {0, 64}, a.minus(b).ids().toArray());
        assertEquals(126, a.complement().size());
        assertEquals(a, a.complement().complement());
        assertTrue(a.union(b).containsAll(a));
        assertFalse(a.containsAll(b));
        assertFalse(a.contains(130));
        assertEquals(ActionSet.all(130), a.union(a.complement()));
        assertTrue(ActionSet.empty(130).isEmpty());
    }

    @Test
    void setsOfDifferentCatalogsDoNotMix() {
        assertThrows(IllegalArgumentException.class, () -> ActionSet.of(10, 1).union(ActionSet.of(11, 1)));
    }

    @Test
    void wildcardMatching() {
        assertTrue(Wildcard.of("Get*").matches("getobject"));
        assertTrue(Wildcard.of("?etRole").matches("GetRole"));
        assertFalse(Wildcard.of("?etRole").matches("etRole"));
        assertTrue(Wildcard.of("*Object*").matches("PutObjectAcl"));
        assertTrue(Wildcard.of("a*b*c").matches("aXbYbZc"));
        assertFalse(Wildcard.of("a*b*c").matches("aXbYbZ"));
        assertTrue(Wildcard.ofTemplate("aws:RequestTag/${TagKey}").matches("AWS:requesttag/env"));
        assertTrue(Wildcard.ofTemplate("s3:ExistingObjectTag/<key>").matches("s3:ExistingObjectTag/a"));
        assertFalse(Wildcard.ofTemplate("s3:Tag*").matches("s3:TagX"));
    }

    @Test
    void arnFormatsMatchComponentWise() {
        ArnFormat bucket = ArnFormat.compile("arn:${Partition}:s3:::${BucketName}");
        assertTrue(bucket.matches("arn:aws-cn:s3:::b"));
        assertFalse(bucket.matches("arn:aws:s3:::b/k"));
        assertFalse(bucket.matches("arn:aws:s3:us-east-1::b"));
        ArnFormat fn = ArnFormat.compile("arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}");
        assertTrue(fn.matches("arn:aws:lambda:eu-west-1:123456789012:function:f"));
        assertFalse(fn.matches("arn:aws:lambda:eu-west-1:123456789012:layer:f"));
        assertFalse(fn.matches("not-an-arn"));
    }
}
