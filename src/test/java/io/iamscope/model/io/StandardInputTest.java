package io.iamscope.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --snapshot -}: a snapshot piped in reads as the same file would, and is named {@code <stdin>}. */
class StandardInputTest {
    private static final Path SAMPLE = Path.of("policies-fixtures/sample-org/snapshot.json");

    private static ReadResult fromStdin(byte[] bytes) {
        return SnapshotReader.read(List.of(Path.of("-")), null, null, new ByteArrayInputStream(bytes));
    }

    @Test
    void aPipedSnapshotReadsAsItsFile() throws IOException {
        ReadResult piped = fromStdin(Files.readAllBytes(SAMPLE));
        ReadResult file = SnapshotReader.read(SAMPLE);
        assertEquals(file.snapshot().accounts().stream().map(a -> a.accountId()).toList(),
                piped.snapshot().accounts().stream().map(a -> a.accountId()).toList());
        assertEquals(file.snapshot().organization().id(), piped.snapshot().organization().id());
        assertEquals(List.of(file.summary().get(0).replace(SAMPLE.toString(), "<stdin>")), piped.summary());
    }

    @Test
    void anAuthorizationDetailsExportIsReadAsATreeFromTheCopy() {
        // Not iamscope's own layout: read a second time, as a tree, which a pipe alone would not allow.
        String details = "{\"UserDetailList\":[{\"UserName\":\"a\",\"UserId\":\"AIDAEXAMPLE\","
                + "\"Arn\":\"arn:aws:iam::123456789012:user/a\",\"Path\":\"/\"}],\"GroupDetailList\":[],"
                + "\"RoleDetailList\":[],\"Policies\":[]}";
        ReadResult piped = fromStdin(details.getBytes(StandardCharsets.UTF_8));
        assertEquals("123456789012", piped.snapshot().accounts().get(0).accountId());
        assertTrue(piped.summary().get(0).startsWith("read <stdin>: "), piped.summary().toString());
    }

    @Test
    void badJsonOnStandardInputIsNamedSo() {
        SnapshotException e = assertThrows(SnapshotException.class,
                () -> fromStdin("{\"format\": \"iamscope-snapshot\",".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("<stdin>"), e.getMessage());
        assertTrue(e.code().startsWith("SNAPSHOT_"), e.code());
    }

    @Test
    void standardInputCannotBeReadTwice() {
        SnapshotException e = assertThrows(SnapshotException.class, () -> SnapshotReader.read(
                List.of(Path.of("-"), Path.of("-")), null, null, new ByteArrayInputStream(new byte[0])));
        assertEquals("SNAPSHOT_STDIN_TWICE", e.code());
    }

    @Test
    void aFileNamedDashInADirectoryIsAFile() {
        assertTrue(StandardInput.is(Path.of("-")));
        assertTrue(!StandardInput.is(Path.of("dir/-")));
    }
}
