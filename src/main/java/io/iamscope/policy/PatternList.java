package io.iamscope.policy;

import java.util.List;

/**
 * The value of {@code Action}/{@code NotAction} or {@code Resource}/{@code NotResource}: a list of patterns,
 * possibly negated. A single string in JSON becomes a one-element list.
 */
public record PatternList(boolean negated, List<String> patterns, SourceLocation location) {

    public PatternList {
        patterns = List.copyOf(patterns);
    }
}
