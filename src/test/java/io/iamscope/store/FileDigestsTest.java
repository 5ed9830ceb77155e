package io.iamscope.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remembered digest stands for the file only while the file's identity (inode, size, times) is the one it was
 * remembered with, and only a file untouched for a while is remembered at all.
 */
class FileDigestsTest {
    @TempDir
    Path dir;

    @Test
    void rememberedForTheSameFileOnly() throws IOException {
        Path file = Files.writeString(dir.resolve("snapshot.json"), "{\"a\": 1}");
        Path memos = dir.resolve("digests");
        FileDigests digests = new FileDigests(memos, 0);
        byte[] real = StoreKey.ContentDigest.READ.of(file);
        assertArrayEquals(real, digests.of(file));
        Path memo = memo(memos);
        // The remembered digest is what is used: a memo made to say otherwise is believed while the file is the same.
        List<String> lines = Files.readAllLines(memo);
        byte[] planted = new byte[32];
        Files.write(memo, List.of(lines.get(0), lines.get(1), lines.get(2), "00".repeat(32)));
        assertArrayEquals(planted, digests.of(file));
        // The file written again (the same size) is another file: read again.
        Files.writeString(file, "{\"a\": 2}");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        assertArrayEquals(StoreKey.ContentDigest.READ.of(file), digests.of(file));
        // A damaged memo is no memo.
        Files.writeString(memo(memos), "garbage");
        assertArrayEquals(StoreKey.ContentDigest.READ.of(file), digests.of(file));
    }

    @Test
    void aFileJustWrittenIsNotRemembered() throws IOException {
        Path file = Files.writeString(dir.resolve("snapshot.json"), "{}");
        Path memos = dir.resolve("digests");
        assertArrayEquals(StoreKey.ContentDigest.READ.of(file), new FileDigests(memos).of(file));
        assertFalse(Files.exists(memos) && !list(memos).isEmpty(), "its change time is too recent to trust");
    }

    private static Path memo(Path memos) throws IOException {
        List<Path> all = list(memos);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private static List<Path> list(Path memos) throws IOException {
        try (Stream<Path> files = Files.list(memos)) {
            return files.toList();
        }
    }
}
