package io.iamscope.analysis.trail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which calls are changes to revoke, and which blind the defenders. */
class ChangeKindTest {
    /** Lambda logs its calls with the API version (AWS Lambda Developer Guide, "Logging ... using AWS CloudTrail"). */
    @Test
    void lambdasVersionedEventNamesAreTheirCalls() {
        assertEquals(ChangeKind.PERSISTENCE, ChangeKind.of("AddPermission20150331v2"));
        assertEquals(ChangeKind.PERSISTENCE, ChangeKind.of("RemovePermission20150331v2"));
        assertNull(ChangeKind.of("Invoke20150331"));
    }

    /** A deny taken away widens access as much as a grant: the removals are changes to revoke. */
    @Test
    void removalsThatWidenAccessArePersistence() {
        for (String call : new String[] {"DetachRolePolicy", "DeleteUserPolicy", "DeletePolicyVersion",
                "RemoveUserFromGroup", "DeleteBucketPolicy", "DeleteRolePermissionsBoundary"}) {
            assertEquals(ChangeKind.PERSISTENCE, ChangeKind.of(call), call);
        }
        assertEquals(ChangeKind.EVASION, ChangeKind.of("StopLogging"));
        assertNull(ChangeKind.of("ListUsers"));
    }
}
