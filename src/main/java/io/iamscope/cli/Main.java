package io.iamscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code iamscope} command: the only place that prints and exits. */
@Command(name = "iamscope", mixinStandardHelpOptions = true, version = "iamscope 0.1.0",
        description = "If this AWS identity is compromised, what can the attacker reach?",
        subcommands = {TestCommand.class, CanCommand.class, BlastRadiusCommand.class, ReviewCommand.class, DiffCommand.class, CheckCommand.class, WhoCanCommand.class,
            PathsCommand.class, GraphCommand.class, CatalogCommand.class, CollectCommand.class, GenerateCommand.class,
            BenchCommand.class, TrailCommand.class, VerifyCommand.class, VerifyCasesCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:findings or failed tests", "2:usage or input error", "3:AWS API failure",
            "4:internal error (a bug)"})
public final class Main implements Runnable {

    @Option(names = "--debug", description = "Show stack traces for internal errors.", scope = CommandLine.ScopeType.INHERIT)
    void debug(boolean on) {
        if (on) {
            System.setProperty("iamscope.debug", "true");
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        withHelpOptions(cl);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("iamscope: " + ex.getMessage());
            ex.getCommandLine().getErr().println("try `" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help`");
            return ExitCodes.INPUT_ERROR;
        });
        return cl;
    }

    /** Every command answers {@code --help} (and {@code --version}), however it was declared. */
    private static void withHelpOptions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions() && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            withHelpOptions(sub);
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
