package io.iamscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build tooling, not product (so picocli-codegen stays out of the jar): writes the shell completion script and
 * the man pages' AsciiDoc sources from the commands as {@link Main#commandLine()} assembles them (with the help
 * options it adds to every subcommand), so that they cannot drift from the code. The {@code dist} profile runs it
 * ({@code pom.xml}) and renders the AsciiDoc to troff with Asciidoctor.
 * Usage: {@code CommandDocs OUTPUT_DIR} writes {@code OUTPUT_DIR/completion/iamscope.bash} and
 * {@code OUTPUT_DIR/man-adoc/*.adoc}.
 */
public final class CommandDocs {
    private CommandDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CommandDocs OUTPUT_DIR");
        }
        write(Path.of(args[0]));
    }

    static void write(Path out) throws IOException {
        CommandLine cl = Main.commandLine();
        // The man pages' header names the version; the generator reads it from each command's static version.
        String version = BuildVersion.version();
        stampVersion(cl, "iamscope " + version);
        Path completion = Files.createDirectories(out.resolve("completion"));
        // picocli's script also serves zsh: it turns on bashcompinit itself when sourced from zsh.
        Files.writeString(completion.resolve("iamscope.bash"), AutoComplete.bash("iamscope", cl));
        Path man = Files.createDirectories(out.resolve("man-adoc"));
        int exit = ManPageGenerator.generateManPage(man.toFile(), null, new boolean[0], false, cl.getCommandSpec());
        if (exit != 0) {
            throw new IOException("the man page generator failed with exit code " + exit);
        }
    }

    private static void stampVersion(CommandLine cl, String version) {
        cl.getCommandSpec().version(version);
        cl.getSubcommands().values().forEach(sub -> stampVersion(sub, version));
    }
}
