package io.iamscope.analysis.verify;

import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;

/** One request to check with both engines: a name, the request (its caller included) and its policies. */
public record VerifyCase(String id, Request request, PolicySet policies) {
}
