package io.iamscope.analysis.trail;

import io.iamscope.model.trail.IssuedCredential;
import io.iamscope.model.trail.TrailEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What every credential of the logs did, summed up as the records stream by: the logs are not in time order
 * across files, and which credentials are the attacker's is known only once every credential they handed out is
 * known. So memory grows with the credentials and the distinct actions and resources each used, not with the
 * records. Thread-safe: the reader calls it from several threads.
 */
public final class CredentialLedger implements Consumer<TrailEvent> {
    /** A resource a call named, and when. */
    record TimedResource(Instant time, String arn) implements Comparable<TimedResource> {
        @Override
        public int compareTo(TimedResource o) {
            int c = time.compareTo(o.time);
            return c != 0 ? c : arn.compareTo(o.arn);
        }
    }

    /** Resources kept per action that succeeded, to check against the snapshot. */
    static final int SUCCEEDED_ON_KEPT = 3;
    /** Distinct resources kept per credential; beyond, counted. */
    static final int RESOURCES_KEPT = 1000;
    /** Changes (persistence, evasion) kept per credential. */
    static final int CHANGES_KEPT = 500;
    private static final int SMALL_SET = 20;

    private final Map<String, Activity> byKey = new ConcurrentHashMap<>();

    @Override
    public void accept(TrailEvent e) {
        byKey.computeIfAbsent(e.identity().credentialKey(), k -> new Activity()).add(e);
    }

    Activity activity(String credentialKey) {
        return byKey.get(credentialKey);
    }

    /** The credentials a principal's calls were signed with. */
    List<String> keysOf(String principalArn) {
        List<String> out = new ArrayList<>();
        byKey.forEach((k, a) -> {
            if (principalArn.equals(a.principalArn)) {
                out.add(k);
            }
        });
        out.sort(null);
        return out;
    }

    /** The credentials whose calls were signed as this identity: one role session's ARN. */
    List<String> keysOfIdentity(String identityArn) {
        List<String> out = new ArrayList<>();
        byKey.forEach((k, a) -> {
            if (identityArn.equals(a.identityArn)) {
                out.add(k);
            }
        });
        out.sort(null);
        return out;
    }

    /** The credentials whose activity passes the test, sorted. */
    List<String> keysWhere(java.util.function.Predicate<Activity> test) {
        List<String> out = new ArrayList<>();
        byKey.forEach((k, a) -> {
            if (test.test(a)) {
                out.add(k);
            }
        });
        out.sort(null);
        return out;
    }

    /** A credential handed out by one of a credential's calls. */
    record Issuance(Instant time, String event, IssuedCredential credential) {
    }

    /** One credential's calls, summed up. */
    static final class Activity {
        String identityArn;
        String principalArn;
        String type;
        /** Signed in an AWS Management Console session (or a sign-in itself). */
        boolean console;
        Instant first;
        Instant last;
        // Sorted: files are read on several threads, and the report must not vary with their order.
        final Set<String> sourceIps = new TreeSet<>();
        final Set<String> regions = new TreeSet<>();
        final Set<String> userAgents = new TreeSet<>();
        /** action to {succeeded, denied, failed otherwise}. */
        final Map<String, long[]> actions = new HashMap<>();
        /** action to its first and last call. */
        final Map<String, Instant[]> actionTimes = new HashMap<>();
        final Map<String, long[]> resources = new HashMap<>();
        long resourcesDropped;
        /** action to a resource it was denied on. */
        final Map<String, String> deniedOn = new HashMap<>();
        /** action to the earliest few successful calls' resources, for checking them against the snapshot. */
        final Map<String, TreeSet<TimedResource>> succeededOn = new HashMap<>();
        /** action to the earliest successful call whose record names no resource. */
        final Map<String, Instant> succeededWithoutResource = new HashMap<>();
        final List<TrailEvent> changes = new ArrayList<>();
        final List<Issuance> issued = new ArrayList<>();
        final Set<String> created = new LinkedHashSet<>();

        synchronized void add(TrailEvent e) {
            if (identityArn == null) {
                identityArn = e.identity().arn();
                principalArn = e.identity().principalArn();
                type = e.identity().type();
            }
            console |= e.identity().console();
            first = first == null || e.time().isBefore(first) ? e.time() : first;
            last = last == null || e.time().isAfter(last) ? e.time() : last;
            addSmall(sourceIps, e.sourceIp());
            addSmall(regions, e.region());
            addSmall(userAgents, e.userAgent());
            long[] c = actions.computeIfAbsent(e.action(), a -> new long[3]);
            c[!e.failed() ? 0 : e.denied() ? 1 : 2]++;
            Instant[] when = actionTimes.computeIfAbsent(e.action(), x -> new Instant[] {e.time(), e.time()});
            when[0] = e.time().isBefore(when[0]) ? e.time() : when[0];
            when[1] = e.time().isAfter(when[1]) ? e.time() : when[1];
            if (e.denied() && !e.resources().isEmpty()) {
                // The least, not the first: files are read on several threads, and the report must not vary.
                deniedOn.merge(e.action(), e.resources().get(0), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
            if (!e.failed()) {
                if (e.resources().isEmpty()) {
                    succeededWithoutResource.merge(e.action(), e.time(), (a, b) -> a.isBefore(b) ? a : b);
                } else {
                    // The earliest few by time then name: the report must not vary with the order files are read in.
                    TreeSet<TimedResource> on = succeededOn.computeIfAbsent(e.action(), a -> new TreeSet<>());
                    on.add(new TimedResource(e.time(), e.resources().get(0)));
                    if (on.size() > SUCCEEDED_ON_KEPT) {
                        on.pollLast();
                    }
                }
                for (String r : e.resources()) {
                    long[] n = resources.get(r);
                    if (n == null && resources.size() >= RESOURCES_KEPT) {
                        resourcesDropped++;
                    } else {
                        resources.computeIfAbsent(r, x -> new long[1])[0]++;
                    }
                }
            }
            if (ChangeKind.of(e.name()) != null && changes.size() < CHANGES_KEPT) {
                changes.add(e);
            }
            for (IssuedCredential handedOut : e.issued()) {
                issued.add(new Issuance(e.time(), e.name(), handedOut));
            }
            if (!e.failed() && (e.name().equals("CreateUser") || e.name().equals("CreateRole"))) {
                String name = e.request().get(e.name().equals("CreateUser") ? "userName" : "roleName");
                if (name != null) {
                    created.add(name);
                }
            }
        }

        private static void addSmall(Set<String> set, String value) {
            if (value != null && set.size() < SMALL_SET) {
                set.add(value);
            }
        }
    }
}
