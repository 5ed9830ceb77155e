package io.iamscope.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines of JSON pointers: objects, arrays, scalars, escaped names; pointers not in the file left out. */
class JsonPointerLinesTest {
    @Test
    void linesOfPointers(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("a.json"), "{\n \"a\": [\n  {\"x\": 1},\n  {\n   \"y/z\": \"v\"\n  }\n ],\n"
                + " \"b\": 2\n}\n");
        Map<String, Integer> lines = JsonPointerLines.of(f, Set.of("", "/a", "/a/0", "/a/1", "/a/1/y~1z", "/b", "/c"));
        assertEquals(Map.of("", 1, "/a", 2, "/a/0", 3, "/a/1", 4, "/a/1/y~1z", 5, "/b", 8), lines);
    }
}
