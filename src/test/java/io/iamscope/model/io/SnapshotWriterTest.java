package io.iamscope.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesPrettyJsonOwnerOnlyAndLeavesNoTemporaryFile() throws IOException {
        JsonNode sample = JsonInput.read(SnapshotReaderTest.SAMPLE);
        Path target = dir.resolve("out.json");
        Files.writeString(target, "old");
        SnapshotWriter.write(target, sample);
        String text = Files.readString(target);
        assertTrue(text.startsWith("{\n  \"format\""), text.substring(0, 30));
        assertEquals(3, SnapshotReader.read(target).snapshot().accounts().size());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void unwritableDirectoryIsASnapshotException() {
        Path target = dir.resolve("missing/out.json");
        SnapshotException e = org.junit.jupiter.api.Assertions.assertThrows(SnapshotException.class,
                () -> SnapshotWriter.write(target, java.util.Map.of("a", 1)));
        assertEquals("FILE_UNWRITABLE", e.code()); // one writer, one code, for every file written
    }
}
