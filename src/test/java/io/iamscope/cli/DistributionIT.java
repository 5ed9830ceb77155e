package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive ({@code ./mvnw -Pdist verify}, run by failsafe) unpacked and run where no Java is
 * installed: {@code JAVA_HOME} unset and a {@code PATH} holding only the few tools the launcher uses, so the only
 * java it can find is the bundled runtime.
 */
class DistributionIT {
    @TempDir
    static Path dir;
    static Path root;
    static Path path;

    @BeforeAll
    static void unpack() throws IOException, InterruptedException {
        String archive = System.getProperty("iamscope.dist.archive", "");
        assumeTrue(!archive.isEmpty() && Files.isRegularFile(Path.of(archive)),
                "no distribution archive at `" + archive + "`: build it with ./mvnw -Pdist package");
        Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive, "-C", unpacked.toString()).inheritIO().start();
        assertEquals(0, tar.waitFor());
        try (var top = Files.list(unpacked)) {
            List<Path> entries = top.toList();
            assertEquals(1, entries.size(), "one top directory: " + entries);
            root = entries.get(0);
        }
        // The launcher's tools, and nothing else: no java on this PATH.
        path = Files.createDirectories(dir.resolve("path"));
        for (String tool : List.of("dirname", "readlink", "grep")) {
            Path found = List.of(Path.of("/usr/bin", tool), Path.of("/bin", tool)).stream()
                    .filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError("no " + tool));
            Files.createSymbolicLink(path.resolve(tool), found);
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run iamscope(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin/iamscope").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", path.toString());
        env.put("HOME", dir.toString()); // no defaults file of the person running the build
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "iamscope did not finish");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theLaunchersPathHasNoJava() {
        assertFalse(Files.exists(path.resolve("java")));
        assertTrue(Files.isExecutable(root.resolve("runtime/bin/java")), "the runtime's java is not executable");
    }

    @Test
    void runsTheSampleBlastRadiusWithTheBundledRuntimeAlone() throws IOException, InterruptedException {
        Run r = iamscope("blast-radius", "AKIAZCONTRACTOR7LEAK", "--snapshot",
                root.resolve("sample-org/snapshot.json").toString(), "--detail", "summary");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("blast radius of user `ext-contractor-jdoe`"), r.out());
        assertTrue(r.out().contains("ADMIN: YES"), r.out());
    }

    @Test
    void versionIsTheBuilds() throws IOException, InterruptedException {
        Run r = iamscope("--version");
        assertEquals(0, r.exit(), r.err());
        assertEquals("iamscope " + BuildVersion.version(), r.out().lines().findFirst().orElse(""));
    }

    @Test
    void shipsCompletionManPagesDocsAndTheJar() {
        for (String file : List.of("lib/iamscope.jar", "completion/iamscope.bash", "man/man1/iamscope.1",
                "man/man1/iamscope-blast-radius.1", "docs/blast-radius.md", "README.md")) {
            assertTrue(Files.isRegularFile(root.resolve(file)), "missing " + file);
        }
    }
}
