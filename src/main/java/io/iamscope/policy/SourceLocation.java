package io.iamscope.policy;

import java.util.Objects;

/**
 * Where something came from: a source name (file, policy ARN, case id) and an RFC 6901 JSON pointer inside it.
 */
public record SourceLocation(String source, String pointer) {

    public SourceLocation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pointer, "pointer");
    }

    public static SourceLocation of(String source) {
        return new SourceLocation(source, "");
    }

    /** A location one step deeper: {@code child("Statement")}, {@code child(0)}. */
    public SourceLocation child(String name) {
        return new SourceLocation(source, pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
    }

    public SourceLocation child(int index) {
        return new SourceLocation(source, pointer + "/" + index);
    }

    @Override
    public String toString() {
        return pointer.isEmpty() ? source : source + " at " + pointer;
    }
}
