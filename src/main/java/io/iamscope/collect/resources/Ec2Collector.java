package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Paging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;

/**
 * EC2 instances with their instance profiles: whoever can run code on an instance acts as its role. An
 * instance has no resource policy, so {@code policy} is null.
 */
final class Ec2Collector implements ResourceCollector {

    @Override
    public String service() {
        return "ec2";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        Calls calls = t.calls();
        try (Ec2Client ec2 = t.clients().ec2(t.region())) {
            List<Reservation> reservations = Paging.all(calls, AwsOperation.EC2_DESCRIBE_INSTANCES, t.region(), null,
                    token -> {
                        DescribeInstancesResponse r = ec2.describeInstances(b -> b.nextToken(token));
                        return Paging.Page.of(r.reservations(), r.nextToken());
                    });
            int count = 0;
            for (Reservation res : reservations) {
                String owner = res.ownerId() != null ? res.ownerId() : t.accountId();
                for (Instance i : res.instances()) {
                    String arn = "arn:" + t.partition() + ":ec2:" + t.region() + ":" + owner + ":instance/"
                            + i.instanceId();
                    ObjectNode record = Resources.record(arn, "AWS::EC2::Instance", t.region(), null);
                    if (i.iamInstanceProfile() != null && i.iamInstanceProfile().arn() != null) {
                        record.put("instanceProfileArn", i.iamInstanceProfile().arn());
                    }
                    // DescribeInstances returns an instance's tags: none listed is none (an empty object), which
                    // readers tell apart from tags left out (unknown).
                    Map<String, String> tags = new LinkedHashMap<>();
                    i.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
                    Resources.tags(record, tags);
                    if (i.state() != null) {
                        Resources.properties(record).put("State", i.state().nameAsString());
                    }
                    out.add(record);
                    count++;
                }
            }
            return count;
        }
    }
}
