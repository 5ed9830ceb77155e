package io.iamscope.policytest;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.policy.PolicyType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy documents of a run of cases, read once per content: a case file usually writes the same policies
 * out in every case, and parsing and compiling them again for each case was most of {@code iamscope test}'s time
 * (docs/performance.md). The engine compiles a policy once per {@link AttachedPolicy} instance, so handing every
 * case the same instance also compiles each document once.
 *
 * <p>A document is kept only after a case that used it was decided without a policy error. Its statements and
 * diagnostics carry the location of the case that first read them ({@code file:line} and a JSON pointer), and
 * only an error reaches the output ({@link DecisionText}): a document that never yields one answers the same
 * whichever case read it; a document with an error is read again by each case, so each error names its own
 * case. At most {@value #LIMIT} documents and fields are kept, and fields of at most {@value #TEXT_BUDGET}
 * characters in all (a file whose cases all differ would otherwise keep every case's text); past that, the others
 * are read per case.
 * Thread-safe.
 */
public final class PolicyMemo {
    static final int LIMIT = 2_000;
    /** The characters of field texts kept at most (a field of ten large policies is some 40,000). */
    static final long TEXT_BUDGET = 16_000_000;

    /**
     * What makes two case policies the same: the name the engine reports it by ({@code identityPolicies[2]}), the
     * type its grammar was checked against, and its content (the JSON tree written in the case, or the resolved
     * path of a policy file the case names). A whole policy field of a case ({@code identityPolicies}) is kept
     * too, by its text as written and the case file, so that a case that writes the same field as an earlier one
     * reads none of it.
     */
    record Key(String name, PolicyType type, Object content) {
    }

    /**
     * A document ({@link AttachedPolicy}) or a field (its list, or list of levels) read by one case, to be kept
     * if that case's decision had no policy error.
     */
    record Read(Key key, Object value) {
    }

    private final ConcurrentHashMap<Key, Object> kept = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong textKept = new java.util.concurrent.atomic.AtomicLong();
    private final boolean enabled;
    private final long textBudget;

    PolicyMemo(boolean enabled, long textBudget) {
        this.enabled = enabled;
        this.textBudget = textBudget;
    }

    /** A memo for one run of cases. */
    public static PolicyMemo create() {
        return new PolicyMemo(true, TEXT_BUDGET);
    }

    /** A memo that keeps nothing: every case reads its own documents. */
    public static PolicyMemo none() {
        return new PolicyMemo(false, 0);
    }

    Object get(Key key) {
        return enabled ? kept.get(key) : null;
    }

    /** Keeps what a case read, after its decision had no policy error. */
    void keep(List<Read> read) {
        if (!enabled) {
            return;
        }
        for (Read r : read) {
            if (kept.size() >= LIMIT) {
                return;
            }
            if (kept.containsKey(r.key())) {
                continue;
            }
            if (r.key().content() instanceof List<?> field && field.get(0) instanceof String text
                    && textKept.addAndGet(text.length()) > textBudget) {
                continue;
            }
            kept.putIfAbsent(r.key(), r.value());
        }
    }

    int size() {
        return kept.size();
    }
}
