package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Paging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * KMS keys with their default key policy, {@code KeyManager} and tags. ListKeys and DescribeKey return no tags:
 * ListResourceTags does, once per key and paged by {@code NextMarker}/{@code Truncated}; a key's tags are
 * recorded only when every page was read, since a part would pass for the whole (a failure leaves the field
 * out: unknown).
 */
final class KmsCollector implements ResourceCollector {
    private static final String TYPE = "AWS::KMS::Key";

    @Override
    public String service() {
        return "kms";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        Calls calls = t.calls();
        try (KmsClient kms = t.clients().kms(t.region())) {
            List<KeyListEntry> keys = Paging.all(calls, AwsOperation.KMS_LIST_KEYS, t.region(), null, marker -> {
                ListKeysResponse r = kms.listKeys(b -> b.marker(marker));
                return new Paging.Page<>(r.keys(), r.nextMarker(), Boolean.TRUE.equals(r.truncated()));
            });
            for (KeyListEntry key : keys) {
                DescribeKeyResponse d = calls.get(AwsOperation.KMS_DESCRIBE_KEY, t.region(), key.keyArn(),
                        () -> kms.describeKey(b -> b.keyId(key.keyArn())));
                KeyMetadata meta = d == null ? null : d.keyMetadata();
                boolean awsManaged = meta != null && "AWS".equals(meta.keyManagerAsString());
                // AWS-managed keys often deny GetKeyPolicy to everyone but the service; their policies are
                // fixed by AWS, so a denial there is expected and not worth a gap.
                Calls.Fetched<GetKeyPolicyResponse> policy = calls.fetch(AwsOperation.KMS_GET_KEY_POLICY,
                        t.region(), key.keyArn(), awsManaged ? Set.of("AccessDeniedException") : Set.of(),
                        () -> kms.getKeyPolicy(b -> b.keyId(key.keyArn()).policyName("default")));
                ObjectNode record = policy.value() == null
                        ? Resources.recordWithoutPolicy(key.keyArn(), TYPE, t.region())
                        : Resources.record(key.keyArn(), TYPE, t.region(), policy.value().policy());
                if (meta != null) {
                    ObjectNode props = Resources.properties(record);
                    props.put("KeyManager", meta.keyManagerAsString());
                    props.put("KeyState", meta.keyStateAsString());
                }
                List<Tag> tags = Paging.complete(calls, AwsOperation.KMS_LIST_RESOURCE_TAGS, t.region(),
                        key.keyArn(), marker -> {
                            ListResourceTagsResponse r = kms.listResourceTags(b -> b.keyId(key.keyArn())
                                    .marker(marker));
                            return new Paging.Page<>(r.tags(), r.nextMarker(), Boolean.TRUE.equals(r.truncated()));
                        });
                if (tags != null) {
                    Map<String, String> byKey = new LinkedHashMap<>();
                    tags.forEach(tag -> byKey.put(tag.tagKey(), tag.tagValue()));
                    Resources.tags(record, byKey);
                }
                out.add(record);
            }
            return keys.size();
        }
    }
}
