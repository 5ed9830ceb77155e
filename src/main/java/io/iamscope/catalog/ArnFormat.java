package io.iamscope.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A compiled ARN format from the Service Authorization Reference, such as
 * {@code arn:${Partition}:s3:::${BucketName}/${ObjectName}}, matched against concrete ARNs component by component
 * over the six colon-separated ARN components (the sixth runs to the end and may hold colons).
 *
 * <p>Each {@code ${...}} placeholder matches any run of characters, except that in the resource component it
 * does not cross a {@code /} or {@code :} unless its name says it holds a path or an object key
 * ({@code ${RoleNameWithPath}}, {@code ${ResourcePath}}, {@code ${ObjectName}}). Without that rule the bucket
 * format {@code ${BucketName}} would also accept {@code bucket/key}, and {@code s3:ListBucket} would seem to
 * apply to objects. Literals are compared ignoring case, which can only widen a match.
 */
public final class ArnFormat {
    private static final int COMPONENTS = 6;

    private final String format;
    private final List<List<Token>> components;

    private record Token(String literal, boolean freeForm) {
        boolean isPlaceholder() {
            return literal == null;
        }
    }

    /** The literal service component (lowercase), or null when it is a placeholder or mixed. */
    private final String service;
    /** The literal text the resource component starts with (lowercase), possibly empty. */
    private final String resourcePrefix;

    private ArnFormat(String format, List<List<Token>> components) {
        this.format = format;
        this.components = components;
        if (components.isEmpty()) {
            this.service = null;
            this.resourcePrefix = "";
        } else {
            List<Token> svc = components.get(2);
            this.service = svc.size() == 1 && !svc.get(0).isPlaceholder() ? svc.get(0).literal() : null;
            List<Token> res = components.get(COMPONENTS - 1);
            this.resourcePrefix = !res.isEmpty() && !res.get(0).isPlaceholder() ? res.get(0).literal() : "";
        }
    }

    /**
     * A quick rejection before splitting: the ARN's service must be the format's literal one and its resource
     * must start with the format's literal resource prefix ({@code role/}). Most formats fail here when a
     * snapshot's thousands of ARNs are tested against every resource type of a service.
     */
    private boolean cannotMatch(String arn) {
        int c1 = arn.indexOf(':');
        int c2 = c1 < 0 ? -1 : arn.indexOf(':', c1 + 1);
        int c3 = c2 < 0 ? -1 : arn.indexOf(':', c2 + 1);
        int c4 = c3 < 0 ? -1 : arn.indexOf(':', c3 + 1);
        int c5 = c4 < 0 ? -1 : arn.indexOf(':', c4 + 1);
        if (c5 < 0) {
            return false; // not a six-component ARN: let the full test decide
        }
        if (service != null && (c3 - c2 - 1 != service.length()
                || !arn.regionMatches(true, c2 + 1, service, 0, service.length()))) {
            return true;
        }
        return !arn.regionMatches(true, c5 + 1, resourcePrefix, 0, resourcePrefix.length());
    }

    /** Compiles {@code format}; a format without six components matches only itself, ignoring case. */
    public static ArnFormat compile(String format) {
        String[] parts = split(format);
        List<List<Token>> components = new ArrayList<>();
        if (parts != null) {
            for (int c = 0; c < COMPONENTS; c++) {
                components.add(tokens(parts[c], c == COMPONENTS - 1));
            }
        }
        return new ArnFormat(format, List.copyOf(components));
    }

    /**
     * The literal text the resource component starts with, lowercased ({@code role/} of
     * {@code role/${RoleNameWithPath}}), possibly empty: an ARN whose resource does not start with it does not
     * fit.
     */
    public String resourcePrefix() {
        return resourcePrefix;
    }

    /** The format as documented. */
    public String format() {
        return format;
    }

    /** Whether the concrete {@code arn} fits this format. */
    public boolean matches(String arn) {
        if (components.isEmpty()) {
            return format.equalsIgnoreCase(arn);
        }
        if (cannotMatch(arn)) {
            return false;
        }
        return matchesComponents(arn);
    }

    /**
     * A concrete ARN split into its lowercased components once, to be tested against many formats
     * ({@link #matches(Split)}): a snapshot's ARNs against every resource type of their service.
     */
    public static final class Split {
        private final String arn;
        private final String[] lower;

        private Split(String arn, String[] lower) {
            this.arn = arn;
            this.lower = lower;
        }

        /** The ARN as given. */
        public String arn() {
            return arn;
        }
    }

    public static Split parse(String arn) {
        String[] parts = split(arn);
        if (parts != null) {
            for (int c = 0; c < COMPONENTS; c++) {
                parts[c] = parts[c].toLowerCase(Locale.ROOT);
            }
        }
        return new Split(arn, parts);
    }

    /** {@link #matches(String)} on an ARN split beforehand: the same answer. */
    public boolean matches(Split arn) {
        if (components.isEmpty()) {
            return format.equalsIgnoreCase(arn.arn);
        }
        String[] parts = arn.lower;
        if (parts == null || service != null && !service.equals(parts[2])
                || !parts[COMPONENTS - 1].startsWith(resourcePrefix)) {
            return false;
        }
        for (int c = 0; c < COMPONENTS; c++) {
            if (!matches(components.get(c), 0, parts[c], 0, c == COMPONENTS - 1)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #matches} without the quick rejection (for the test that the rejection loses nothing). */
    boolean matchesComponents(String arn) {
        if (components.isEmpty()) {
            return format.equalsIgnoreCase(arn);
        }
        String[] parts = split(arn);
        if (parts == null) {
            return false;
        }
        for (int c = 0; c < COMPONENTS; c++) {
            if (!matches(components.get(c), 0, parts[c].toLowerCase(Locale.ROOT), 0, c == COMPONENTS - 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(List<Token> tokens, int t, String s, int i, boolean resource) {
        if (t == tokens.size()) {
            return i == s.length();
        }
        Token token = tokens.get(t);
        if (!token.isPlaceholder()) {
            return s.startsWith(token.literal(), i) && matches(tokens, t + 1, s, i + token.literal().length(),
                    resource);
        }
        for (int end = i; end <= s.length(); end++) {
            if (matches(tokens, t + 1, s, end, resource)) {
                return true;
            }
            if (end < s.length() && resource && !token.freeForm()) {
                char c = s.charAt(end);
                if (c == '/' || c == ':') {
                    return false;
                }
            }
        }
        return false;
    }

    private static List<Token> tokens(String component, boolean resource) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < component.length()) {
            int open = component.indexOf("${", i);
            int close = open < 0 ? -1 : component.indexOf('}', open);
            if (close < 0) {
                tokens.add(new Token(component.substring(i).toLowerCase(Locale.ROOT), false));
                break;
            }
            if (open > i) {
                tokens.add(new Token(component.substring(i, open).toLowerCase(Locale.ROOT), false));
            }
            String name = component.substring(open + 2, close).toLowerCase(Locale.ROOT);
            tokens.add(new Token(null, resource && (name.contains("path") || name.equals("objectname"))));
            i = close + 1;
        }
        return List.copyOf(tokens);
    }

    /** The six components, or {@code null} when there are fewer or the text is not an ARN. */
    private static String[] split(String arn) {
        if (!arn.regionMatches(true, 0, "arn:", 0, 4)) {
            return null;
        }
        String[] parts = new String[COMPONENTS];
        int from = 0;
        for (int c = 0; c < COMPONENTS - 1; c++) {
            int colon = arn.indexOf(':', from);
            if (colon < 0) {
                return null;
            }
            parts[c] = arn.substring(from, colon);
            from = colon + 1;
        }
        parts[COMPONENTS - 1] = arn.substring(from);
        return parts;
    }

    @Override
    public String toString() {
        return format;
    }
}
