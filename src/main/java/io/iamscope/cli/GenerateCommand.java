package io.iamscope.cli;

import io.iamscope.synth.AccountGenerator;
import io.iamscope.synth.OrganizationGenerator;
import io.iamscope.model.io.SnapshotWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code iamscope generate}: a synthetic account, or with {@code --accounts} a synthetic organization, as a
 * snapshot, for benchmarks.
 */
@Command(name = "generate", description = "Write a synthetic account (or, with --accounts, organization) snapshot "
        + "for benchmarks.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--users", defaultValue = "100", description = "Number of IAM users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--roles", defaultValue = "200", description = "Number of roles (default: ${DEFAULT-VALUE}).")
    int roles;

    @Option(names = "--policies", defaultValue = "400",
            description = "Number of customer managed policies (default: ${DEFAULT-VALUE}).")
    int policies;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--account", defaultValue = "123456789012", description = "Account id (default: ${DEFAULT-VALUE}).")
    String account;

    @Option(names = "--accounts", paramLabel = "N",
            description = "Generate an organization instead: a management account, a hub deployment account and N "
                    + "member accounts in OUs, with SCPs, RCPs, cross-account trusts and resource policies "
                    + "(--users, --roles and --policies then count per account: 10, 100 and 40 unless given).")
    Integer accounts;

    @Option(names = "--out", required = true, description = "Snapshot file to write.")
    Path out;

    @Option(names = {"-q", "--quiet"},
            description = "No progress line (shown on standard error, when it is a terminal, after the first second).")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (users < 0 || roles < 0 || policies < 1) {
            throw new UserInputException("`--users` and `--roles` must be at least 0 and `--policies` at least 1");
        }
        if (!account.matches("\\d{12}")) {
            throw new UserInputException("`--account` must be 12 digits, not `" + account + "`");
        }
        if (accounts != null) {
            return organization();
        }
        try (ProgressDisplay progress = ProgressDisplay.onStandardError(quiet)) {
            progress.phase("generating");
            var snapshot = new AccountGenerator(new AccountGenerator.Spec(users, roles, policies, seed, account)).snapshot();
            progress.phase("writing");
            // As collect writes: atomically, owner-only, never through a symbolic link.
            SnapshotWriter.write(out, snapshot, false);
        }
        spec.commandLine().getErr().println("wrote " + out + ": " + users + " users, " + roles + " roles, " + policies
                + " managed policies (seed " + seed + ")");
        return ExitCodes.OK;
    }

    private int organization() {
        if (accounts < 1) {
            throw new UserInputException("`--accounts` must be at least 1, not " + accounts);
        }
        var given = spec.commandLine().getParseResult();
        int users = given.hasMatchedOption("--users") ? this.users : 10;
        int roles = given.hasMatchedOption("--roles") ? this.roles : 100;
        int policies = given.hasMatchedOption("--policies") ? this.policies : 40;
        if (roles < 3) {
            throw new UserInputException("with `--accounts`, `--roles` (per account) must be at least 3: each account "
                    + "has a deployment, an OrganizationAccountAccessRole and an audit role");
        }
        try (ProgressDisplay progress = ProgressDisplay.onStandardError(quiet)) {
            progress.phase("generating");
            var snapshot = new OrganizationGenerator(new OrganizationGenerator.Spec(accounts, roles, users, policies,
                    seed)).snapshot();
            progress.phase("writing");
            SnapshotWriter.write(out, snapshot, false);
        }
        spec.commandLine().getErr().println("wrote " + out + ": an organization of " + accounts + " member accounts "
                + "and 2 more, each of " + users + " users, " + roles + " roles, " + policies
                + " managed policies (seed " + seed + ")");
        return ExitCodes.OK;
    }
}
