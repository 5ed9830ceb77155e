package io.iamscope.cli;

import io.iamscope.eval.Decision;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.gather.Gathered;
import io.iamscope.eval.gather.Gatherer;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.model.LookupException;
import io.iamscope.model.Nearest;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.ReadResult;
import io.iamscope.model.io.SnapshotReader;
import io.iamscope.report.CanJsonRenderer;
import io.iamscope.report.CanTextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iamscope can PRINCIPAL ACTION RESOURCE --snapshot FILE}: whether one principal of a snapshot can make
 * one request, and why. Exits 0 whatever the decision (it answers a question); 2 for input errors.
 */
@Command(name = "can", description = "Tell whether a principal of a snapshot can perform an action on a resource,"
        + " and why.")
final class CanCommand implements Callable<Integer> {
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9]+");

    /** Output formats. */
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "PRINCIPAL",
            description = "User or role ARN or name, assumed-role session ARN, account root ARN, access key id.")
    String principal;

    @Parameters(index = "1", paramLabel = "ACTION", description = "One action, e.g. s3:GetObject.")
    String action;

    @Parameters(index = "2", paramLabel = "RESOURCE", description = "The resource ARN, or * for actions without one.")
    String resource;

    @Option(names = "--snapshot", required = true, paramLabel = "FILE",
            description = "Snapshot v1 or get-account-authorization-details output; repeat for several accounts.")
    List<Path> snapshots;

    @Option(names = "--resources", paramLabel = "FILE", description = "A JSON array of resource records to add.")
    Path resources;

    @Option(names = "--org-dir", paramLabel = "DIR", description = "An organization exported with the AWS CLI.")
    Path orgDir;

    @Option(names = "--context", paramLabel = "KEY=VALUE",
            description = "A condition key's value; commas separate the values of a list (aws:TagKeys=a,b).")
    List<String> context = List.of();

    @Option(names = "--unknown", paramLabel = "KEY",
            description = "A condition key whose value is unknown (the answer says what it depends on).")
    List<String> unknown = List.of();

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReadResult read = SnapshotReader.read(snapshots, resources, orgDir);
        read.summary().forEach(err::println);
        SnapshotIndex index = new SnapshotIndex(read.snapshot());
        PrincipalRef who = index.resolvePrincipal(principal);
        checkAction(index);
        checkResource(index, err);
        Gathered g = new Gatherer(index).gather(who, action, resource, context());
        Decision d = new LocalAuthorizer().authorize(g.request(), g.policies());
        if (format == Format.json) {
            CanJsonRenderer.render(g, d, out);
        } else {
            CanTextRenderer.render(g, d, out);
        }
        err.flush();
        return ExitCodes.OK;
    }

    private void checkAction(SnapshotIndex index) {
        if (!ACTION.matcher(action).matches()) {
            throw new LookupException("ACTION_INVALID", "`" + action + "` is not one action (service:Action, no"
                    + " wildcard)", Nearest.to(action, index.actionsNamed(), 3));
        }
    }

    private void checkResource(SnapshotIndex index, PrintWriter err) {
        if ("*".equals(resource)) {
            return;
        }
        if (!resource.startsWith("arn:") || resource.split(":", 6).length < 6) {
            throw new LookupException("RESOURCE_INVALID", "`" + resource + "` is not an ARN",
                    index.nearestResources(resource));
        }
        if (!index.knows(resource)) {
            List<String> near = index.nearestResources(resource);
            if (!near.isEmpty()) {
                err.println("iamscope: `" + resource + "` is not in the snapshot: did you mean "
                        + String.join(", ", near.stream().map(n -> "`" + n + "`").toList()) + "?");
            }
        }
    }

    private RequestContext context() {
        RequestContext.Builder b = RequestContext.builder();
        for (String kv : context) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("`--context " + kv + "` must be KEY=VALUE");
            }
            b.put(kv.substring(0, eq), Arrays.asList(kv.substring(eq + 1).split(",", -1)));
        }
        unknown.forEach(b::unknown);
        return b.build();
    }
}
