package io.iamscope.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot files that must be refused with the file and where, not guessed at (issue #22, items 4, 5, 6, 8). */
class HostileJsonTest {
    private static final String SNAPSHOT;

    static {
        try {
            SNAPSHOT = Files.readString(Path.of("src/test/resources/gaps/no-authorization-details.json"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        Path f = dir.resolve("s.json");
        Files.write(f, bytes);
        return f;
    }

    private Path file(String text) throws IOException {
        return file(text.getBytes(StandardCharsets.UTF_8));
    }

    private SnapshotException refused(Path f) {
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotReader.read(f));
        assertEquals(f.toString(), e.location().source(), e.getMessage());
        return e;
    }

    @Test
    void nestingTooDeepIsRefusedWithTheFile() throws IOException {
        String deep = "[".repeat(1001) + "]".repeat(1001);
        SnapshotException e = refused(file(SNAPSHOT.replace("\"accessKeys\": []", "\"accessKeys\": " + deep)));
        assertTrue(e.getMessage().contains("nested"), e.getMessage());
        SnapshotException whole = refused(file(deep));
        assertTrue(whole.getMessage().contains("nested"), whole.getMessage());
    }

    @Test
    void textAfterTheValueIsRefused() throws IOException {
        assertEquals("SNAPSHOT_TRAILING_TEXT", refused(file(SNAPSHOT + "garbage")).code());
        assertEquals("SNAPSHOT_TRAILING_TEXT", refused(file(SNAPSHOT + SNAPSHOT)).code());
        assertEquals("SNAPSHOT_TRAILING_TEXT", refused(file(SNAPSHOT + "\0\0\0\0")).code());
        // Whitespace after the value is not text.
        SnapshotReader.read(file(SNAPSHOT + "\n\n  \t\n"));
    }

    @Test
    void aDuplicateKeyIsRefusedNamingTheKeyAndWhere() throws IOException {
        SnapshotException e = refused(file(SNAPSHOT.replace("\"accessKeys\": [],",
                "\"accessKeys\": [], \"accessKeys\": [],")));
        assertEquals("SNAPSHOT_DUPLICATE_KEY", e.code());
        assertTrue(e.getMessage().contains("`accessKeys`"), e.getMessage());
        assertEquals("/accounts/0/accessKeys", e.location().pointer());
        SnapshotException top = refused(file(SNAPSHOT.replace("\"version\": 1,", "\"version\": 1, \"version\": 1,")));
        assertEquals("SNAPSHOT_DUPLICATE_KEY", top.code());
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        byte[] text = SNAPSHOT.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        assertEquals(1, SnapshotReader.read(file(bom)).snapshot().accounts().size());
    }

    @Test
    void invalidUtf8NamesTheFileAndByte() throws IOException {
        byte[] text = SNAPSHOT.replace("hand-written", "hand-writtenX").getBytes(StandardCharsets.UTF_8);
        int at = SNAPSHOT.indexOf("hand-written") + "hand-written".length();
        text[at] = (byte) 0xC3; // a lead byte without its continuation
        SnapshotException e = refused(file(text));
        assertEquals("SNAPSHOT_INVALID_UTF8", e.code());
        assertTrue(e.getMessage().contains("byte " + at), e.getMessage());
    }
}
