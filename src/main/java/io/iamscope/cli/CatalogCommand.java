package io.iamscope.cli;

import io.iamscope.catalog.Catalog;
import io.iamscope.catalog.CatalogException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code iamscope catalog}: looks things up in the bundled AWS action catalog and checks policy documents against
 * it. Self-contained: register it with {@code commandLine.addSubcommand(new CatalogCommand())}.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Look up AWS services and actions, expand action patterns, lint policy names.",
        subcommands = {CatalogExpandCommand.class, CatalogServiceCommand.class, CatalogLintCommand.class})
public final class CatalogCommand implements Runnable {
    /** Output format of the catalog subcommands. */
    public enum Format { text, json }

    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int INPUT_ERROR = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The bundled catalog, or {@code null} after printing why it could not be read. */
    static Catalog catalogOrReport(PrintWriter err) {
        try {
            return Catalog.bundled();
        } catch (CatalogException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return null;
        }
    }
}
