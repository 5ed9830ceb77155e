package io.iamscope.cli;

import io.iamscope.model.Snapshot;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.ReadResult;
import io.iamscope.model.io.SnapshotReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The input options every analysis command shares: snapshots, extra resources, an exported organization. */
final class SnapshotOptions {
    @Option(names = "--snapshot", required = true, paramLabel = "FILE",
            description = "Snapshot v1 or get-account-authorization-details output (- reads standard input); repeat"
                    + " for several accounts. Default: $" + UserDefaults.SNAPSHOT_VARIABLE + ", else `snapshot` in "
                    + "~/.config/iamscope/defaults.")
    List<Path> snapshots;

    @Option(names = "--resources", paramLabel = "FILE", description = "A JSON array of resource records to add.")
    Path resources;

    @Option(names = "--org-dir", paramLabel = "DIR", description = "An organization exported with the AWS CLI.")
    Path orgDir;

    /** Reads everything given, says what was read on {@code err}, and indexes it. */
    SnapshotIndex read(PrintWriter err) {
        return new SnapshotIndex(readSnapshot(err));
    }

    /** Reads everything given and says what was read on {@code err}, not indexed yet (a command may add to it). */
    Snapshot readSnapshot(PrintWriter err) {
        ReadResult read = SnapshotReader.read(snapshots, resources, orgDir);
        read.summary().forEach(err::println);
        err.flush();
        return read.snapshot();
    }
}
