package io.iamscope.analysis.trail;

import io.iamscope.analysis.Workspace;
import java.util.List;

/**
 * The snapshot with some of the attacker's changes applied.
 *
 * @param unknownKeys condition keys standing for what the logs do not carry (a policy document left out or cut
 *                    short): declared unknown, so that what they may grant is conditional, never refused
 * @param warnings    what could not be applied, one line each, naming the call and its time
 * @param applied     how many changes of principals, policies and resources were made
 */
public record AppliedChanges(Workspace workspace, List<String> unknownKeys, List<String> warnings, int applied) {
    public AppliedChanges {
        unknownKeys = List.copyOf(unknownKeys);
        warnings = List.copyOf(warnings);
    }
}
