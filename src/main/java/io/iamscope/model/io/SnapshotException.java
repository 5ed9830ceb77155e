package io.iamscope.model.io;

import io.iamscope.policy.SourceLocation;

/**
 * A snapshot (or AWS CLI export) that cannot be read: the file, the JSON pointer of the offending value, a
 * stable code and one lowercase line. Printed as
 * {@code snapshot.json at /accounts/0/authorizationDetails/RoleDetailList/3/AssumeRolePolicyDocument:
 * POLICY_INVALID_EFFECT: ...}; never a parser stack trace.
 */
public final class SnapshotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient SourceLocation location;

    public SnapshotException(String code, String message, SourceLocation location) {
        super(location + ": " + code + ": " + message);
        this.code = code;
        this.location = location;
    }

    public String code() {
        return code;
    }

    public SourceLocation location() {
        return location;
    }
}
