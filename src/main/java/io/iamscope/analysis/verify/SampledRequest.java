package io.iamscope.analysis.verify;

import io.iamscope.model.PrincipalRef;

/** One (principal, action, resource) triple drawn from a snapshot. */
public record SampledRequest(PrincipalRef principal, String action, String resource) {
    public String id() {
        return principal.arn() + " " + action + " " + resource;
    }
}
