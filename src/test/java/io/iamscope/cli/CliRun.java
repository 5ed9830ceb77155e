package io.iamscope.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of the command line: its exit code and what it printed on standard output and error. */
record CliRun(int exit, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new CliRun(cl.execute(args), out.toString(), err.toString());
    }

    static CliRun of(List<String> args) {
        return of(args.toArray(String[]::new));
    }
}
