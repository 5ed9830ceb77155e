package io.iamscope.analysis.blast;

import io.iamscope.eval.Decision;

/**
 * One (action, resource) a principal may perform: allowed now, or under some values of unknown keys.
 *
 * @param concrete whether {@code resource} is a resource of the snapshot rather than a policy's pattern
 */
record Allowed(int actionId, String resource, boolean concrete, Decision decision) {
}
