package io.iamscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestContextTest {
    @Test
    void keysAreCaseInsensitiveAndThreeStateful() {
        RequestContext c = RequestContext.builder().put("aws:SourceIp", "10.0.0.1").unknown("aws:RequestTag/*")
                .unknown("aws:MultiFactorAuthPresent").build();
        assertEquals(List.of("10.0.0.1"), c.values("AWS:SOURCEIP"));
        assertTrue(c.isUnknown("aws:requesttag/team"));
        assertTrue(c.isUnknown("aws:multifactorauthpresent"));
        assertFalse(c.isUnknown("aws:username"));
        assertNull(c.values("aws:username"));
    }

    @Test
    void aBuilderChangedAfterBuildingLeavesTheBuiltContextAlone() {
        RequestContext.Builder b = RequestContext.builder().put("aws:username", "alice");
        RequestContext first = b.build();
        b.put("aws:username", "bob").unknown("aws:SourceIp");
        assertEquals(List.of("alice"), first.values("aws:username"));
        assertFalse(first.isUnknown("aws:SourceIp"));
        assertEquals(List.of("bob"), b.build().values("aws:username"));
        RequestContext derived = first.toBuilder().put("aws:PrincipalAccount", "111122223333").build();
        assertNull(first.values("aws:PrincipalAccount"));
        assertEquals(List.of("alice"), derived.values("aws:username"));
    }
}
