package io.iamscope.policytest;

import io.iamscope.eval.Authorizer;
import io.iamscope.eval.Decision;
import io.iamscope.policy.PolicyParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Runs cases against an authorizer and says, for each, whether the decision is the expected one. */
public final class CaseRunner {
    private final Authorizer authorizer;
    private final PolicyMemo memo;

    /** A runner whose cases each read their own policies. */
    public CaseRunner(Authorizer authorizer) {
        this(authorizer, PolicyMemo.none());
    }

    /** A runner whose cases share the documents they have in common ({@link PolicyMemo}). Thread-safe. */
    public CaseRunner(Authorizer authorizer, PolicyMemo memo) {
        this.authorizer = authorizer;
        this.memo = memo;
    }

    /** Reads and runs one case; a case that cannot be read is SKIPPED with the reason. */
    public CaseResult run(CaseFileReader.RawCase raw) {
        PolicyTestCase c;
        List<PolicyMemo.Read> read = new ArrayList<>();
        try {
            c = CaseReader.read(raw, memo, read);
        } catch (PolicyParseException e) {
            return new CaseResult(raw.json().path("id").asText(raw.origin()), raw.origin(),
                    CaseResult.Status.SKIPPED, e.describe(), null);
        } catch (InvalidCaseException e) {
            return new CaseResult(raw.json().path("id").asText(raw.origin()), raw.origin(),
                    CaseResult.Status.SKIPPED, e.getMessage(), null);
        }
        Decision d = authorizer.authorize(c.request(), c.policies());
        if (d.errors().isEmpty()) {
            memo.keep(read);
        }
        return result(c, d);
    }

    public CaseResult run(PolicyTestCase c) {
        return result(c, authorizer.authorize(c.request(), c.policies()));
    }

    private static CaseResult result(PolicyTestCase c, Decision d) {
        String problem = mismatch(c, d);
        return new CaseResult(c.id(), c.origin(), problem == null ? CaseResult.Status.PASSED
                : CaseResult.Status.FAILED, problem, d);
    }

    private static String mismatch(PolicyTestCase c, Decision d) {
        String got = DecisionText.summary(d);
        if (d.outcome() != c.expected()) {
            return "expected " + c.expected().word() + expectedConditions(c) + ", got " + got;
        }
        if (c.conditional() == null) {
            return d.isConditional() ? "expected a definite " + c.expected().word() + ", got " + got : null;
        }
        Set<String> want = lower(c.conditional());
        Set<String> have = lower(d.conditionalKeys());
        if (!want.equals(have)) {
            return "expected " + c.expected().word() + expectedConditions(c) + ", got " + got;
        }
        return null;
    }

    private static String expectedConditions(PolicyTestCase c) {
        return c.conditional() == null ? "" : " conditional on " + c.conditional();
    }

    private static Set<String> lower(java.util.Collection<String> keys) {
        return keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    }
}
