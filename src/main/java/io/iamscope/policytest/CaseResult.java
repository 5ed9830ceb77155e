package io.iamscope.policytest;

import io.iamscope.eval.Decision;

/** What running one case gave. {@code decision} is null for a case that could not run. */
public record CaseResult(String id, String origin, Status status, String message, Decision decision) {

    public enum Status { PASSED, FAILED, SKIPPED }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
