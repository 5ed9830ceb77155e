package io.iamscope.model;

import java.util.List;

/**
 * A name, ARN or key id that matches nothing (or more than one thing) in the snapshot, with the nearest names
 * that do exist, for a "did you mean" line.
 */
public final class LookupException extends ModelException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> candidates;

    public LookupException(String code, String message, List<String> candidates) {
        super(code, message + suggestion(candidates));
        this.candidates = List.copyOf(candidates);
    }

    public List<String> candidates() {
        return candidates;
    }

    private static String suggestion(List<String> candidates) {
        if (candidates.isEmpty()) {
            return "";
        }
        return ": did you mean " + String.join(", ", candidates.stream().map(c -> "`" + c + "`").toList()) + "?";
    }
}
