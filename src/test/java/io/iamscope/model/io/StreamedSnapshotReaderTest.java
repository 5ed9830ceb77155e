package io.iamscope.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.Snapshot;
import io.iamscope.policy.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed reader gives what the tree reader gives: the same snapshot for every v1 file of the repository,
 * and the same error (code, file, JSON pointer) for broken ones; it declines layouts other than iamscope's.
 */
class StreamedSnapshotReaderTest {
    private static final String HEAD = "{\"format\":\"iamscope-snapshot\",\"version\":1,\"accounts\":[";

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path p = dir.resolve("s.json");
        Files.writeString(p, text);
        return p;
    }

    private static Snapshot streamed(Path p) {
        return StreamedSnapshotReader.read(p, SourceLocation.of(p.toString()));
    }

    @Test
    void everySnapshotOfTheRepositoryReadsAsTheTreeReadsIt() throws IOException {
        List<Path> files;
        try (Stream<Path> a = Files.walk(Path.of("src/test/resources")); Stream<Path> b = Files.walk(
                Path.of("policies-fixtures"))) {
            files = Stream.concat(a, b).filter(f -> f.toString().endsWith(".json")).toList();
        }
        int read = 0;
        for (Path f : files) {
            String text = Files.readString(f);
            if (!text.substring(0, Math.min(200, text.length())).replaceAll("\\s+", "")
                    .startsWith("{\"format\":\"iamscope-snapshot\"")) {
                continue;
            }
            Snapshot tree;
            try {
                tree = SnapshotReader.readTree(f);
            } catch (SnapshotException e) {
                SnapshotException s = assertThrows(SnapshotException.class, () -> SnapshotReader.readOne(f));
                assertEquals(e.getMessage(), s.getMessage(), f.toString());
                continue;
            }
            Snapshot s = streamed(f);
            assertNotNull(s, "declined: " + f);
            assertEquals(tree, s, f.toString());
            read++;
        }
        assertTrue(read > 100, "only " + read + " snapshots compared");
    }

    @Test
    void declinesOtherLayouts() throws IOException {
        assertNull(streamed(file("{\"version\":1,\"format\":\"iamscope-snapshot\",\"accounts\":[]}")));
        assertNull(streamed(file("{\"format\":\"iamscope-snapshot\",\"accounts\":[],\"version\":1}")));
        // A key twice is no other layout but an error, whichever reader meets it (issue #22, item 6).
        assertEquals("SNAPSHOT_DUPLICATE_KEY", assertThrows(SnapshotException.class,
                () -> streamed(file(HEAD + "],\"accounts\":[]}"))).code());
        assertNull(streamed(file(HEAD + "{\"accountId\":\"111122223333\",\"authorizationDetails\":"
                + "{\"Policies\":{}}}]}")));
        assertNull(streamed(file("{\"format\":\"iamscope-snapshot\",\"version\":2,\"accounts\":[]}")));
        assertNull(streamed(file("[]")));
    }

    @Test
    void brokenFilesGetTheTreeReadersErrors() throws IOException {
        String user = "{\"UserName\":\"alice\",\"Arn\":\"arn:aws:iam::111122223333:user/alice\"}";
        List<String> broken = List.of(
                HEAD + "{\"accountId\":\"1234\"}]}",
                HEAD + "{\"accountId\":\"111122223333\",\"authorizationDetails\":{\"UserDetailList\":[{\"UserName\":"
                        + "\"alice\"}]}}]}",
                HEAD + "{\"authorizationDetails\":{\"UserDetailList\":[" + user + "]},\"accountId\":\"x\"}]}",
                HEAD + "{\"accountId\":\"111122223333\",\"authorizationDetails\":{\"Policies\":7}}]}",
                HEAD + "{\"accountId\":\"111122223333\",\"authorizationDetails\":{\"UserDetailList\":[" + user,
                HEAD + "{\"accountId\":\"111122223333\",\"authorizationDetails\":{\"UserDetailList\":[" + user + ",,]}}]}",
                HEAD + "{\"accountId\":\"111122223333\",\"resources\":[{\"type\":\"AWS::S3::Bucket\"}]}]}",
                HEAD + "{\"accountId\":\"111122223333\",\"authorizationDetails\":{\"UserDetailList\":[null]}}]}",
                HEAD + "{\"accountId\":\"111122223333\",\"authorizationDetails\":{\"Policies\":[7]}}]}",
                "{\"format\":\"iamscope-snapshot\",\"version\":null,\"accounts\":[]}",
                "{\"format\":\"iamscope-snapshot\",\"collectedBy\":null,\"version\":1,\"accounts\":[null]}");
        for (String text : broken) {
            Path p = file(text);
            SnapshotException tree = assertThrows(SnapshotException.class, () -> SnapshotReader.readTree(p), text);
            SnapshotException read = assertThrows(SnapshotException.class, () -> SnapshotReader.readOne(p), text);
            assertEquals(tree.code(), read.code(), text);
            assertEquals(tree.getMessage(), read.getMessage(), text);
        }
    }
}
