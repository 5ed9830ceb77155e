package io.iamscope.cli;

import io.iamscope.collect.CollectOptions;
import io.iamscope.collect.CollectResult;
import io.iamscope.collect.Collector;
import io.iamscope.collect.GapReport;
import io.iamscope.collect.PartialCollection;
import io.iamscope.collect.Progress;
import io.iamscope.model.io.AtomicFile;
import io.iamscope.model.io.SnapshotWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code iamscope collect --out FILE}: reads IAM, the organization and resource policies from AWS into a
 * snapshot. Failed calls become gaps and the snapshot is still written (exit 0); exit 3 when nothing could
 * be collected at all.
 */
@Command(name = "collect", description = "Collect IAM, organization and resource policies from AWS into a snapshot"
        + " file (read-only; see docs/collect-policy.json for the permissions).")
final class CollectCommand implements Callable<Integer> {
    /** Member accounts collected at a time: enough to hide latency, few enough to stay under API rate limits. */
    private static final int MEMBER_PARALLELISM = 4;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Snapshot file to write.")
    Path out;

    @Option(names = "--profile", paramLabel = "NAME", description = "Named profile of the AWS config files: keys, SSO,"
            + " credential_process, web identity, role_arn (default: the SDK's default chain, AWS_PROFILE).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "Region for STS and region discovery; IAM and"
            + " Organizations are called in its partition's home region (default: AWS_REGION, the profile's region,"
            + " us-east-1).")
    String region;

    @Option(names = "--regions", split = ",", paramLabel = "REGION", description = "Regions for resource policies"
            + " (default: every region enabled for the account).")
    List<String> regions;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "One endpoint for every service (emulators,"
            + " VPC endpoints).")
    String endpointUrl;

    @Option(names = "--org", description = "Also collect the AWS Organization: tree, SCPs and RCPs.")
    boolean org;

    @Option(names = "--assume-role-name", paramLabel = "NAME", description = "With --org: assume this role in each"
            + " member account and collect it too.")
    String assumeRoleName;

    @Option(names = "--resume", description = "Go on with an interrupted collection into the same --out: the"
            + " accounts it finished (kept in FILE.partial/) are not collected again. Needs the same options.")
    boolean resume;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary; gaps are still reported.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (assumeRoleName != null && !org) {
            throw new UserInputException("`--assume-role-name` needs `--org`: member accounts come from the"
                    + " organization");
        }
        // Before an hour of collection, not after it.
        AtomicFile.checkWritable(out);
        Path partial = PartialCollection.folderFor(out);
        CollectOptions options = new CollectOptions(profile, region, endpoint(), org, assumeRoleName, regions,
                MEMBER_PARALLELISM, partial, resume);
        CollectResult result;
        // Progress only on a terminal: CI logs stay quiet.
        try (ProgressDisplay progress = ProgressDisplay.onStandardError(quiet)) {
            progress.phase("collecting");
            Progress said = progress::at;
            result = new Collector(options, said).run();
            progress.phase("writing");
            SnapshotWriter.write(out, result.snapshot());
        }
        // The snapshot is whole on disk: the accounts kept for a resumed run are no longer needed.
        PartialCollection.clear(partial);
        report(err, result);
        return ExitCodes.OK;
    }

    private void report(PrintWriter err, CollectResult result) {
        int resources = result.accounts().stream().mapToInt(CollectResult.AccountSummary::resources).sum();
        int gaps = result.gapCount();
        if (!quiet || gaps > 0) {
            err.println("iamscope: wrote `" + out + "`: " + result.accounts().size() + " account(s), " + resources
                    + " resource(s)" + (gaps == 0 ? "" : ", " + gaps + " gap(s): the snapshot marks what is missing"
                    + " as unknown"));
        }
        for (String line : GapReport.lines(result)) {
            err.println("iamscope:   gap " + line);
        }
        err.flush();
    }

    private URI endpoint() {
        if (endpointUrl == null) {
            return null;
        }
        try {
            URI uri = new URI(endpointUrl);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new UserInputException("invalid `--endpoint-url` `" + endpointUrl + "`: expected http(s)://HOST[:PORT]");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new UserInputException("invalid `--endpoint-url` `" + endpointUrl + "`: " + e.getReason());
        }
    }
}
