package io.iamscope.model.io.terraform;

import io.iamscope.model.Snapshot;
import java.util.List;
import java.util.Map;

/**
 * A snapshot with a plan's IAM changes applied.
 *
 * @param unknownKeys the condition keys that stand for values the plan leaves unknown until apply: an analysis
 *                    must declare them unknown so that what depends on them is conditional, never refused
 * @param addresses   the plan's resource address of each principal and policy ARN it created or changed
 * @param warnings    what could not be applied, one line each, with the resource address
 */
public record PlannedSnapshot(Snapshot snapshot, List<String> unknownKeys, Map<String, String> addresses,
                              List<String> warnings, int applied) {
    public PlannedSnapshot {
        unknownKeys = List.copyOf(unknownKeys);
        addresses = Map.copyOf(addresses);
        warnings = List.copyOf(warnings);
    }
}
