package io.iamscope.analysis.findings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finding of a review: what is wrong, where, the evidence, and what to change.
 *
 * @param subject       the ARN of what to change or what is at risk: the principal, role or resource, or the
 *                      managed policy holding the statement (an inline policy's owner)
 * @param key           what tells apart findings of one code and subject ({@code /Statement/1}, an account id,
 *                      a key id), empty when nothing needs to; with code and subject, the finding's stable id
 * @param title         one line for this finding: {@code user `x` can make itself an administrator of ...}
 * @param conditional   whether the finding holds only under unknown condition keys
 * @param conditionKeys those keys
 * @param statements    the policy statements behind it
 * @param path          the path hop by hop (of the first affected principal, for a group)
 * @param facts         other evidence, one line each (a key's dates, who can assume a role)
 * @param affected      the principals concerned besides the subject, with their paths
 * @param figures       named numbers (a blast radius's counts), in order
 * @param fix           what to change to fix it
 */
public record Finding(FindingCode code, String subject, String key, String title, boolean conditional,
                      List<String> conditionKeys, List<StatementCite> statements, List<PathStep> path,
                      List<String> facts, List<Affected> affected, Map<String, Long> figures, String fix) {

    /**
     * Most urgent first; within a severity by category (paths to administrator before the rest), definite before
     * conditional, the findings that concern the most principals first; then by code, rank (a ranking's order),
     * subject and key.
     */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).reversed()
            .thenComparing(Finding::category).thenComparing(Finding::conditional)
            .thenComparing(Comparator.comparingInt((Finding f) -> f.affected().size()).reversed())
            .thenComparing(Finding::code).thenComparingLong(f -> f.figures().getOrDefault("rank", 0L))
            .thenComparing(Finding::subject).thenComparing(Finding::key);

    public Finding {
        key = key == null ? "" : key;
        conditionKeys = List.copyOf(conditionKeys);
        statements = List.copyOf(statements);
        path = List.copyOf(path);
        facts = List.copyOf(facts);
        affected = List.copyOf(affected);
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    public Severity severity() {
        return code.severity();
    }

    public Category category() {
        return code.category();
    }

    public String doc() {
        return code.doc();
    }

    /** The stable id suppressions, baselines and SARIF fingerprints use: code, subject and key. */
    public String id() {
        return code.name() + " " + subject + (key.isEmpty() ? "" : " " + key);
    }

    public static Builder of(FindingCode code, String subject) {
        return new Builder(code, subject);
    }

    /** Builds a finding; lists start empty. */
    public static final class Builder {
        private final FindingCode code;
        private final String subject;
        private String key = "";
        private String title = "";
        private boolean conditional;
        private final List<String> conditionKeys = new ArrayList<>();
        private final java.util.Set<StatementCite> statements = new java.util.LinkedHashSet<>();
        private final List<PathStep> path = new ArrayList<>();
        private final List<String> facts = new ArrayList<>();
        private final List<Affected> affected = new ArrayList<>();
        private final Map<String, Long> figures = new LinkedHashMap<>();
        private String fix = "";

        private Builder(FindingCode code, String subject) {
            this.code = code;
            this.subject = subject;
        }

        public Builder key(String k) {
            this.key = k;
            return this;
        }

        public Builder title(String t) {
            this.title = t;
            return this;
        }

        /** Marks the finding conditional on these keys (adds to any already given); no keys leaves it as it is. */
        public Builder conditionalOn(java.util.Collection<String> keys) {
            for (String k : keys) {
                conditional = true;
                if (!conditionKeys.contains(k)) {
                    conditionKeys.add(k);
                }
            }
            return this;
        }

        public Builder conditional(boolean c) {
            this.conditional |= c;
            return this;
        }

        public Builder statement(StatementCite s) {
            statements.add(s);
            return this;
        }

        public Builder statements(List<StatementCite> s) {
            s.forEach(this::statement);
            return this;
        }

        public Builder path(List<PathStep> p) {
            path.addAll(p);
            return this;
        }

        public Builder fact(String f) {
            facts.add(f);
            return this;
        }

        public Builder affected(Affected a) {
            affected.add(a);
            return this;
        }

        public Builder affected(List<Affected> a) {
            affected.addAll(a);
            return this;
        }

        public Builder figure(String name, long value) {
            figures.put(name, value);
            return this;
        }

        public Builder fix(String f) {
            this.fix = f;
            return this;
        }

        public Finding build() {
            return new Finding(code, subject, key, title, conditional, conditionKeys, new ArrayList<>(statements), path,
                    facts,
                    affected, figures, fix);
        }
    }
}
