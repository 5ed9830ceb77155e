package io.iamscope.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.iamscope.model.io.SnapshotReader;
import java.nio.file.Path;

/**
 * Any bytes as a snapshot file: as iamscope writes it (streamed) or as `aws iam
 * get-account-authorization-details` prints it (read as a tree). Read, or refused with the file (exit 2). Seeds in
 * src/test/resources/io/iamscope/cli/SnapshotFuzzTestInputs/{snapshot,awsCliExport}/.
 */
class SnapshotFuzzTest {

    private static void read(byte[] input) {
        Path file = InputInvariant.file(input, "fuzz-snapshot.json");
        try {
            InputInvariant.holds(file.toString(), () -> SnapshotReader.read(file));
        } finally {
            InputInvariant.delete(file);
        }
    }

    @FuzzTest(maxDuration = "15s")
    void snapshot(byte[] input) {
        read(input);
    }

    @FuzzTest(maxDuration = "15s")
    void awsCliExport(byte[] input) {
        read(input);
    }
}
