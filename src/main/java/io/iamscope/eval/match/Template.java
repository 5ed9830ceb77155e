package io.iamscope.eval.match;

import io.iamscope.eval.RequestContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy string that may hold policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team}},
 * {@code ${s3:prefix, 'home'}}, and the specials {@code ${*}}, {@code ${?}}, {@code ${$}}), parsed once and
 * resolved per request.
 *
 * <p>AWS (IAM JSON policy elements: Variables and tags): variables are recognised only under Version
 * 2012-10-17; under 2008-10-17 the text is literal. A variable whose key is not in the request makes the
 * string unusable ("the element doesn't match") unless a default value is given. Substituted values are
 * literal: a {@code *} inside a user name is not a wildcard. Only single-valued keys can be variables; a
 * multivalued key resolves as absent.
 */
public final class Template {
    private sealed interface Part permits Text, Variable, Special {
    }

    private record Text(String text) implements Part {
    }

    private record Variable(String key, String defaultValue, RequestContext.Key lookup) implements Part {
        Variable(String key, String defaultValue) {
            this(key, defaultValue, RequestContext.Key.of(key));
        }
    }

    private record Special(char c) implements Part {
    }

    /** The result of resolving a template against a request. */
    public record Resolution(Status status, Glob glob, String unknownKey) {
        public enum Status { RESOLVED, ABSENT, UNKNOWN }
    }

    private final String raw;
    private final List<Part> parts;
    private final boolean ignoreCase;
    private final Resolution constant;

    private Template(String raw, List<Part> parts, boolean ignoreCase) {
        this.raw = raw;
        this.parts = parts;
        this.ignoreCase = ignoreCase;
        boolean hasVariables = parts.stream().anyMatch(p -> p instanceof Variable);
        this.constant = hasVariables ? null : new Resolution(Resolution.Status.RESOLVED, assemble(null), null);
    }

    /**
     * Parses {@code raw}. With {@code substitute} false (a 2008-10-17 document) the text is taken literally,
     * wildcards kept.
     */
    public static Template parse(String raw, boolean substitute, boolean ignoreCase) {
        List<Part> parts = new ArrayList<>();
        if (!substitute) {
            parts.add(new Text(raw));
            return new Template(raw, parts, ignoreCase);
        }
        int i = 0;
        StringBuilder text = new StringBuilder();
        while (i < raw.length()) {
            int open = raw.indexOf("${", i);
            int close = open < 0 ? -1 : raw.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                text.append(raw, i, raw.length());
                break;
            }
            text.append(raw, i, open);
            if (text.length() > 0) {
                parts.add(new Text(text.toString()));
                text.setLength(0);
            }
            parts.add(variable(raw.substring(open + 2, close)));
            i = close + 1;
        }
        if (text.length() > 0) {
            parts.add(new Text(text.toString()));
        }
        return new Template(raw, parts, ignoreCase);
    }

    private static Part variable(String body) {
        String inner = body.trim();
        if (inner.length() == 1 && "*?$".indexOf(inner.charAt(0)) >= 0) {
            return new Special(inner.charAt(0));
        }
        int comma = inner.indexOf(',');
        if (comma >= 0) {
            String key = inner.substring(0, comma).trim();
            String def = inner.substring(comma + 1).trim();
            if (def.length() >= 2 && def.startsWith("'") && def.endsWith("'")) {
                def = def.substring(1, def.length() - 1);
            }
            return new Variable(key, def);
        }
        return new Variable(inner, null);
    }

    public String raw() {
        return raw;
    }

    /** Whether this template needs a request to resolve. */
    public boolean hasVariables() {
        return constant == null;
    }

    /** The keys of the variables in this template. */
    public List<String> variableKeys() {
        List<String> keys = new ArrayList<>();
        for (Part p : parts) {
            if (p instanceof Variable v) {
                keys.add(v.key());
            }
        }
        return keys;
    }

    public Resolution resolve(RequestContext context) {
        if (constant != null) {
            return constant;
        }
        for (Part p : parts) {
            if (p instanceof Variable v) {
                if (context.isUnknown(v.lookup())) {
                    return new Resolution(Resolution.Status.UNKNOWN, null, v.key());
                }
                List<String> values = context.values(v.lookup());
                if ((values == null || values.size() != 1) && v.defaultValue() == null) {
                    return new Resolution(Resolution.Status.ABSENT, null, v.key());
                }
            }
        }
        return new Resolution(Resolution.Status.RESOLVED, assemble(context), null);
    }

    private Glob assemble(RequestContext context) {
        Glob.Builder b = Glob.builder(ignoreCase);
        for (Part p : parts) {
            if (p instanceof Text t) {
                b.pattern(t.text());
            } else if (p instanceof Special s) {
                b.literal(String.valueOf(s.c()));
            } else if (p instanceof Variable v) {
                List<String> values = context.values(v.lookup());
                b.literal(values != null && values.size() == 1 ? values.get(0) : v.defaultValue());
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        return raw;
    }
}
