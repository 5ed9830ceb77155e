package io.iamscope.analysis.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Suppressions (docs/review.md): a match sets a finding apart, an expired one is a finding, an unmatched one a warning. */
class SuppressionsTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-28");
    private static final Finding UNUSED_BREAK_GLASS = Finding.of(FindingCode.PRINCIPAL_UNUSED,
            "arn:aws:iam::111111111111:role/break-glass-mgmt").title("unused").build();
    private static final Finding UNUSED_OTHER = Finding.of(FindingCode.PRINCIPAL_UNUSED,
            "arn:aws:iam::333333333333:role/ops-automation").title("unused").build();
    private static final Finding ESCALATION = Finding.of(FindingCode.PRIVILEGE_ESCALATION,
            "arn:aws:iam::333333333333:user/intern-tkim").key("user/intern-tkim inline `x` /Statement/0")
            .title("escalates").build();
    private static final List<Finding> ALL = List.of(UNUSED_BREAK_GLASS, UNUSED_OTHER, ESCALATION);

    @Test
    void aMatchingSuppressionSetsItsFindingsApart() {
        Suppression s = new Suppression("PRINCIPAL_UNUSED", "arn:aws:iam::*:role/break-glass-*", "rarely used by design",
                LocalDate.parse("2027-06-30"), "s.yaml entry 1");
        Suppressions.Result r = Suppressions.apply(ALL, List.of(s), TODAY);
        assertEquals(List.of(ESCALATION, UNUSED_OTHER), r.kept());
        assertEquals(1, r.suppressed().size());
        assertEquals(UNUSED_BREAK_GLASS, r.suppressed().get(0).finding());
        assertEquals(s, r.suppressed().get(0).by());
        assertEquals(List.of(), r.warnings());
    }

    /** The expiry date is the last day a suppression applies. */
    @Test
    void anExpiredSuppressionSilencesNothingAndIsAFinding() {
        Suppression lastDay = new Suppression("PRINCIPAL_*", "*break-glass*", "r", TODAY, "s.yaml entry 1");
        assertEquals(1, Suppressions.apply(ALL, List.of(lastDay), TODAY).suppressed().size());
        Suppression expired = new Suppression("PRINCIPAL_*", "*break-glass*", "r", TODAY.minusDays(1), "s.yaml entry 2");
        Suppressions.Result r = Suppressions.apply(ALL, List.of(expired), TODAY);
        assertTrue(r.suppressed().isEmpty());
        assertEquals(4, r.kept().size());
        Finding f = r.kept().stream().filter(x -> x.code() == FindingCode.SUPPRESSION_EXPIRED).findFirst().orElseThrow();
        assertEquals("*break-glass*", f.subject());
        assertTrue(f.title().contains("expired on 2026-11-27 (1 finding(s) it matched are reported again)"), f.title());
        assertEquals(List.of(), r.warnings(), "an expired suppression is a finding, not a warning");
    }

    @Test
    void aSuppressionThatMatchesNothingIsAWarning() {
        Suppression s = new Suppression("TRUST_ANYONE", "arn:aws:iam::*:role/*", "r", null, "s.json entry 3");
        Suppressions.Result r = Suppressions.apply(ALL, List.of(s), TODAY);
        assertEquals(3, r.kept().size());
        assertEquals(List.of("suppression s.json entry 3 (`TRUST_ANYONE` on `arn:aws:iam::*:role/*`) matches no finding"),
                r.warnings());
    }

    @Test
    void patterns() {
        assertTrue(Glob.matches("arn:aws:iam::*:role/ci-?", "arn:aws:iam::1:role/ci-a"));
        assertFalse(Glob.matches("arn:aws:iam::*:role/ci-?", "arn:aws:iam::1:role/ci-ab"));
        assertTrue(Glob.matches("*", ""));
        assertTrue(Glob.matches("a*b*c", "aXbYbZc"));
        assertFalse(Glob.matches("A*", "a"), "case-sensitive, as ARNs are");
    }

    @Test
    void everyCodeHasItsMetadata() {
        for (FindingCode c : FindingCode.values()) {
            assertTrue(c.name().matches("[A-Z][A-Z0-9_]+"), c.name());
            assertFalse(c.title().isBlank(), c.name());
            assertTrue(c.help().length() > 40, c.name());
            assertTrue(c.doc().startsWith("https://docs.aws.amazon.com/") || c.doc().startsWith("docs/"), c.name());
        }
    }
}
