package io.iamscope.graph.technique;

/** What a technique acts on, and so where its edge leads. */
public enum TargetKind {
    /** The attacker itself (or its own group or policy): the technique makes it admin-equivalent. */
    SELF,
    /** Another IAM user, whose credentials the attacker obtains. */
    USER,
    /** A role, whose permissions the attacker obtains. */
    ROLE,
    /** A group the attacker joins. */
    GROUP
}
