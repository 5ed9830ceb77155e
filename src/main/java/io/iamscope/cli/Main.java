package io.iamscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "iamscope", mixinStandardHelpOptions = true)
public final class Main {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).addSubcommand(new CatalogCommand()).execute(args));
    }
}
