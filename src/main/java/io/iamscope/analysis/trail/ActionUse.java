package io.iamscope.analysis.trail;

/**
 * An action the attacker called, with how the calls went.
 *
 * @param deniedOn a resource it was refused on, null when none is known
 */
public record ActionUse(String action, long succeeded, long denied, long failed, String deniedOn) {
    public String service() {
        return action.substring(0, action.indexOf(':'));
    }
}
