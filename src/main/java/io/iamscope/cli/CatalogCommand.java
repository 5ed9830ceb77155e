package io.iamscope.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code iamscope catalog}: looks things up in the bundled AWS action catalog and checks policy documents against
 * it. Its subcommands exit and report errors as every command does ({@link ExitCodes}, {@link ErrorHandler}).
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Look up AWS services and actions, expand action patterns, lint policy names.",
        subcommands = {CatalogExpandCommand.class, CatalogServiceCommand.class, CatalogLintCommand.class})
public final class CatalogCommand implements Runnable {
    /** Output format of the catalog subcommands. */
    public enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
