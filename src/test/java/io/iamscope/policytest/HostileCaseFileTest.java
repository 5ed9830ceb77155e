package io.iamscope.policytest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Case files that must be refused, not guessed at (issue #22, items 5, 6, 8). */
class HostileCaseFileTest {
    private static final String CASE = "{\"id\":\"c\",\"expected\":\"Deny\",\"request\":{}}";

    @Test
    void aDuplicateExpectedIsRefusedNamingTheKeyAndLine() {
        CaseFileException e = assertThrows(CaseFileException.class, () -> CaseFileReader.read("\n"
                + CASE.replace("\"expected\":\"Deny\",", "\"expected\":\"Deny\",\"expected\":\"Allow\","), "c.jsonl"));
        assertTrue(e.getMessage().startsWith("c.jsonl:2 at /expected: key `expected` appears twice"),
                e.getMessage());
    }

    @Test
    void textAfterAnArrayOfCasesIsRefused() {
        CaseFileException e = assertThrows(CaseFileException.class,
                () -> CaseFileReader.read("[" + CASE + "] trailing", "c.json"));
        assertTrue(e.getMessage().contains("text after the end of the JSON value"), e.getMessage());
    }

    @Test
    void aByteOrderMarkIsAcceptedAndInvalidUtf8IsLocated(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("c.jsonl");
        byte[] text = CASE.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        Files.write(f, bom);
        assertEquals(1, CaseFileReader.read(f).size());
        text[5] = (byte) 0xFF;
        Files.write(f, text);
        CaseFileException e = assertThrows(CaseFileException.class, () -> CaseFileReader.read(f));
        assertTrue(e.getMessage().contains(f + ": not valid UTF-8 at byte 5"), e.getMessage());
    }
}
