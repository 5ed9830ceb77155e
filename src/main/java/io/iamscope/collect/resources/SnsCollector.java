package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.iamscope.collect.AwsOperation;
import io.iamscope.collect.Calls;
import io.iamscope.collect.Paging;
import java.util.List;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.Topic;

/** SNS topics with their topic policies. */
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
                out.add(attrs.failed() ? Resources.recordWithoutPolicy(topic.topicArn(), "AWS::SNS::Topic", t.region())
                        : Resources.record(topic.topicArn(), "AWS::SNS::Topic", t.region(),
                                attrs.value().attributes().get("Policy")));
            }
            return topics.size();
        }
    }
}
