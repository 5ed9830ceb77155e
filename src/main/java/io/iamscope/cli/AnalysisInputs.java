package io.iamscope.cli;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.eval.RequestContext;
import io.iamscope.model.Nearest;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.ReadResult;
import io.iamscope.model.io.SnapshotReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The options every analysis command shares: the snapshot (as for {@code iamscope can}) and the attacker
 * (a profile of context defaults, and the user's overrides).
 */
final class AnalysisInputs {
    @Option(names = "--snapshot", required = true, paramLabel = "FILE",
            description = "Snapshot v1 or get-account-authorization-details output; repeat for several accounts.")
    List<Path> snapshots;

    @Option(names = "--resources", paramLabel = "FILE", description = "A JSON array of resource records to add.")
    Path resources;

    @Option(names = "--org-dir", paramLabel = "DIR", description = "An organization exported with the AWS CLI.")
    Path orgDir;

    @Option(names = "--attacker", paramLabel = "PROFILE", defaultValue = "stolen-keys",
            description = "stolen-keys, console-session or insider (default: ${DEFAULT-VALUE}).")
    String attacker;

    @Option(names = "--context", paramLabel = "KEY=VALUE",
            description = "A condition key's value, over the profile's; commas separate list values.")
    List<String> context = List.of();

    @Option(names = "--unknown", paramLabel = "KEY", description = "A condition key whose value is unknown.")
    List<String> unknown = List.of();

    /** Reads the snapshot, printing the reader's summary on {@code err}. */
    SnapshotIndex index(PrintWriter err) {
        ReadResult read = SnapshotReader.read(snapshots, resources, orgDir);
        read.summary().forEach(err::println);
        return new SnapshotIndex(read.snapshot());
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
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String kv : context) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("CONTEXT_INVALID: `--context " + kv + "` must be KEY=VALUE");
            }
            values.put(kv.substring(0, eq), Arrays.asList(kv.substring(eq + 1).split(",", -1)));
        }
        return profile.context(values, unknown);
    }
}
