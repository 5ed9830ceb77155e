package io.iamscope.eval.match;

import io.iamscope.policy.PatternList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Matches action names against {@code Action}/{@code NotAction}. Action names are case-insensitive ("the
 * prefix and the action name are case insensitive", IAM JSON policy elements: Action), with {@code *} and
 * {@code ?} wildcards; policy variables are not supported there and are taken literally.
 */
public final class ActionMatcher {
    private final Glob[] globs;
    private final boolean negated;
    private final boolean any;
    private final List<String> services;

    private ActionMatcher(Glob[] globs, boolean negated, List<String> services) {
        this.globs = globs;
        this.negated = negated;
        boolean all = false;
        for (Glob g : globs) {
            all |= g.matchesEverything();
        }
        this.any = all;
        this.services = services;
    }

    public static ActionMatcher compile(PatternList list) {
        Glob[] globs = new Glob[list.patterns().size()];
        List<String> services = new ArrayList<>();
        boolean indexable = !list.negated();
        for (int i = 0; i < globs.length; i++) {
            String p = list.patterns().get(i);
            globs[i] = Glob.of(p, true);
            int colon = p.indexOf(':');
            String service = colon < 0 ? null : p.substring(0, colon).toLowerCase(Locale.ROOT);
            if (service == null || service.contains("*") || service.contains("?")) {
                indexable = false;
            } else if (!services.contains(service)) {
                services.add(service);
            }
        }
        return new ActionMatcher(globs, list.negated(), indexable ? List.copyOf(services) : null);
    }

    /** Whether the statement applies to this action (for NotAction: the action is not listed). */
    public boolean matches(String action) {
        boolean hit = any;
        for (int i = 0; !hit && i < globs.length; i++) {
            hit = globs[i].matches(action);
        }
        return hit != negated;
    }

    /**
     * The lowercase service prefixes this matcher can only ever match, or null when it can match any service
     * (a wildcard in the prefix, {@code *}, or NotAction). Lets a policy index statements by service.
     */
    public List<String> services() {
        return services;
    }
}
