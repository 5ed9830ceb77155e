package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Paging;
import io.iamscope.collect.call.SdkJson;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;

/**
 * S3 buckets with their bucket policies, public-access blocks and tags. The bucket list is global; each bucket's
 * details are read in its own region (from {@code GetBucketLocation}), as S3 requires. A bucket's tags are
 * {@code GetBucketTagging}'s tag set: the error {@code NoSuchTagSet} is how S3 says a bucket has none (S3 API
 * Reference, GetBucketTagging), so it is recorded as {@code {}}; any other failure is a gap and leaves the
 * {@code tags} field out (unknown).
 */
public final class S3Collector {

    /** Collects every bucket the home-region listing returns and returns how many. */
    public int collect(Target home, ArrayNode out) {
        Calls calls = home.calls();
        Map<String, S3Client> byRegion = new HashMap<>();
        try {
            S3Client homeClient = byRegion.computeIfAbsent(home.region(), r -> home.clients().s3(r));
            List<Bucket> buckets = Paging.all(calls, AwsOperation.S3_LIST_BUCKETS, home.region(), null, token -> {
                ListBucketsResponse r = homeClient.listBuckets(b -> b.continuationToken(token));
                return Paging.Page.of(r.buckets(), r.continuationToken());
            });
            for (Bucket bucket : buckets) {
                String arn = "arn:" + home.partition() + ":s3:::" + bucket.name();
                GetBucketLocationResponse loc = calls.get(AwsOperation.S3_GET_BUCKET_LOCATION, home.region(), arn,
                        () -> homeClient.getBucketLocation(b -> b.bucket(bucket.name())));
                String region = loc == null ? home.region() : regionOf(loc.locationConstraintAsString());
                S3Client client = byRegion.computeIfAbsent(region, r -> home.clients().s3(r));
                out.add(bucket(calls, client, arn, bucket.name(), region));
            }
            return buckets.size();
        } finally {
            byRegion.values().forEach(S3Client::close);
        }
    }

    private static ObjectNode bucket(Calls calls, S3Client s3, String arn, String name, String region) {
        Calls.Fetched<GetBucketPolicyResponse> policy = calls.fetch(AwsOperation.S3_GET_BUCKET_POLICY, region, arn,
                Set.of("NoSuchBucketPolicy"), () -> s3.getBucketPolicy(b -> b.bucket(name)));
        ObjectNode record = policy.failed() ? Resources.recordWithoutPolicy(arn, "AWS::S3::Bucket", region)
                : Resources.record(arn, "AWS::S3::Bucket", region,
                        policy.value() == null ? null : policy.value().policy());
        Calls.Fetched<GetPublicAccessBlockResponse> block = calls.fetch(AwsOperation.S3_GET_PUBLIC_ACCESS_BLOCK,
                region, arn, Set.of("NoSuchPublicAccessBlockConfiguration"),
                () -> s3.getPublicAccessBlock(b -> b.bucket(name)));
        if (block.value() != null && block.value().publicAccessBlockConfiguration() != null) {
            Resources.properties(record).set("PublicAccessBlock",
                    SdkJson.toJson(block.value().publicAccessBlockConfiguration()));
        }
        Calls.Fetched<GetBucketTaggingResponse> tagging = calls.fetch(AwsOperation.S3_GET_BUCKET_TAGGING, region,
                arn, Set.of("NoSuchTagSet"), () -> s3.getBucketTagging(b -> b.bucket(name)));
        if (!tagging.failed()) {
            Map<String, String> tags = new LinkedHashMap<>();
            if (tagging.value() != null) {
                tagging.value().tagSet().forEach(tag -> tags.put(tag.key(), tag.value()));
            }
            Resources.tags(record, tags);
        }
        return record;
    }

    /** GetBucketLocation answers empty for us-east-1 and {@code EU} for the oldest eu-west-1 buckets. */
    static String regionOf(String constraint) {
        if (constraint == null || constraint.isEmpty()) {
            return "us-east-1";
        }
        return "EU".equals(constraint) ? "eu-west-1" : constraint;
    }
}
