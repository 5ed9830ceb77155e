package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Paging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * SNS topics with their topic policies and tags (ListTagsForResource, once per topic: GetTopicAttributes returns
 * no tags; a failure leaves the field out: unknown).
 */
final class SnsCollector implements ResourceCollector {

    @Override
    public String service() {
        return "sns";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        Calls calls = t.calls();
        try (SnsClient sns = t.clients().sns(t.region())) {
            List<Topic> topics = Paging.all(calls, AwsOperation.SNS_LIST_TOPICS, t.region(), null, token -> {
                ListTopicsResponse r = sns.listTopics(b -> b.nextToken(token));
                return Paging.Page.of(r.topics(), r.nextToken());
            });
            for (Topic topic : topics) {
                Calls.Fetched<GetTopicAttributesResponse> attrs = calls.fetch(AwsOperation.SNS_GET_TOPIC_ATTRIBUTES,
                        t.region(), topic.topicArn(), () -> sns.getTopicAttributes(b -> b.topicArn(topic.topicArn())));
                ObjectNode record = attrs.failed()
                        ? Resources.recordWithoutPolicy(topic.topicArn(), "AWS::SNS::Topic", t.region())
                        : Resources.record(topic.topicArn(), "AWS::SNS::Topic", t.region(),
                                attrs.value().attributes().get("Policy"));
                ListTagsForResourceResponse tags = calls.get(AwsOperation.SNS_LIST_TAGS_FOR_RESOURCE, t.region(),
                        topic.topicArn(), () -> sns.listTagsForResource(b -> b.resourceArn(topic.topicArn())));
                if (tags != null) {
                    Map<String, String> byKey = new LinkedHashMap<>();
                    tags.tags().forEach(tag -> byKey.put(tag.key(), tag.value()));
                    Resources.tags(record, byKey);
                }
                out.add(record);
            }
            return topics.size();
        }
    }
}
