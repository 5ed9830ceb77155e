package io.iamscope.access;

/**
 * Whether a user can be given one more access key: IAM lets a user hold at most two, active or inactive alike
 * (IAM User Guide, "IAM and AWS STS quotas": access keys assigned to an IAM user, 2; API Reference,
 * CreateAccessKey: LimitExceeded). A third one takes deleting one of them first (iam:DeleteAccessKey).
 */
public enum AccessKeySlot {
    /** The user holds fewer than two keys: iam:CreateAccessKey alone gives the attacker one. */
    FREE,
    /** The user holds two keys (inactive ones count): one must be deleted first. */
    FULL,
    /**
     * The snapshot cannot say: the account's keys were not listed (an authorization-details export) and neither
     * the user's {@code list-access-keys} output nor a credential report showing two active keys was given, or
     * listing them failed (a collection gap for {@code ListUsers} or the user's {@code ListAccessKeys}).
     */
    UNKNOWN
}
