package io.iamscope.policy;

import java.util.List;

/**
 * The value of {@code Action}/{@code NotAction} or {@code Resource}/{@code NotResource}: a list of patterns,
 * possibly negated. A single string in JSON becomes a one-element list; {@code listed} remembers which it was,
 * so that each pattern can still be pointed at.
 *
 * @param location where the element's value is ({@code /Statement/0/Action})
 * @param listed   true when JSON gave a list (even of one), false for a single string
 */
public record PatternList(boolean negated, List<String> patterns, SourceLocation location, boolean listed) {

    public PatternList {
        patterns = List.copyOf(patterns);
    }

    /** A list whose patterns are all pointed at by the element's location. */
    public PatternList(boolean negated, List<String> patterns, SourceLocation location) {
        this(negated, patterns, location, false);
    }

    /** Where pattern {@code i} was written: its list item ({@code /Statement/0/Action/1}), or the element. */
    public SourceLocation locationOf(int i) {
        return listed ? location.child(i) : location;
    }
}
