package io.iamscope.collect.call;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Follows pagination markers by hand rather than with the SDK paginators, so that a page that says it is
 * truncated but gives no marker, or repeats a marker, ends the listing with a gap instead of looping forever.
 */
public final class Paging {
    /** The gap's error code for a page that says it is truncated but gives no marker (or repeats one). */
    public static final String TRUNCATED_PAGE = "TRUNCATED_PAGE";

    private Paging() {
    }

    /**
     * One page of a listing.
     *
     * @param items     the items of this page
     * @param next      the marker or token for the next page, or null
     * @param truncated whether the service says more pages follow (for token-only APIs: {@code next != null})
     */
    public record Page<T>(List<T> items, String next, boolean truncated) {
        /** A page of a token-only API: more follow exactly when a token is given. */
        public static <T> Page<T> of(List<T> items, String next) {
            return new Page<>(items, blankToNull(next), blankToNull(next) != null);
        }
    }

    /**
     * Every item of a listing. {@code fetch} gets the marker (null for the first page) and makes the call;
     * a failed page records a gap and returns what was read so far.
     */
    public static <T> List<T> all(Calls calls, AwsOperation op, String region, String resource,
            Function<String, Page<T>> fetch) {
        List<T> out = new ArrayList<>();
        read(calls, op, region, resource, fetch, out);
        return out;
    }

    /**
     * Every item of a listing, or null when it could not be read whole (a failed or truncated page, recorded
     * as a gap): for a listing that is all or nothing, such as a resource's tags, where a part would pass for
     * the whole.
     */
    public static <T> List<T> complete(Calls calls, AwsOperation op, String region, String resource,
            Function<String, Page<T>> fetch) {
        List<T> out = new ArrayList<>();
        return read(calls, op, region, resource, fetch, out) ? out : null;
    }

    /** Reads the pages into {@code out}; false when a page failed or the listing stopped short. */
    private static <T> boolean read(Calls calls, AwsOperation op, String region, String resource,
            Function<String, Page<T>> fetch, List<T> out) {
        Set<String> seen = new HashSet<>();
        String marker = null;
        while (true) {
            String current = marker;
            Page<T> page = calls.get(op, region, resource, () -> fetch.apply(current));
            if (page == null) {
                return false;
            }
            out.addAll(page.items());
            if (!page.truncated()) {
                return true;
            }
            String next = blankToNull(page.next());
            if (next == null) {
                calls.gaps().add(op, region, resource, TRUNCATED_PAGE,
                        "the page says more results follow but gives no marker; the listing may be incomplete");
                return false;
            }
            if (!seen.add(next)) {
                calls.gaps().add(op, region, resource, TRUNCATED_PAGE,
                        "the service repeated marker `" + next + "`; the listing may be incomplete");
                return false;
            }
            marker = next;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
