package io.iamscope.collect;

import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Gaps;
import io.iamscope.collect.call.AwsClients;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Collects member accounts of an organization through a role assumed in each, several accounts at a time.
 * An account whose role cannot be assumed is written with only its gap: unknown, not empty.
 */
final class MemberCollector {
    private static final String SESSION_NAME = "iamscope-collect";

    private final AwsClients clients;
    private final CollectOptions options;
    private final Progress progress;
    private final String partition;
    private final List<String> regions;
    /** Where finished accounts are kept and read back from, or null. */
    private final PartialCollection kept;

    MemberCollector(AwsClients clients, CollectOptions options, Progress progress, String partition,
            List<String> regions, PartialCollection kept) {
        this.kept = kept;
        this.clients = clients;
        this.options = options;
        this.progress = progress;
        this.partition = partition;
        this.regions = regions;
    }

    /** Each member's snapshot entry, in the order given; each kept as soon as it is finished. */
    List<ObjectNode> collectAll(List<String> accountIds) {
        List<Callable<ObjectNode>> tasks = new ArrayList<>();
        for (String id : accountIds) {
            tasks.add(() -> {
                ObjectNode done = kept == null ? null : kept.account(id);
                if (done != null) {
                    progress.report(id + ": kept from the interrupted run");
                    return done;
                }
                ObjectNode account = collect(id);
                if (kept != null) {
                    kept.save(account);
                }
                return account;
            });
        }
        return tasks.isEmpty() ? List.of() : Collector.inParallel(tasks, options.parallelism());
    }

    private ObjectNode collect(String accountId) {
        Gaps gaps = new Gaps();
        Calls calls = new Calls(gaps);
        String roleArn = "arn:" + partition + ":iam::" + accountId + ":role/" + options.assumeRoleName();
        try (StsClient sts = clients.sts(options.region());
                StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                        .stsClient(sts)
                        .refreshRequest(r -> r.roleArn(roleArn).roleSessionName(SESSION_NAME))
                        .asyncCredentialUpdateEnabled(false)
                        .build()) {
            // Assume once up front: a role that cannot be assumed is one gap, not one per call.
            if (calls.fetch(AwsOperation.STS_ASSUME_ROLE, options.region(), roleArn, assumed::resolveCredentials)
                    .failed()) {
                progress.report(accountId + ": cannot assume `" + roleArn + "`");
                ObjectNode account = JsonNodeFactory.instance.objectNode();
                account.put("accountId", accountId);
                account.set("gaps", AccountCollector.gapsJson(gaps.list()));
                return account;
            }
            return new AccountCollector(clients.withCredentials(assumed), progress)
                    .collect(accountId, partition, options.region(), regions, gaps);
        }
    }
}
