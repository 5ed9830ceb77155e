package io.iamscope.analysis;

import io.iamscope.model.Account;
import io.iamscope.model.Gap;
import io.iamscope.model.Snapshot;
import io.iamscope.policy.Arn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which of a snapshot's collection gaps could change an answer. A gap means unknown, never none
 * (docs/collect.md, "Gaps"): an answer that one of these could change is incomplete, and says so with the gaps.
 * A gap is left out only when what it hides cannot matter to the question: the bookkeeping of access keys and
 * aliases, or the policy, tags or listing of a data store that is not the resource asked about.
 */
public record GapsInPlay(Snapshot snapshot) {
    /** Calls whose answers say nothing of who may do what. */
    private static final Set<String> BOOKKEEPING = Set.of("ListAccessKeys", "GetAccessKeyLastUsed",
            "ListAccountAliases");
    /**
     * Services collected only as resources with policies and tags: nothing of theirs holds a role, so a gap of
     * theirs can change an answer only about their own resources.
     */
    private static final Set<String> DATA_STORES = Set.of("s3", "kms", "sqs", "sns", "secretsmanager", "ecr");

    /** The gaps that could change who may perform {@code action} on {@code resource}, in the snapshot's order. */
    public List<Gap> forRequest(String action, String resource) {
        List<Gap> out = new ArrayList<>();
        String service = "*".equals(resource) ? null : Arn.serviceOf(resource);
        for (Account a : snapshot.accounts()) {
            for (Gap g : a.gaps()) {
                if (BOOKKEEPING.contains(g.operation())) {
                    continue;
                }
                if (DATA_STORES.contains(g.service()) && !about(g, a, service, resource)) {
                    continue;
                }
                out.add(g);
            }
        }
        return List.copyOf(out);
    }

    /** The gaps that could change an answer about everything a principal reaches (blast radius, paths, review). */
    public List<Gap> forAnyAnswer() {
        List<Gap> out = new ArrayList<>();
        for (Account a : snapshot.accounts()) {
            a.gaps().stream().filter(g -> !BOOKKEEPING.contains(g.operation())).forEach(out::add);
        }
        return List.copyOf(out);
    }

    /** Whether a data store's gap is about the resource asked: that resource, or its service's listing. */
    private static boolean about(Gap g, Account a, String service, String resource) {
        if (g.resource() != null) {
            return resource.equals(g.resource()) || resource.startsWith(g.resource() + "/");
        }
        // S3 bucket ARNs name no account: a listing gap of any account may hide the bucket.
        String account = Arn.accountOf(resource);
        return g.service().equals(service) && (account == null || a.accountId().equals(account));
    }
}
