package io.iamscope.cli;

import io.iamscope.eval.RequestContext;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --context KEY=VALUE} and {@code --unknown KEY}, shared by the commands that evaluate requests. */
final class ContextOptions {
    @Option(names = "--context", paramLabel = "KEY=VALUE",
            description = "A condition key's value; commas separate the values of a list (aws:TagKeys=a,b).")
    List<String> context = List.of();

    @Option(names = "--unknown", paramLabel = "KEY",
            description = "A condition key whose value is unknown (the answer says what it depends on).")
    List<String> unknown = List.of();

    /** The given keys on top of {@code base} (later values replace earlier ones). */
    RequestContext applyTo(RequestContext.Builder base) {
        for (String kv : context) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("`--context " + kv + "` must be KEY=VALUE");
            }
            base.put(kv.substring(0, eq), Arrays.asList(kv.substring(eq + 1).split(",", -1)));
        }
        unknown.forEach(base::unknown);
        return base.build();
    }

    RequestContext context() {
        return applyTo(RequestContext.builder());
    }
}
