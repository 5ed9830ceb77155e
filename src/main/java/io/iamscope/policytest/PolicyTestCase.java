package io.iamscope.policytest;

import io.iamscope.eval.Outcome;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import java.util.List;

/**
 * One case of {@code iamscope test}, read and ready to run.
 *
 * @param conditional the unknown keys the decision is expected to depend on; null when a definite decision is
 *                    expected
 * @param origin      where the case was read: {@code file.jsonl:12}
 */
public record PolicyTestCase(String id, String source, PolicySet policies, Request request, Outcome expected,
                             List<String> conditional, String origin) {
}
