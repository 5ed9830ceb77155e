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

    @Test
    void aKeyCanBeUnknownButPresentThroughLayersAndCopies() {
        RequestContext session = RequestContext.builder().unknownValue("aws:TokenIssueTime").build();
        assertTrue(session.isUnknown("aws:tokenissuetime"));
        assertTrue(session.isPresentUnknown("AWS:TokenIssueTime"));
        RequestContext over = RequestContext.builder().put("aws:SourceIp", "10.0.0.1").build().over(session);
        assertTrue(over.isPresentUnknown("aws:TokenIssueTime"));
        assertTrue(over.toBuilder().build().isPresentUnknown("aws:TokenIssueTime"));
        // A layer above that says otherwise hides it: a plain unknown, or a value.
        RequestContext plain = RequestContext.builder().unknown("aws:TokenIssueTime").build().over(session);
        assertTrue(plain.isUnknown("aws:TokenIssueTime"));
        assertFalse(plain.isPresentUnknown("aws:TokenIssueTime"));
        assertFalse(plain.toBuilder().build().isPresentUnknown("aws:TokenIssueTime"));
        RequestContext valued = session.toBuilder().put("aws:TokenIssueTime", "2026-01-01T00:00:00Z").build();
        assertFalse(valued.isUnknown("aws:TokenIssueTime"));
        assertFalse(RequestContext.builder().unknown("aws:SourceIp").build().isPresentUnknown("aws:SourceIp"));
    }
}
