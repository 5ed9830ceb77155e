package io.iamscope.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFileTest {
    @TempDir
    Path dir;

    @Test
    void writesOwnerOnlyAndReplacesWithoutLeftovers() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path target = dir.resolve("snap.json");
        Files.writeString(target, "old");
        ObjectNode snapshot = json.createObjectNode().put("format", "iamscope-snapshot");
        SnapshotFile.write(target, snapshot);
        assertEquals(snapshot, json.readTree(target.toFile()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
