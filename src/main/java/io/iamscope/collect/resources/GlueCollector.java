package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Paging;
import io.iamscope.collect.call.SdkJson;
import java.util.List;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GetJobsResponse;
import software.amazon.awssdk.services.glue.model.GetTagsResponse;
import software.amazon.awssdk.services.glue.model.Job;

/**
 * Glue jobs with their roles: whoever may update a job (and pass a role that trusts Glue) and start it runs a
 * script of theirs with that role ({@code glue-update-job}). A job's {@code Role} is "the name or Amazon Resource
 * Name (ARN) of the IAM role" (Glue API Reference, Job): a bare name is recorded as the ARN of that name in the
 * account. GetJobs returns no ARN nor tags: the ARN is {@code arn:PARTITION:glue:REGION:ACCOUNT:job/NAME} (Service
 * Authorization Reference, AWS Glue: resource type {@code job}) and GetTags, once per job, reads the tags; when it
 * fails, a gap and no {@code tags} field (unknown). Jobs have no resource-based policies ({@code policy} null).
 */
final class GlueCollector implements ResourceCollector {
    private static final String TYPE = "AWS::Glue::Job";
    /** GetJobs returns at most 1000 jobs per page (Glue API Reference, GetJobs: MaxResults). */
    private static final int PAGE = 1000;

    @Override
    public String service() {
        return "glue";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        Calls calls = t.calls();
        try (GlueClient glue = t.clients().glue(t.region())) {
            List<Job> jobs = Paging.all(calls, AwsOperation.GLUE_GET_JOBS, t.region(), null, token -> {
                GetJobsResponse r = glue.getJobs(b -> b.maxResults(PAGE).nextToken(token));
                return Paging.Page.of(r.jobs(), r.nextToken());
            });
            for (Job job : jobs) {
                String arn = "arn:" + t.partition() + ":glue:" + t.region() + ":" + t.accountId() + ":job/" + job.name();
                ObjectNode record = Resources.record(arn, TYPE, t.region(), null);
                if (job.role() != null && !job.role().isEmpty()) {
                    record.put("roleArn", job.role().startsWith("arn:") ? job.role()
                            : "arn:" + t.partition() + ":iam::" + t.accountId() + ":role/" + job.role());
                }
                GetTagsResponse tags = calls.get(AwsOperation.GLUE_GET_TAGS, t.region(), arn,
                        () -> glue.getTags(b -> b.resourceArn(arn)));
                if (tags != null) {
                    Resources.tags(record, tags.hasTags() ? tags.tags() : java.util.Map.of());
                }
                ObjectNode props = Resources.properties(record);
                props.put("Name", job.name());
                if (job.glueVersion() != null) {
                    props.put("GlueVersion", job.glueVersion());
                }
                if (job.command() != null) {
                    props.set("Command", SdkJson.toJson(job.command()));
                }
                out.add(record);
            }
            return jobs.size();
        }
    }
}
