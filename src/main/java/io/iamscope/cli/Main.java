package io.iamscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code iamscope} command: the only place that prints and exits. */
@Command(name = "iamscope", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "If this AWS identity is compromised, what can the attacker reach?",
        subcommands = {TestCommand.class, CanCommand.class, BlastRadiusCommand.class, ReviewCommand.class, DiffCommand.class, CheckCommand.class, WhoCanCommand.class,
            PathsCommand.class, GraphCommand.class, CatalogCommand.class, CollectCommand.class, GenerateCommand.class,
            BenchCommand.class, TrailCommand.class, VerifyCommand.class, VerifyCasesCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:findings or failed tests", "2:usage or input error", "3:AWS API failure",
            "4:internal error (a bug)", "5:out of memory or stack (give more with IAMSCOPE_JAVA_OPTS)",
            "141:the output was closed (a pipe's reader left)"})
public final class Main implements Runnable {

    @Option(names = "--debug", description = "Show the AWS calls made (service, operation, region, request id,"
            + " retries and their waits) and stack traces for internal errors, on stderr; never a credential.",
            scope = CommandLine.ScopeType.INHERIT)
    void debug(boolean on) {
        if (on) {
            System.setProperty("iamscope.debug", "true");
            // slf4j-simple reads these when its first logger is made, after the options are parsed; the SDK's
            // request logger prints each attempt's method, host and path, header names (never their values),
            // the request id, and each retry with its wait (SdkStandardLogger, RetryableStageHelper).
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.software.amazon.awssdk.request", "debug");
            System.setProperty("org.slf4j.simpleLogger.log." + io.iamscope.aws.CallLog.LOGGER, "debug");
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        return commandLine(UserDefaults.fromEnvironment());
    }

    /** The command line with these defaults under what the arguments say. */
    static CommandLine commandLine(CommandLine.IDefaultValueProvider defaults) {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        withHelpOptions(cl);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        // Errors pass picocli's exception handler by: resource exhaustion is caught around the whole run.
        cl.setExecutionStrategy(parsed -> {
            // Text from a snapshot never reaches the terminal raw (TerminalSafeWriter), whatever the command.
            CommandLine root = parsed.commandSpec().commandLine();
            root.setOut(TerminalSafeWriter.wrap(root.getOut()));
            root.setErr(TerminalSafeWriter.wrap(root.getErr()));
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (OutOfMemoryError | StackOverflowError e) {
                TerminalProgress.closeAll();
                CommandLine last = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
                last.getOut().flush();
                last.getErr().println(Exhaustion.line(e));
                last.getErr().flush();
                return ExitCodes.RESOURCE_EXHAUSTED;
            } finally {
                TerminalProgress.closeAll();
                // The wrapping writers buffer: a command that does not flush its output (bench) must not lose it.
                root.getOut().flush();
                root.getErr().flush();
            }
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("iamscope: " + ex.getMessage());
            ex.getCommandLine().getErr().println("try `" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help`");
            return ExitCodes.INPUT_ERROR;
        });
        // Last: it reaches the subcommands there are when it is set.
        cl.setDefaultValueProvider(defaults);
        return cl;
    }

    /** Every command answers {@code --help} and {@code --version}, however it was declared. */
    private static void withHelpOptions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions() && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            // picocli does not pass a version down: `iamscope blast-radius --version` printed nothing.
            sub.getCommandSpec().versionProvider(new BuildVersion());
            withHelpOptions(sub);
        }
    }

    public static void main(String[] args) {
        // A worker thread that runs out of memory or stack ends the run as the main thread would, in one line.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            Exhaustion.of(e).ifPresentOrElse(x -> {
                System.err.println(Exhaustion.line(x));
                Runtime.getRuntime().halt(ExitCodes.RESOURCE_EXHAUSTED);
            }, () -> e.printStackTrace());
        });
        // Standard output whose reader has gone (a closed pipe) stops the run instead of running on unread.
        System.setOut(new java.io.PrintStream(new ClosedOutputStops(new java.io.FileOutputStream(
                java.io.FileDescriptor.out)), false, java.nio.charset.StandardCharsets.UTF_8));
        System.exit(commandLine().execute(args));
    }
}
