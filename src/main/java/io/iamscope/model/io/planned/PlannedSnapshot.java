package io.iamscope.model.io.planned;

import io.iamscope.model.Snapshot;
import java.util.List;
import java.util.Map;

/**
 * A snapshot with planned IAM changes (a Terraform plan's, a CloudFormation template's) applied.
 *
 * @param unknownKeys the condition keys that stand for values the change leaves unknown until apply: an analysis
 *                    must declare them unknown so that what depends on them is conditional, never refused
 * @param addresses   the resource address (Terraform) or logical id (CloudFormation) of each principal and policy
 *                    ARN the change created or changed
 * @param warnings    what could not be applied, one line each, with the resource address or logical id
 */
public record PlannedSnapshot(Snapshot snapshot, List<String> unknownKeys, Map<String, String> addresses,
                              List<String> warnings, int applied) {
    public PlannedSnapshot {
        unknownKeys = List.copyOf(unknownKeys);
        addresses = Map.copyOf(addresses);
        warnings = List.copyOf(warnings);
    }
}
