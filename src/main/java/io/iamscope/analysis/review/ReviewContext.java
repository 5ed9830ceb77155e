package io.iamscope.analysis.review;

import io.iamscope.access.AccessChecker;
import io.iamscope.analysis.Workspace;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.RequestContext;
import io.iamscope.graph.AccessGraph;
import io.iamscope.model.Organization;
import io.iamscope.model.Snapshot;
import io.iamscope.model.SnapshotIndex;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * What the checks of one review share: the workspace (index, catalog, engine, gatherer), the access graph for
 * the attacker's context, the options, and what several checks need, each computed once on first use (the
 * admin routes of every principal, the holders of every statement). Checks add notes (what they could not
 * cover) and warnings (problems with the inputs) here. Thread-safe.
 */
final class ReviewContext {
    private final Workspace workspace;
    private final RequestContext context;
    private final ReviewOptions options;
    private final AccessGraph graph;
    private final AccessChecker checker;
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Lazy<AdminReach> adminReach;
    private final Lazy<PolicyOwners> owners;

    ReviewContext(Workspace workspace, RequestContext context, ReviewOptions options) {
        this.workspace = workspace;
        this.context = context;
        this.options = options;
        this.graph = workspace.graph(context);
        this.checker = workspace.checker(context);
        this.adminReach = new Lazy<>(() -> AdminReach.of(graph, options.limits()));
        this.owners = new Lazy<>(() -> new PolicyOwners(snapshot()));
    }

    Workspace workspace() {
        return workspace;
    }

    SnapshotIndex index() {
        return workspace.index();
    }

    Snapshot snapshot() {
        return workspace.index().snapshot();
    }

    /** The organization, or null when none was given. */
    Organization organization() {
        return snapshot().organization();
    }

    Catalog catalog() {
        return workspace.catalog();
    }

    RequestContext context() {
        return context;
    }

    ReviewOptions options() {
        return options;
    }

    AccessGraph graph() {
        return graph;
    }

    /** Engine checks in the attacker's context (one checker for the review: its caches are shared). */
    AccessChecker checker() {
        return checker;
    }

    AdminReach adminReach() {
        return adminReach.get();
    }

    PolicyOwners owners() {
        return owners.get();
    }

    void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    void warn(String warning) {
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Whether an account is inside the organization; null when no organization was given. */
    Boolean inOrganization(String account) {
        Organization org = organization();
        if (org == null) {
            return null;
        }
        return org.levels(account) != null;
    }

    /** A value computed once, by the first thread that needs it. */
    private static final class Lazy<T> {
        private final Supplier<T> make;
        private volatile T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = make.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
