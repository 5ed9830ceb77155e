package io.iamscope.analysis.verify;

import io.iamscope.catalog.Action;
import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.access.Gatherer;
import io.iamscope.model.Account;
import io.iamscope.model.PrincipalRef;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.User;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws requests worth checking from a snapshot: a user or role, one of the actions its own policies name
 * (patterns expanded through the catalog, so the sample stays where the policies say something), and a
 * resource of the snapshot that action applies to ({@code *} when none does). Seeded, so a disagreement can
 * be reproduced.
 */
public final class RequestSampler {
    private final SnapshotIndex index;
    private final Catalog catalog;
    private final Gatherer gatherer;

    public RequestSampler(SnapshotIndex index, Catalog catalog) {
        this.index = index;
        this.catalog = catalog;
        this.gatherer = new Gatherer(index);
    }

    public List<SampledRequest> sample(int count, long seed) {
        Random random = new Random(seed);
        List<PrincipalRef> principals = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        for (Account a : index.snapshot().accounts()) {
            for (User u : a.users()) {
                principals.add(new PrincipalRef(PrincipalRef.Kind.USER, u, a.accountId(), null, "sample"));
            }
            for (Role r : a.roles()) {
                principals.add(new PrincipalRef(PrincipalRef.Kind.ROLE, r, a.accountId(), null, "sample"));
            }
            resources.addAll(a.resources());
        }
        List<SampledRequest> out = new ArrayList<>();
        if (principals.isEmpty()) {
            return out;
        }
        for (int attempts = 0; out.size() < count && attempts < count * 20; attempts++) {
            PrincipalRef who = principals.get(random.nextInt(principals.size()));
            List<String> patterns = actionPatterns(who);
            if (patterns.isEmpty()) {
                continue;
            }
            ActionSet actions = catalog.expand(patterns.get(random.nextInt(patterns.size())));
            if (actions.isEmpty()) {
                continue;
            }
            Action action = catalog.action(nth(actions, random.nextInt(actions.size())));
            List<String> fits = new ArrayList<>();
            for (Resource r : resources) {
                if (catalog.appliesTo(action, r.arn())) {
                    fits.add(r.arn());
                }
            }
            String resource = fits.isEmpty() ? "*" : fits.get(random.nextInt(fits.size()));
            out.add(new SampledRequest(who, action.fullName(), resource));
        }
        return out;
    }

    /** The Action patterns of the principal's own identity policies (NotAction leaves no usable pattern). */
    private List<String> actionPatterns(PrincipalRef who) {
        List<String> out = new ArrayList<>();
        for (AttachedPolicy p : gatherer.gather(who, "sts:GetCallerIdentity", "*", null).policies().identity()) {
            for (Statement s : p.document().statements()) {
                if (!s.action().negated()) {
                    out.addAll(s.action().patterns());
                }
            }
        }
        return out;
    }

    private static int nth(ActionSet set, int n) {
        int id = set.nextId(0);
        for (int i = 0; i < n; i++) {
            id = set.nextId(id + 1);
        }
        return id;
    }
}
