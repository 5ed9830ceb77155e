package io.iamscope.analysis.trail;

/** A resource the attacker's successful calls named, and how many named it. */
public record ResourceUse(String arn, long calls) {
}
