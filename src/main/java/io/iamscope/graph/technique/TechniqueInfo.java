package io.iamscope.graph.technique;

import java.util.List;

/**
 * A technique's declared metadata.
 *
 * @param id              stable id, used on edges and in fixtures ({@code iam-create-access-key})
 * @param title           a short title
 * @param summary         one sentence: what the attacker does
 * @param requiredActions every action the attacker must be allowed (all of them); the builder skips a
 *                        principal none of whose identity Allows names one of them
 * @param target          what the technique acts on
 * @param yields          what the attacker gets
 * @param references      public write-ups of the technique
 */
public record TechniqueInfo(String id, String title, String summary, List<String> requiredActions,
                            TargetKind target, String yields, List<String> references) {
    public TechniqueInfo {
        requiredActions = List.copyOf(requiredActions);
        references = List.copyOf(references);
    }
}
