package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code iamscope ... | head -1}: a closed output stops the run (issue #22, item 14). */
class ClosedOutputTest {
    @Test
    void aReaderThatLeavesStopsTheRun() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        // Every action of the catalog: far more than a pipe holds, so the run must write after the reader left.
        Process p = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "catalog", "expand", "*"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader first = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertTrue(first.readLine() != null);
        }
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(ClosedOutputStops.EXIT, p.exitValue());
    }
}
