package io.iamscope.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NewResourceTest {
    @Test
    void newResourceNamesFollowThePattern() {
        assertEquals("arn:aws:lambda:us-east-1:111111111111:function:team-iamscope",
                NewResource.instantiate("arn:aws:lambda:*:*:function:team-*", "111111111111"));
        assertEquals(null, NewResource.instantiate("*", "111111111111"));
        assertEquals(null, NewResource.instantiate("arn:aws:s3:::${aws:username}/*", "111111111111"));
    }
}
