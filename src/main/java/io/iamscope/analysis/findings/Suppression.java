package io.iamscope.analysis.findings;

import java.time.LocalDate;

/**
 * A decision to silence findings: of a code (or a pattern of codes, {@code TRUST_*}), on subjects matching an
 * ARN pattern ({@code *} any run of characters, {@code ?} one), for a reason, until an optional expiry date
 * (the last day it applies).
 *
 * @param origin where it was written, for messages ({@code suppress.yaml entry 3})
 */
public record Suppression(String code, String arn, String reason, LocalDate expires, String origin) {

    public boolean expiredOn(LocalDate today) {
        return expires != null && expires.isBefore(today);
    }

    public boolean matches(Finding f) {
        return Glob.matches(code, f.code().name()) && Glob.matches(arn, f.subject());
    }
}
