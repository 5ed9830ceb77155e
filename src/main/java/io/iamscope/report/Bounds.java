package io.iamscope.report;

/**
 * The detail of a report and the length of its lists: every cut list says how many more there are and how to
 * see them.
 *
 * @param limit how many entries a list keeps below {@link Detail#FULL}
 */
public record Bounds(Detail detail, int limit) {
    /** The default: the answer, then every list cut at 8. */
    public static final Bounds STANDARD = new Bounds(Detail.STANDARD, 8);
    public static final Bounds FULL = new Bounds(Detail.FULL, Integer.MAX_VALUE);

    public Bounds {
        if (limit < 1) {
            throw new IllegalArgumentException("a list limit must be at least 1, not " + limit);
        }
    }

    /** How many of {@code size} entries a list keeps: all of them in full detail. */
    public int keep(int size) {
        return detail == Detail.FULL ? size : Math.min(limit, size);
    }

    /** As {@link #keep(int)}, but at most {@code most} outside full detail: for the first screen's short lists. */
    public int keep(int size, int most) {
        return detail == Detail.FULL ? size : Math.min(Math.min(limit, most), size);
    }

    public boolean full() {
        return detail == Detail.FULL;
    }
}
