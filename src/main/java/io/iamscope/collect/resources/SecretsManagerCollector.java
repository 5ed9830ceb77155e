package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Paging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/** Secrets Manager secrets with their resource policies (the secret values are never read). */
final class SecretsManagerCollector implements ResourceCollector {
    private static final String TYPE = "AWS::SecretsManager::Secret";

    @Override
    public String service() {
        return "secretsmanager";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        Calls calls = t.calls();
        try (SecretsManagerClient sm = t.clients().secretsManager(t.region())) {
            List<SecretListEntry> secrets = Paging.all(calls, AwsOperation.SECRETSMANAGER_LIST_SECRETS, t.region(),
                    null, token -> {
                        ListSecretsResponse r = sm.listSecrets(b -> b.nextToken(token));
                        return Paging.Page.of(r.secretList(), r.nextToken());
                    });
            for (SecretListEntry s : secrets) {
                Calls.Fetched<GetResourcePolicyResponse> policy = calls.fetch(
                        AwsOperation.SECRETSMANAGER_GET_RESOURCE_POLICY, t.region(), s.arn(),
                        () -> sm.getResourcePolicy(b -> b.secretId(s.arn())));
                ObjectNode record = policy.failed() ? Resources.recordWithoutPolicy(s.arn(), TYPE, t.region())
                        : Resources.record(s.arn(), TYPE, t.region(), policy.value().resourcePolicy());
                // ListSecrets returns a secret's tags: none listed is none (an empty object), not unknown.
                Map<String, String> tags = new LinkedHashMap<>();
                s.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
                Resources.tags(record, tags);
                out.add(record);
            }
            return secrets.size();
        }
    }
}
