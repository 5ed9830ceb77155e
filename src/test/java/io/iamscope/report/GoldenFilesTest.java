package io.iamscope.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The golden files stay readable: each under 300 KB, all under 3 MB. */
class GoldenFilesTest {
    @Test
    void goldenFilesStaySmall() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Golden.DIR)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        long total = 0;
        for (Path f : files) {
            long size = Files.size(f);
            assertTrue(size <= Golden.MAX_BYTES, f + " is " + size + " bytes, over " + Golden.MAX_BYTES);
            total += size;
        }
        assertTrue(total <= Golden.MAX_TOTAL_BYTES, "the golden files are " + total + " bytes in all, over "
                + Golden.MAX_TOTAL_BYTES);
    }
}
