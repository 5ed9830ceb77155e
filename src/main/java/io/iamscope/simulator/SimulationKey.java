package io.iamscope.simulator;

/** One (action, resource) pair of a batch simulation. */
public record SimulationKey(String action, String resource) {
}
