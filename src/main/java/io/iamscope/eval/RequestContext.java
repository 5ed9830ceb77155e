package io.iamscope.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The condition keys of a request. Key names compare case-insensitively, as AWS documents for condition keys.
 * A key is in one of three states: present (with one or more values), <em>unknown</em> (the caller declared
 * that it cannot say; conditions on it are reported, not decided) or absent (AWS's "key not present").
 * Unknown keys may end in {@code *} to cover a family ({@code aws:RequestTag/*}). An unknown key may also be known
 * to be present ({@link Builder#unknownValue}): AWS sends it, but its value cannot be known in advance
 * ({@code aws:TokenIssueTime} of a role session: the time the attacker will call AssumeRole); a {@code Null}
 * condition on it is decided, any condition on its value is not.
 */
public final class RequestContext {
    private static final RequestContext EMPTY = new RequestContext(Map.of(), Map.of(), Set.of(), Set.of(), List.of(),
            null);

    private final Map<String, List<String>> values;
    private final Map<String, String> writtenNames;
    private final Set<String> unknown;
    /** The unknown keys known to be present (a subset of {@link #unknown}). */
    private final Set<String> presentUnknown;
    private final List<String> unknownPrefixes;
    /** The context this one is laid over (see {@link #over}), or null. */
    private final RequestContext under;

    private RequestContext(Map<String, List<String>> values, Map<String, String> writtenNames, Set<String> unknown,
                           Set<String> presentUnknown, List<String> unknownPrefixes, RequestContext under) {
        this.values = values;
        this.writtenNames = writtenNames;
        this.unknown = unknown;
        this.presentUnknown = presentUnknown;
        this.unknownPrefixes = unknownPrefixes;
        this.under = under;
    }

    /**
     * This context laid over another without copying either: a key this one has (present or unknown) is taken
     * from it, any other from {@code below}. The same answers as {@code below.toBuilder()} with this context's
     * keys put on top; analyses build one request per (principal, resource) from a principal's keys and a
     * resource's, and copying both maps each time was most of the cost.
     */
    public RequestContext over(RequestContext below) {
        if (below == null || below.isEmptyContext()) {
            return this;
        }
        if (isEmptyContext()) {
            return below;
        }
        return new RequestContext(values, writtenNames, unknown, presentUnknown, unknownPrefixes,
                under == null ? below : under.over(below));
    }

    private boolean isEmptyContext() {
        return values.isEmpty() && unknown.isEmpty() && unknownPrefixes.isEmpty() && under == null;
    }

    /** Whether this layer itself (not the one below) has a value for the key or declares it unknown by name. */
    private boolean ownsKey(String k) {
        return values.containsKey(k) || unknown.contains(k);
    }

    private boolean matchesOwnPrefix(String k) {
        for (String prefix : unknownPrefixes) {
            if (k.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A condition key name lowered once, for lookups on the hot path: compiled policies hold these so that no
     * request lowers a key name again.
     */
    public record Key(String name) {
        public static Key of(String written) {
            return new Key(normalize(written));
        }
    }

    public static RequestContext empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The values of a present key, or null when the key is absent or unknown. */
    public List<String> values(String key) {
        return values(new Key(normalize(key)));
    }

    /** The single value of a present key (the first when there are several), or null. */
    public String value(String key) {
        List<String> v = values(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The values of a present key, or null when the key is absent or unknown. */
    public List<String> values(Key key) {
        List<String> v = values.get(key.name());
        if (v != null || under == null || ownsKey(key.name())) {
            return v;
        }
        return under.values(key);
    }

    public boolean isUnknown(String key) {
        return isUnknown(new Key(normalize(key)));
    }

    public boolean isUnknown(Key key) {
        String k = key.name();
        if (under != null && !ownsKey(k)) {
            // As in a flat context, a value (here, below) wins over an unknown prefix (here).
            return under.isUnknown(key) || (matchesOwnPrefix(k) && under.values(key) == null);
        }
        if (unknown.isEmpty() && unknownPrefixes.isEmpty()) {
            return false;
        }
        if (values.containsKey(k)) {
            return false;
        }
        if (unknown.contains(k)) {
            return true;
        }
        return matchesOwnPrefix(k);
    }

    public boolean isPresent(String key) {
        return values(key) != null;
    }

    /** Whether the key is unknown but known to be present: sent by AWS with a value that cannot be known. */
    public boolean isPresentUnknown(Key key) {
        String k = key.name();
        if (under != null && !ownsKey(k)) {
            return under.isPresentUnknown(key);
        }
        return presentUnknown.contains(k);
    }

    public boolean isPresentUnknown(String key) {
        return isPresentUnknown(new Key(normalize(key)));
    }

    /** Present keys with their written names, in insertion order (the layer below first). */
    public Map<String, List<String>> entries() {
        return flatten().entriesOfLayer();
    }

    private Map<String, List<String>> entriesOfLayer() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        writtenNames.forEach((k, written) -> out.put(written, values.get(k)));
        return out;
    }

    public Set<String> unknownKeys() {
        RequestContext flat = flatten();
        Set<String> out = new LinkedHashSet<>(flat.unknown);
        flat.unknownPrefixes.forEach(p -> out.add(p + "*"));
        return out;
    }

    private RequestContext flatten() {
        return under == null ? this : toBuilder().build();
    }

    /** A copy with more values or unknowns; later values replace earlier ones for the same key. */
    public Builder toBuilder() {
        // Copies the normalised maps as they are: a request derived from a base context (a principal's keys,
        // then the resource's) is built many times on the analysis hot paths.
        Builder b = under == null ? new Builder() : under.toBuilder();
        if (under != null) {
            // This layer's unknowns and prefixes hide what the layer below says of those keys.
            for (String k : unknown) {
                b.unknown(k);
            }
            b.presentUnknown.addAll(presentUnknown);
            for (String p : unknownPrefixes) {
                b.unknown(p + "*");
            }
            for (String k : values.keySet()) {
                b.values.remove(k);
                b.written.remove(k);
            }
        }
        b.values.putAll(values);
        b.written.putAll(writtenNames);
        if (under == null) {
            b.unknown.addAll(unknown);
            b.presentUnknown.addAll(presentUnknown);
            b.unknownPrefixes.addAll(unknownPrefixes);
        }
        return b;
    }

    static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "RequestContext" + entries() + (unknownKeys().isEmpty() ? "" : " unknown " + unknownKeys());
    }

    /** Builds a context; not thread-safe. */
    public static final class Builder {
        private final Map<String, List<String>> values = new HashMap<>();
        private final Map<String, String> written = new LinkedHashMap<>();
        private final Set<String> unknown = new LinkedHashSet<>();
        private final Set<String> presentUnknown = new LinkedHashSet<>();
        private final List<String> unknownPrefixes = new ArrayList<>();

        public Builder put(String key, String value) {
            return put(key, List.of(value));
        }

        public Builder put(String key, List<String> keyValues) {
            String k = normalize(key);
            values.put(k, List.copyOf(keyValues));
            written.put(k, key);
            presentUnknown.remove(k);
            return this;
        }

        /** Puts the key only when it has no value yet (derived defaults never override what a caller gave). */
        public Builder putIfAbsent(String key, List<String> keyValues) {
            String k = normalize(key);
            if (!values.containsKey(k) && !unknown.contains(k)) {
                put(key, keyValues);
            }
            return this;
        }

        public boolean has(String key) {
            String k = normalize(key);
            return values.containsKey(k) || unknown.contains(k);
        }

        public Builder remove(String key) {
            String k = normalize(key);
            values.remove(k);
            written.remove(k);
            unknown.remove(k);
            presentUnknown.remove(k);
            return this;
        }

        /** Declares a key unknown; {@code aws:RequestTag/*} declares every key with that prefix unknown. */
        public Builder unknown(String key) {
            String k = normalize(key);
            values.remove(k);
            written.remove(k);
            if (k.endsWith("*")) {
                unknownPrefixes.add(k.substring(0, k.length() - 1));
            } else {
                unknown.add(k);
                presentUnknown.remove(k);
            }
            return this;
        }

        /**
         * Declares a key unknown but present: AWS sends it, with a value that cannot be known (a {@code Null}
         * condition on it is decided, a condition on its value is conditional).
         */
        public Builder unknownValue(String key) {
            unknown(key);
            presentUnknown.add(normalize(key));
            return this;
        }

        public RequestContext build() {
            return new RequestContext(Map.copyOf(values), new LinkedHashMap<>(written), Set.copyOf(unknown),
                    Set.copyOf(presentUnknown), List.copyOf(unknownPrefixes), null);
        }
    }
}
