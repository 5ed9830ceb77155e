package io.iamscope.analysis.verify;

import io.iamscope.eval.Decision;
import java.util.List;
import java.util.Map;

/**
 * A second opinion on a principal's access, asked in batches (the IAM policy simulator in production): the
 * decision for each action on one resource, keyed by action. Kept as an interface so that analyses stay free of
 * the AWS SDK and tests can answer by hand.
 */
@FunctionalInterface
public interface PrincipalSimulation {
    Map<String, Decision> decide(String principalArn, String resource, List<String> actions);
}
