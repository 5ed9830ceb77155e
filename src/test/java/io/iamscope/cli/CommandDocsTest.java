package io.iamscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script and man pages the dist build ships, generated from the commands themselves. */
class CommandDocsTest {
    @TempDir
    Path out;

    @Test
    void completionKnowsEverySubcommandAndItsOptions() throws IOException {
        CommandDocs.write(out);
        String bash = Files.readString(out.resolve("completion/iamscope.bash"));
        for (String sub : Main.commandLine().getSubcommands().keySet()) {
            assertTrue(bash.contains(sub), "no completion for " + sub);
        }
        assertTrue(bash.contains("--snapshot"), "blast-radius options are not completed");
        assertTrue(bash.contains("complete -F _complete_iamscope"), bash.lines().limit(5).toList().toString());
    }

    @Test
    void aManPagePerCommandWithTheBuildsVersion() throws IOException {
        CommandDocs.write(out);
        Set<String> pages;
        try (Stream<Path> files = Files.list(out.resolve("man-adoc"))) {
            pages = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertTrue(pages.contains("iamscope.adoc"), pages.toString());
        assertTrue(pages.contains("iamscope-blast-radius.adoc"), pages.toString());
        assertTrue(pages.contains("iamscope-catalog-lint.adoc"), pages.toString());
        String blast = Files.readString(out.resolve("man-adoc/iamscope-blast-radius.adoc"));
        assertTrue(blast.contains(":doctype: manpage"), blast);
        assertTrue(blast.contains("*--snapshot*=_FILE_"), blast);
        assertTrue(blast.contains(":mansource: iamscope " + BuildVersion.version()), blast);
        String root = Files.readString(out.resolve("man-adoc/iamscope.adoc"));
        assertTrue(root.contains("141"), "the exit codes are not in the man page");
        assertEquals(Main.commandLine().getSubcommands().size(), 0 + countSubcommandLinks(root), root);
    }

    private static int countSubcommandLinks(String root) {
        return (int) Main.commandLine().getSubcommands().keySet().stream().filter(root::contains).count();
    }
}
