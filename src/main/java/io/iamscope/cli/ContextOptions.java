package io.iamscope.cli;

import io.iamscope.catalog.Catalog;
import io.iamscope.model.Nearest;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --context KEY=VALUE} and {@code --unknown KEY}, shared by the commands that evaluate requests. */
final class ContextOptions {
    @Option(names = "--context", paramLabel = "KEY=VALUE",
            description = "A condition key's value; commas separate the values of a list (aws:TagKeys=a,b).")
    List<String> context = List.of();

    @Option(names = "--unknown", paramLabel = "KEY",
            description = "A condition key whose value is unknown (the answer says what it depends on).")
    List<String> unknown = List.of();

    /** The {@code --context} values, in the order given (a later value for a key replaces an earlier one). */
    Map<String, List<String>> values() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String kv : context) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("CONTEXT_INVALID: `--context " + kv + "` must be KEY=VALUE");
            }
            out.put(kv.substring(0, eq), Arrays.asList(kv.substring(eq + 1).split(",", -1)));
        }
        return out;
    }

    List<String> unknown() {
        return unknown;
    }

    /**
     * A warning on {@code err} for each key given that no AWS documentation lists: a misspelled key is never
     * matched by a policy, so the answer would silently ignore it. Only a warning: a key AWS added after the
     * bundled catalog, or a service's own, is still used as given.
     */
    /** Whether no key was given (no {@code --context}, no {@code --unknown}). */
    boolean noKeys() {
        return values().isEmpty() && unknown.isEmpty();
    }

    void warnUnknownKeys(Catalog catalog, PrintWriter err) {
        java.util.Set<String> given = new java.util.LinkedHashSet<>(values().keySet());
        given.addAll(unknown);
        for (String key : given) {
            if (!catalog.isKnownConditionKey(key)) {
                List<String> near = Nearest.to(key, catalog.conditionKeyNames(), 3);
                err.println("iamscope: warning: `" + key + "` is not a condition key AWS documents"
                        + (near.isEmpty() ? "" : " (did you mean " + String.join(", ", near.stream()
                                .map(n -> "`" + n + "`").toList()) + "?)") + "; it is used as given");
            }
        }
        err.flush();
    }
}
