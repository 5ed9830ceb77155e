package io.iamscope.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file iamscope writes: atomic, never through a link, owner-only when asked (issue #22, item 13). */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aFailureWhileWritingLeavesTheOldFileWhole() throws IOException {
        Path target = dir.resolve("s.json");
        Files.writeString(target, "old");
        assertThrows(SnapshotException.class, () -> AtomicFile.write(target, true, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is gone");
        }
    }

    @Test
    void aSymbolicLinkIsReplacedNotFollowed() throws IOException {
        Path precious = dir.resolve("precious");
        Files.writeString(precious, "keep");
        Path link = Files.createSymbolicLink(dir.resolve("out.json"), precious);
        AtomicFile.write(link, true, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("keep", Files.readString(precious));
        assertFalse(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(link));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(link)));
    }

    @Test
    void twoWritersLeaveOneWholeFile() throws Exception {
        Path target = dir.resolve("g.json");
        byte[] a = "a".repeat(200_000).getBytes(StandardCharsets.UTF_8);
        byte[] b = "b".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        Thread other = new Thread(() -> AtomicFile.write(target, false, out -> out.write(a)));
        other.start();
        AtomicFile.write(target, false, out -> out.write(b));
        other.join();
        byte[] got = Files.readAllBytes(target);
        assertTrue(java.util.Arrays.equals(got, a) || java.util.Arrays.equals(got, b), "a mix of both");
    }

    @Test
    void anUnwritableTargetIsKnownBeforeAnyWork() {
        SnapshotException missing = assertThrows(SnapshotException.class,
                () -> AtomicFile.checkWritable(dir.resolve("no-such-folder/s.json")));
        assertEquals("FILE_UNWRITABLE", missing.code());
        assertEquals("FILE_UNWRITABLE", assertThrows(SnapshotException.class,
                () -> AtomicFile.checkWritable(dir)).code());
        AtomicFile.checkWritable(dir.resolve("fine.json"));
        assertFalse(Files.exists(dir.resolve("fine.json")), "checking writes nothing");
    }
}
