package io.iamscope.cli;

import io.iamscope.catalog.Catalog;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.graph.GraphBuilder;
import io.iamscope.graph.JGraphTAccessGraph;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.ReadResult;
import io.iamscope.model.io.SnapshotReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The inputs of the graph commands (a picocli mixin): the snapshot options of {@code iamscope can}, and the
 * attacker profile. The default profile is stolen long-term keys: no MFA ({@code aws:MultiFactorAuthPresent}
 * false), not through an AWS service ({@code aws:ViaAWSService} false), source IP unknown; {@code --context}
 * and {@code --unknown} override it.
 */
final class GraphInputs {
    @Option(names = "--snapshot", required = true, paramLabel = "FILE",
            description = "Snapshot v1 or get-account-authorization-details output; repeat for several accounts.")
    List<Path> snapshots;

    @Option(names = "--resources", paramLabel = "FILE", description = "A JSON array of resource records to add.")
    Path resources;

    @Option(names = "--org-dir", paramLabel = "DIR", description = "An organization exported with the AWS CLI.")
    Path orgDir;

    @Option(names = "--context", paramLabel = "KEY=VALUE",
            description = "Attacker profile: a condition key's value (commas separate the values of a list).")
    List<String> context = List.of();

    @Option(names = "--unknown", paramLabel = "KEY", description = "Attacker profile: a condition key whose value is unknown.")
    List<String> unknown = List.of();

    SnapshotIndex read(PrintWriter err) {
        ReadResult read = SnapshotReader.read(snapshots, resources, orgDir);
        read.summary().forEach(err::println);
        return new SnapshotIndex(read.snapshot());
    }

    RequestContext profile() {
        RequestContext.Builder b = RequestContext.builder().put("aws:MultiFactorAuthPresent", "false")
                .put("aws:ViaAWSService", "false").unknown("aws:SourceIp");
        for (String kv : context) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("`--context " + kv + "` must be KEY=VALUE");
            }
            b.remove(kv.substring(0, eq));
            b.put(kv.substring(0, eq), Arrays.asList(kv.substring(eq + 1).split(",", -1)));
        }
        for (String k : unknown) {
            b.remove(k);
            b.unknown(k);
        }
        return b.build();
    }

    JGraphTAccessGraph build(SnapshotIndex index) {
        return build(index, new LocalAuthorizer());
    }

    /** The graph built with this engine, whose compiled policies later analyses then share. */
    JGraphTAccessGraph build(SnapshotIndex index, LocalAuthorizer authorizer) {
        return GraphBuilder.build(index, authorizer, Catalog.bundled(), profile());
    }
}
