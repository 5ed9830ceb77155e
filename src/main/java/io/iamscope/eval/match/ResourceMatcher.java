package io.iamscope.eval.match;

import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;
import io.iamscope.policy.PatternList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Matches a resource ARN against {@code Resource}/{@code NotResource}: case-sensitive, wildcards within
 * each ARN component ({@link ArnMatch}), policy variables substituted per request. A statement without
 * either element (as in role trust policies) applies to any resource.
 */
public final class ResourceMatcher {
    private static final ResourceMatcher ANY = new ResourceMatcher(new Template[0], false, true);

    private final Template[] templates;
    private final boolean negated;
    private final boolean any;

    private ResourceMatcher(Template[] templates, boolean negated, boolean any) {
        this.templates = templates;
        this.negated = negated;
        this.any = any;
    }

    /** Compiles the element; {@code list == null} (no Resource element) matches everything. */
    public static ResourceMatcher compile(PatternList list, boolean substituteVariables) {
        if (list == null) {
            return ANY;
        }
        Template[] templates = new Template[list.patterns().size()];
        boolean star = false;
        for (int i = 0; i < templates.length; i++) {
            String p = list.patterns().get(i);
            star |= "*".equals(p);
            templates[i] = Template.parse(p, substituteVariables, false);
        }
        return new ResourceMatcher(templates, list.negated(), star);
    }

    public Truth matches(String resource, RequestContext context) {
        Truth hit = any ? Truth.TRUE : Truth.FALSE;
        for (int i = 0; hit != Truth.TRUE && i < templates.length; i++) {
            Template.Resolution r = templates[i].resolve(context);
            switch (r.status()) {
                case RESOLVED -> hit = hit.or(Truth.of(ArnMatch.matches(r.glob(), resource)));
                case UNKNOWN -> hit = hit.or(Truth.UNKNOWN);
                case ABSENT -> { }
            }
        }
        return negated ? hit.not() : hit;
    }

    /**
     * {@link #matches} for every ARN of a list at once: on return {@code yes} holds the positions where it is
     * TRUE and {@code unknown} those where it is UNKNOWN (both must be empty on entry). A variable-free
     * pattern is looked up in the list's cache; a pattern with variables is resolved in the context and
     * tested against each ARN.
     */
    public void matchAll(ArnList list, RequestContext context, BitSet yes, BitSet unknown) {
        int n = list.size();
        if (any) {
            yes.set(0, n);
        }
        for (int i = 0; !any && i < templates.length; i++) {
            Template.Resolution r = templates[i].resolve(context);
            switch (r.status()) {
                case RESOLVED -> {
                    if (templates[i].hasVariables()) {
                        for (int j = 0; j < n; j++) {
                            if (ArnMatch.matches(r.glob(), list.get(j))) {
                                yes.set(j);
                            }
                        }
                    } else {
                        yes.or(list.matching(r.glob()));
                    }
                }
                case UNKNOWN -> unknown.set(0, n);
                case ABSENT -> { }
            }
        }
        unknown.andNot(yes);
        if (negated) {
            // Kleene negation: TRUE and FALSE swap, UNKNOWN stays.
            BitSet no = new BitSet(n);
            no.set(0, n);
            no.andNot(yes);
            no.andNot(unknown);
            yes.clear();
            yes.or(no);
        }
    }

    /**
     * The literal prefixes of the patterns (the text before the first wildcard), when a resource that starts with
     * none of them is certainly not matched: a plain Resource element without policy variables. Null otherwise
     * (NotResource, no element, {@code *} or a pattern starting with a wildcard, a variable, which may be unknown
     * and so match UNKNOWN whatever the resource). For indexing statements by resource.
     */
    public List<String> literalPrefixes() {
        if (any || negated || templates.length == 0) {
            return null;
        }
        List<String> prefixes = new ArrayList<>(templates.length);
        for (Template t : templates) {
            if (t.hasVariables()) {
                return null;
            }
            Glob g = t.resolve(null).glob();
            String prefix = g.literalPrefix();
            if (prefix.isEmpty() || g.ignoreCase()) {
                return null;
            }
            prefixes.add(prefix);
        }
        return prefixes;
    }

    /** The keys of the policy variables in the patterns. */
    public List<String> variableKeys() {
        List<String> keys = new ArrayList<>();
        for (Template t : templates) {
            keys.addAll(t.variableKeys());
        }
        return keys;
    }

    /** The variable keys that are unknown in this context (for explaining an UNKNOWN match). */
    public List<String> unknownKeys(RequestContext context) {
        List<String> keys = new ArrayList<>();
        for (Template t : templates) {
            for (String k : t.variableKeys()) {
                if (context.isUnknown(k) && !keys.contains(k)) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(negated ? "NotResource " : "Resource ");
        for (Template t : templates) {
            sb.append(t.raw()).append(' ');
        }
        return sb.toString().trim();
    }
}
