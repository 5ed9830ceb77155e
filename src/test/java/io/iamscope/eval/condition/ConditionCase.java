package io.iamscope.eval.condition;

import java.util.List;
import java.util.Map;

/**
 * One data-driven condition case, as written in {@code src/test/resources/conditions/*.jsonl}: a clause
 * (operator, key, values), a request context (present keys and unknown keys), the policy version, the expected
 * truth and, optionally, the diagnostic code the compiler must report. {@code source} cites the AWS page the
 * case comes from.
 */
record ConditionCase(String id, String source, String operator, String key, List<String> values,
                     Map<String, List<String>> context, List<String> unknown, String version, String expected,
                     String diagnostic) {

    ConditionCase {
        context = context == null ? Map.of() : context;
        unknown = unknown == null ? List.of() : unknown;
        version = version == null ? "2012-10-17" : version;
    }
}
