package io.iamscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ArnsTest {
    @Test
    void readsComponentsOfWellFormedArns() {
        String fn = "arn:aws:lambda:us-east-1:111122223333:function:f:alias";
        assertEquals("lambda", Arns.service(fn));
        assertEquals("us-east-1", Arns.region(fn));
        assertEquals("111122223333", Arns.account(fn));
        assertEquals("function:f:alias", Arns.resource(fn));
        assertEquals("aws", Arns.partition(fn));
    }

    @Test
    void emptyComponentsAreAbsent() {
        assertNull(Arns.account("arn:aws:s3:::bucket/key"));
        assertNull(Arns.region("arn:aws:iam::111122223333:role/r"));
        assertEquals("bucket/key", Arns.resource("arn:aws:s3:::bucket/key"));
    }

    @Test
    void notAnArnOrTooShort() {
        assertNull(Arns.account("*"));
        assertNull(Arns.service(null));
        assertNull(Arns.resource("arn:aws:iam::111122223333"));
        assertEquals("111122223333", Arns.account("arn:aws:iam::111122223333"));
        assertEquals("arn:aws:iam::111122223333:role/deploy",
                Arns.roleOfSession("arn:aws:sts::111122223333:assumed-role/deploy/session-1"));
    }
}
