package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Running out of memory or stack is its own exit code with one line, never a finding (issue #22, item 3). */
class ExhaustionTest {
    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Throwable thrown;

        Boom(Throwable thrown) {
            this.thrown = thrown;
        }

        @Override
        public Integer call() throws Exception {
            if (thrown instanceof Error e) {
                throw e;
            }
            throw (Exception) thrown;
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Throwable thrown) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.addSubcommand("boom", new Boom(thrown));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute("boom"), out.toString(), err.toString());
    }

    @Test
    void outOfMemoryIsOneLineAndExitFive() {
        Run r = run(new OutOfMemoryError("Java heap space"));
        assertEquals(ExitCodes.RESOURCE_EXHAUSTED, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("iamscope: out of memory (Java heap space"), r.err());
        assertTrue(r.err().contains("IAMSCOPE_JAVA_OPTS=\"-Xmx"), r.err());
    }

    @Test
    void stackOverflowIsOneLineAndExitFive() {
        Run r = run(new StackOverflowError());
        assertEquals(ExitCodes.RESOURCE_EXHAUSTED, r.exit());
        assertTrue(r.err().startsWith("iamscope: out of stack space"), r.err());
        assertTrue(r.err().contains("-Xss"), r.err());
    }

    @Test
    void anExhaustionWrappedByAThreadPoolIsStillOne() {
        Run r = run(new IllegalStateException(new ExecutionException(new OutOfMemoryError("Java heap space"))));
        assertEquals(ExitCodes.RESOURCE_EXHAUSTED, r.exit());
        assertTrue(r.err().startsWith("iamscope: out of memory"), r.err());
    }

    @Test
    void aRealBlastRadiusInTooSmallAHeapIsNotAFinding() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-Xmx16m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "blast-radius", "ci-deployer",
                "--snapshot", "policies-fixtures/sample-org/snapshot.json", "--fail-on", "admin"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(ExitCodes.RESOURCE_EXHAUSTED, p.exitValue(), err);
        assertTrue(err.contains("iamscope: out of memory"), err);
        assertFalse(err.contains("\tat "), err);
    }
}
