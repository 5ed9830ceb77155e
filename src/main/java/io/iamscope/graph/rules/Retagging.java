package io.iamscope.graph.rules;

/**
 * A technique that changes tags and then runs other techniques again for the changed attacker or resource. Such a
 * technique is not itself run again by another (a change of tags on top of a change of tags is not modelled).
 */
interface Retagging {
}
