package io.iamscope.simulator;

import io.iamscope.eval.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.ContextEntry;

/**
 * Turns a {@link RequestContext} into the simulator's {@code ContextEntries}. Only present keys are sent:
 * a key the caller declared unknown is left out on purpose, so that the simulator names it among its
 * {@code MissingContextValues} and the decision becomes conditional on it ({@link ResultMapper}).
 */
final class ContextEntries {
    private ContextEntries() {
    }

    static List<ContextEntry> of(RequestContext context) {
        List<ContextEntry> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : context.entries().entrySet()) {
            out.add(ContextEntry.builder()
                    .contextKeyName(e.getKey())
                    .contextKeyType(ContextKeyTypes.of(e.getKey(), e.getValue().size()))
                    .contextKeyValues(e.getValue())
                    .build());
        }
        return out;
    }
}
