package io.iamscope.eval;

import java.util.Objects;

/**
 * One request to authorize. {@code resourceAccount} is the account that owns the resource; null means "the
 * caller's account" (S3 bucket ARNs carry no account).
 */
public record Request(Caller caller, String action, String resource, String resourceAccount,
                      RequestContext context) {

    public Request {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        context = context == null ? RequestContext.empty() : context;
    }

    /** Whether caller and resource are in the same account (an unknown resource account counts as same). */
    public boolean sameAccount() {
        return resourceAccount == null || resourceAccount.equals(caller.account());
    }

    /** The action's service prefix, lowercase. */
    public String service() {
        int colon = action.indexOf(':');
        return (colon < 0 ? action : action.substring(0, colon)).toLowerCase(java.util.Locale.ROOT);
    }
}
