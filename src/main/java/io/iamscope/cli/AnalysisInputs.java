package io.iamscope.cli;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.eval.RequestContext;
import io.iamscope.model.Nearest;
import io.iamscope.model.SnapshotIndex;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options every analysis command shares: the snapshot (as for {@code iamscope can}) and the attacker
 * (a profile of context defaults, and the user's overrides).
 */
final class AnalysisInputs {
    @CommandLine.Mixin
    SnapshotOptions snapshot = new SnapshotOptions();

    @Option(names = "--attacker", paramLabel = "PROFILE", defaultValue = "stolen-keys",
            description = "stolen-keys, console-session or insider (default: ${DEFAULT-VALUE}).")
    String attacker;

    @CommandLine.Mixin
    ContextOptions context = new ContextOptions();

    /** Reads the snapshot, printing the reader's summary on {@code err}. */
    SnapshotIndex index(PrintWriter err) {
        return snapshot.read(err);
    }

    AttackerProfile profile() {
        return AttackerProfile.named(attacker).orElseThrow(() -> {
            List<String> names = AttackerProfile.all().stream().map(AttackerProfile::name).toList();
            List<String> near = Nearest.to(attacker, names, 1);
            return new UserInputException("ATTACKER_PROFILE_UNKNOWN: no attacker profile `" + attacker + "`"
                    + (near.isEmpty() ? "" : ": did you mean `" + near.get(0) + "`?") + " (profiles: "
                    + names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", ")) + ")");
        });
    }

    /** The attacker's request context: the profile's defaults with {@code --context} and {@code --unknown} over them. */
    RequestContext requestContext(AttackerProfile profile) {
        return profile.context(context.values(), context.unknown());
    }
}
