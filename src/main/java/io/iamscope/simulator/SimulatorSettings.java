package io.iamscope.simulator;

/**
 * How the simulator is asked.
 *
 * @param callsPerSecond     {@code --rate}: calls per second, zero for no limit
 * @param actionsPerCall     actions sent in one call's {@code ActionNames}
 * @param resourcesPerCall   resources sent in one call's {@code ResourceArns}
 * @param pageSize           {@code MaxItems} per page (the API takes 1 to 1000)
 */
public record SimulatorSettings(double callsPerSecond, int actionsPerCall, int resourcesPerCall, int pageSize) {

    /**
     * The API reference documents no maximum count for ActionNames or ResourceArns, only each item's length,
     * so a call is kept to a modest size: fewer results per call, fewer pages, smaller retries.
     */
    public static final SimulatorSettings DEFAULTS = new SimulatorSettings(0, 50, 20, 1000);

    public SimulatorSettings {
        if (actionsPerCall < 1 || resourcesPerCall < 1) {
            throw new IllegalArgumentException("actions and resources per call must be at least 1");
        }
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("page size must be between 1 and 1000");
        }
    }

    public SimulatorSettings withRate(double perSecond) {
        return new SimulatorSettings(perSecond, actionsPerCall, resourcesPerCall, pageSize);
    }
}
