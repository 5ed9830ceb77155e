package io.iamscope.cli;

import io.iamscope.analysis.AttackerProfile;
import io.iamscope.analysis.GraphSource;
import io.iamscope.analysis.Workspace;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.local.LocalAuthorizer;
import io.iamscope.graph.BuildProgress;
import io.iamscope.graph.GraphBuilder;
import io.iamscope.store.GraphStore;
import io.iamscope.store.StoreKey;
import io.iamscope.store.StoredGraphSource;
import io.iamscope.graph.rules.BuiltInTechniques;
import io.iamscope.model.Nearest;
import io.iamscope.model.Snapshot;
import io.iamscope.model.SnapshotIndex;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The inputs every analysis command shares (a picocli mixin), the same on each: the snapshot with the credential
 * facts given beside it ({@code --access-keys}, {@code --credential-report}), and the attacker (a profile of
 * context defaults, and the user's overrides). One default attacker for every command, so that
 * {@code paths}, {@code graph}, {@code who-can}, {@code blast-radius}, {@code can} and {@code bench} answer the
 * same question the same way.
 */
final class AnalysisInputs {
    /** The graph every command builds: the builder with the built-in techniques. */
    static final GraphSource BUILT_IN_GRAPH = (checker, facts, catalog, progress) ->
            GraphBuilder.build(checker, facts, catalog, BuiltInTechniques.ALL, progress);

    @CommandLine.Mixin
    SnapshotOptions snapshot = new SnapshotOptions();

    @Option(names = "--attacker", paramLabel = "PROFILE", defaultValue = "stolen-keys",
            description = "stolen-keys, console-session or insider (default: ${DEFAULT-VALUE}).")
    String attacker;

    @CommandLine.Mixin
    ContextOptions context = new ContextOptions();

    @CommandLine.Mixin
    CredentialOptions credentials = new CredentialOptions();

    @CommandLine.Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = {"-q", "--quiet"},
            description = "No progress line (shown on standard error, when it is a terminal, after the first second).")
    boolean quiet;

    private ProgressDisplay progress;

    /** The command this mixin is part of: its stderr takes the warnings about the inputs. */
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    /**
     * Reads the snapshot with the access keys and credential reports given, printing the readers' summaries and
     * warnings on {@code err}.
     */
    SnapshotIndex index(PrintWriter err) {
        return new SnapshotIndex(readSnapshot(err));
    }

    /** {@link #index} before indexing (a command may add to it). */
    Snapshot readSnapshot(PrintWriter err) {
        progress().phase("reading");
        return progress().saying(err, saying -> credentials.apply(snapshot.readSnapshot(saying), saying));
    }

    /** The progress display of this run: a phase is named at each step, and it is closed before the answer. */
    ProgressDisplay progress() {
        if (progress == null) {
            progress = ProgressDisplay.onStandardError(quiet);
        }
        return progress;
    }

    /** Names the graph builder's phases on the progress display, and tells {@code also} of them. */
    BuildProgress building(BuildProgress also) {
        return phase -> {
            progress().phase("building graph (" + phase.label() + ")");
            also.started(phase);
        };
    }

    /** {@link #building(BuildProgress)} for a build nothing else follows. */
    BuildProgress building() {
        return building(BuildProgress.NONE);
    }

    /** The snapshot's workspace: the local engine, the bundled catalog, and the graph {@code graphs} builds. */
    static Workspace workspace(SnapshotIndex index, GraphSource graphs) {
        return new Workspace(index, Catalog.bundled(), new LocalAuthorizer(), graphs);
    }

    /**
     * Where this run gets its graph: {@code graphs}, through the store of built graphs (docs/performance.md, "Stored
     * graphs"), which is asked now, on another core while the snapshot is read, for the graph of the attacker
     * these options describe. Not with {@code --no-cache}, nor for an input read from standard input (its content is
     * known only once read), nor for a graph a test hands in. The store's notes and warnings go to {@code err}.
     */
    GraphSource stored(GraphSource graphs, PrintWriter err) {
        if (graphs != BUILT_IN_GRAPH || store.noCache || inputFiles().stream().anyMatch(f -> "-".equals(f.toString()))) {
            return graphs;
        }
        Consumer<String> warn = w -> {
            err.println("iamscope: warning: " + w);
            err.flush();
        };
        Consumer<String> note = n -> {
            err.println(n);
            err.flush();
        };
        GraphStore graphStore = store.store();
        return new StoredGraphSource(graphs, graphStore, () -> storeKey(graphStore), note, warn)
                .readAhead(profile().context(context.values(), context.unknown()));
    }

    /**
     * Everything but the attacker context that the graph depends on: each input file as named and its content, with
     * what the store itself adds (the iamscope build, the formats).
     */
    private StoreKey storeKey(GraphStore graphStore) {
        StoreKey.Builder key = graphStore.key();
        snapshot.snapshots.forEach(f -> key.file("snapshot", f));
        key.text("resources given", String.valueOf(snapshot.resources != null));
        if (snapshot.resources != null) {
            key.file("resources", snapshot.resources);
        }
        key.text("organization given", String.valueOf(snapshot.orgDir != null));
        if (snapshot.orgDir != null) {
            key.file("organization", snapshot.orgDir);
        }
        credentials.accessKeys.forEach(f -> key.file("access keys", f));
        credentials.credentialReports.forEach(f -> key.file("credential report", f));
        return key.build();
    }

    private List<java.nio.file.Path> inputFiles() {
        List<java.nio.file.Path> files = new java.util.ArrayList<>(snapshot.snapshots);
        files.addAll(credentials.accessKeys);
        files.addAll(credentials.credentialReports);
        if (snapshot.resources != null) {
            files.add(snapshot.resources);
        }
        return files;
    }

    AttackerProfile profile() {
        return profile(attacker);
    }

    /** The attacker profile of that name, or an input error naming the profiles there are. */
    static AttackerProfile profile(String attacker) {
        return AttackerProfile.named(attacker).orElseThrow(() -> {
            List<String> names = AttackerProfile.all().stream().map(AttackerProfile::name).toList();
            List<String> near = Nearest.to(attacker, names, 1);
            return new UserInputException("ATTACKER_PROFILE_UNKNOWN: no attacker profile `" + attacker + "`"
                    + (near.isEmpty() ? "" : ": did you mean `" + near.get(0) + "`?") + " (profiles: "
                    + names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", ")) + ")");
        });
    }

    /** The attacker's request context: the profile's defaults with {@code --context} and {@code --unknown} over them. */
    RequestContext requestContext(AttackerProfile profile) {
        if (context.noKeys()) {
            // Nothing to check against the catalog yet; every command needs it later, so it is read on another
            // thread while the snapshot is read (a few tenths of a second cold).
            java.util.concurrent.CompletableFuture.runAsync(Catalog::bundled);
        } else {
            context.warnUnknownKeys(Catalog.bundled(), mixee.commandLine().getErr());
        }
        return profile.context(context.values(), context.unknown());
    }

    /** The attacker's request context for the profile given. */
    RequestContext requestContext() {
        return requestContext(profile());
    }
}
