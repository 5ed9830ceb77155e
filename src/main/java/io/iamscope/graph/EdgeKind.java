package io.iamscope.graph;

/** How one principal gets to act as another. */
public enum EdgeKind {
    /** sts:AssumeRole / AssumeRoleWithWebIdentity / AssumeRoleWithSAML allowed on both sides. */
    ASSUME,
    /** A privilege-escalation technique (its id is on the edge). */
    ESCALATE,
    /** A user is a member of a group and so holds its policies. */
    MEMBER
}
