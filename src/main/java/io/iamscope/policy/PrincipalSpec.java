package io.iamscope.policy;

import java.util.List;
import java.util.Map;

/**
 * The value of {@code Principal} or {@code NotPrincipal}. {@code anyone} is {@code "Principal": "*"}; the
 * map holds the typed lists ({@code {"AWS": [...], "Service": [...]}}). {@code {"AWS": "*"}} is kept as
 * written; matchers treat it as anyone, as AWS documents.
 */
public record PrincipalSpec(boolean negated, boolean anyone, Map<PrincipalType, List<String>> values,
                            SourceLocation location) {

    public PrincipalSpec {
        values = Map.copyOf(values);
    }

    public List<String> of(PrincipalType type) {
        return values.getOrDefault(type, List.of());
    }
}
