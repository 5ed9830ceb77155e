package io.iamscope.collect;

import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Gaps;
import io.iamscope.collect.call.AwsClients;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.collect.iam.IamCollector;
import io.iamscope.collect.resources.ResourceCollector;
import io.iamscope.collect.resources.S3Collector;
import io.iamscope.collect.resources.Target;
import io.iamscope.model.Gap;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;

/** Collects one account: IAM, then S3 (global listing), then every regional service in every region. */
final class AccountCollector {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final AwsClients clients;
    private final Progress progress;

    AccountCollector(AwsClients clients, Progress progress) {
        this.clients = clients;
        this.progress = progress;
    }

    /**
     * The account's snapshot entry. {@code gaps} may already hold failures recorded for this account (such
     * as the organization's); they are written with the rest.
     */
    ObjectNode collect(String accountId, String partition, String homeRegion, List<String> regions, Gaps gaps) {
        Calls calls = new Calls(gaps);
        ObjectNode account = NODES.objectNode();
        account.put("accountId", accountId);
        try (IamClient iamClient = clients.iam(homeRegion)) {
            IamCollector iam = new IamCollector(iamClient, calls);
            String alias = iam.alias();
            if (alias != null) {
                account.put("alias", alias);
            }
            ObjectNode details = iam.authorizationDetails();
            account.set("authorizationDetails", details);
            progress.report(accountId + " iam: " + details.get("UserDetailList").size() + " users, "
                    + details.get("RoleDetailList").size() + " roles, " + details.get("GroupDetailList").size()
                    + " groups, " + details.get("Policies").size() + " managed policies");
            ArrayNode keys = iam.accessKeys();
            account.set("accessKeys", keys);
            account.set("identityProviders", iam.identityProviders());
            progress.report(accountId + " iam: " + keys.size() + " access keys");
        }
        ArrayNode resources = account.putArray("resources");
        int buckets = new S3Collector().collect(new Target(clients, calls, accountId, partition, homeRegion),
                resources);
        progress.report(accountId + " s3: " + buckets + " buckets");
        for (String region : regions) {
            Target target = new Target(clients, calls, accountId, partition, region);
            for (ResourceCollector c : ResourceCollector.regional()) {
                int n = c.collect(target, resources);
                progress.report(accountId + " " + region + " " + c.service() + ": " + n);
            }
        }
        account.set("gaps", gapsJson(gaps.list()));
        return account;
    }

    /** The gaps of an account as the snapshot writes them. */
    static ArrayNode gapsJson(List<Gap> gaps) {
        ArrayNode out = NODES.arrayNode();
        for (Gap g : gaps) {
            ObjectNode n = out.addObject();
            n.put("service", g.service());
            n.put("operation", g.operation());
            n.put("region", g.region());
            n.put("resource", g.resource());
            n.put("errorCode", g.errorCode());
            n.put("message", g.message());
        }
        return out;
    }
}
