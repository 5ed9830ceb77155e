package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code iamscope bench} on the sample organization: what it reports, line by line (docs/performance.md quotes
 * these lines). Its figures are not checked, only their form: timings have no place in unit tests.
 */
class BenchCommandTest {
    @Test
    void timesReadBuildWhoCanAndEachBlastRadius() {
        BlastRadiusCommandTest.Run r = BlastRadiusCommandTest.run(null, "bench", "--who-can", "s3:GetObject",
                "arn:aws:s3:::acme-prod-customer-data/report.csv", "--blast", "AKIAZCONTRACTOR7LEAK", "--repeat", "2");
        assertEquals(0, r.exit(), r.err());
        String text = r.out();
        for (String line : List.of(
                "principals \\d+, nodes \\d+, edges \\d+, admin-equivalent \\d+",
                "read [\\d.]+ s, build [\\d.]+ s, reachableFrom [\\d.]+ s \\(\\d+ reached from `arn:aws:iam::.*`\\)",
                "who-can s3:GetObject on `arn:aws:s3:::acme-prod-customer-data/report.csv`: [\\d.]+ s"
                        + " \\(\\d+ directly, \\d+ through a path\\)",
                "blast radius of `AKIAZCONTRACTOR7LEAK` \\(run 1\\): [\\d.]+ s(, CPU [\\d.]+ s)? \\(30 reachable, \\d+"
                        + " enumerated, \\d+ actions, admin true\\)",
                "blast radius of `AKIAZCONTRACTOR7LEAK` \\(run 2\\): .*\\(30 reachable, .*")) {
            assertTrue(Pattern.compile("^" + line + "$", Pattern.MULTILINE).matcher(text).find(),
                    "no line like " + line + " in\n" + text);
        }
    }
}
