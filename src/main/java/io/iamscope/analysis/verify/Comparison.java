package io.iamscope.analysis.verify;

import io.iamscope.eval.Decision;
import io.iamscope.eval.Request;

/**
 * Both engines' decisions on one request, with their agreement. Both decisions keep their explanations
 * (statements, layers, errors), so either can be rendered.
 *
 * @param id a name for the request (a case id), for reports
 */
public record Comparison(String id, Request request, Decision local, Decision simulator, Agreement agreement) {

    public boolean agrees() {
        return agreement == Agreement.AGREE;
    }
}
