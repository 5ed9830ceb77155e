package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Paging;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS queues with their queue policies and tags (ListQueueTags, once per queue: GetQueueAttributes returns no
 * tags; a failure leaves the field out: unknown).
 */
final class SqsCollector implements ResourceCollector {

    @Override
    public String service() {
        return "sqs";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        Calls calls = t.calls();
        try (SqsClient sqs = t.clients().sqs(t.region())) {
            List<String> urls = Paging.all(calls, AwsOperation.SQS_LIST_QUEUES, t.region(), null, token -> {
                ListQueuesResponse r = sqs.listQueues(b -> b.nextToken(token));
                return Paging.Page.of(r.queueUrls(), r.nextToken());
            });
            for (String url : urls) {
                String fallbackArn = arnOf(t, url);
                Calls.Fetched<GetQueueAttributesResponse> attrs = calls.fetch(AwsOperation.SQS_GET_QUEUE_ATTRIBUTES,
                        t.region(), fallbackArn, () -> sqs.getQueueAttributes(b -> b.queueUrl(url)
                                .attributeNames(QueueAttributeName.POLICY, QueueAttributeName.QUEUE_ARN)));
                ObjectNode record;
                if (attrs.failed()) {
                    record = Resources.recordWithoutPolicy(fallbackArn, "AWS::SQS::Queue", t.region());
                } else {
                    Map<String, String> a = attrs.value().attributesAsStrings();
                    record = Resources.record(a.getOrDefault("QueueArn", fallbackArn), "AWS::SQS::Queue",
                            t.region(), a.get("Policy"));
                }
                String arn = record.get("arn").asText();
                ListQueueTagsResponse tags = calls.get(AwsOperation.SQS_LIST_QUEUE_TAGS, t.region(), arn,
                        () -> sqs.listQueueTags(b -> b.queueUrl(url)));
                if (tags != null) {
                    Resources.tags(record, tags.tags());
                }
                out.add(record);
            }
            return urls.size();
        }
    }

    /** A queue URL ends in {@code /ACCOUNT/NAME}. */
    private static String arnOf(Target t, String url) {
        String[] parts = url.split("/");
        String name = parts[parts.length - 1];
        String account = parts.length >= 2 ? parts[parts.length - 2] : t.accountId();
        return "arn:" + t.partition() + ":sqs:" + t.region() + ":" + account + ":" + name;
    }
}
