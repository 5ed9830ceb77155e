package io.iamscope.policy;

import java.util.Objects;

/**
 * Where something came from: a source name (file, policy ARN, case id) and an RFC 6901 JSON pointer inside it.
 * The pointer text is built only when asked for: a large snapshot makes millions of locations (one per
 * statement element) and reads almost none of them, so each keeps its parent and its own step instead.
 * Locations compare by source and pointer.
 */
public final class SourceLocation {
    private final String source;
    private final SourceLocation parent;
    /** This location's step, already escaped (RFC 6901), or null for the root of a source. */
    private final String step;
    private String pointer;

    public SourceLocation(String source, String pointer) {
        this.source = Objects.requireNonNull(source, "source");
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.parent = null;
        this.step = null;
    }

    private SourceLocation(SourceLocation parent, String step) {
        this.source = parent.source;
        this.parent = parent;
        this.step = step;
    }

    public static SourceLocation of(String source) {
        return new SourceLocation(source, "");
    }

    /** A location one step deeper: {@code child("Statement")}, {@code child(0)}. */
    public SourceLocation child(String name) {
        return new SourceLocation(this, name.indexOf('~') < 0 && name.indexOf('/') < 0 ? name
                : name.replace("~", "~0").replace("/", "~1"));
    }

    public SourceLocation child(int index) {
        return new SourceLocation(this, Integer.toString(index));
    }

    public String source() {
        return source;
    }

    /** The JSON pointer ({@code /Statement/0/Action}), empty for the whole source. */
    public String pointer() {
        String p = pointer;
        if (p == null) {
            p = parent.pointer() + "/" + step;
            pointer = p; // a benign race: every thread computes the same text
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceLocation other && source.equals(other.source) && pointer().equals(other.pointer());
    }

    @Override
    public int hashCode() {
        return 31 * source.hashCode() + pointer().hashCode();
    }

    @Override
    public String toString() {
        return pointer().isEmpty() ? source : source + " at " + pointer();
    }
}
