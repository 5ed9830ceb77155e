package io.iamscope.analysis.whocan;

import io.iamscope.analysis.Hop;
import java.util.List;

/**
 * A principal that can perform the request: directly ({@code path} empty, {@code through} itself) or by
 * acting as {@code through} along {@code path}.
 *
 * @param kind          the principal's kind ({@code user}, {@code role}, {@code root}, ...)
 * @param conditional   whether it holds only under unknown keys, of the decision or of the path
 * @param conditionKeys the unknown keys it depends on
 * @param statement     the first statement allowing {@code through}, for a reader; null when none is named
 */
public record WhoCanEntry(String arn, String kind, boolean conditional, List<String> conditionKeys, String through,
                          List<Hop> path, String statement) {
    public WhoCanEntry {
        conditionKeys = List.copyOf(conditionKeys);
        path = List.copyOf(path);
    }

    public boolean direct() {
        return path.isEmpty();
    }
}
