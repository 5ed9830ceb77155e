package io.iamscope.report;

import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.PathStep;
import io.iamscope.analysis.findings.Severity;
import io.iamscope.analysis.findings.StatementCite;
import io.iamscope.analysis.review.Review;
import java.util.List;
import java.util.Locale;

/** The phrases the review's text and Markdown reports share. */
final class ReviewWords {
    private ReviewWords() {
    }

    /** {@code HIGH    }: padded, for columns. */
    static String severity(Severity s) {
        return String.format(Locale.ROOT, "%-8s", s.name());
    }

    /** The findings of the first screen: the most urgent, info left out (the ranking has its own section). */
    static List<Finding> top(Review r, int n) {
        return r.findings().stream().filter(f -> f.severity() != Severity.INFO).limit(n).toList();
    }

    static String conditional(Finding f) {
        return f.conditional() ? " [conditional" + (f.conditionKeys().isEmpty() ? "" : " on "
                + String.join(", ", f.conditionKeys())) + "]" : "";
    }

    /** {@code `Sid` (#1) of POLICY at /Statement/1 (FILE at POINTER): grants ACTION on RESOURCE}. */
    static String statement(StatementCite s) {
        String where = s.pointer() == null ? "" : " at " + s.pointer();
        String grants = s.action() == null ? "" : ": " + (s.effect().equals("Deny") ? "denies " : "grants ") + s.action()
                + (s.resource() == null ? "" : " on " + s.resource());
        return s.describe().substring("statement ".length()) + where + grants
                + (s.location() == null ? "" : " (" + s.location() + ")");
    }

    /** {@code a -> b [technique]: action on resource (Allow); ...}. */
    static String step(PathStep s) {
        StringBuilder sb = new StringBuilder(shortName(s.from()) + " -> " + shortName(s.to()) + " [" + s.technique()
                + "]");
        if (s.conditional()) {
            sb.append(" (if ").append(String.join(", ", s.conditionKeys())).append(")");
        }
        if (!s.checks().isEmpty()) {
            sb.append(": ");
            for (int i = 0; i < s.checks().size(); i++) {
                var c = s.checks().get(i);
                sb.append(i == 0 ? "" : "; ").append(c.action()).append(" on ").append(c.resource());
                if (!c.grantedBy().isEmpty()) {
                    StatementCite by = c.grantedBy().get(0);
                    sb.append(" by ").append(by.describe().substring("statement ".length()));
                }
            }
        }
        return sb.toString();
    }

    /** The last part of an ARN, {@code account 1111...} for an account root. */
    static String shortName(String arn) {
        if (arn.endsWith(":root") && arn.startsWith("arn:aws:iam::")) {
            return "account " + arn.substring("arn:aws:iam::".length(), arn.length() - ":root".length());
        }
        int slash = arn.lastIndexOf('/');
        return slash >= 0 ? arn.substring(slash + 1) : arn;
    }
}
