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
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecr.model.Repository;

/**
 * ECR repositories with their repository policies and tags (ListTagsForResource, once per repository:
 * DescribeRepositories returns no tags; a failure leaves the field out: unknown).
 */
final class EcrCollector implements ResourceCollector {
    private static final String TYPE = "AWS::ECR::Repository";

    @Override
    public String service() {
        return "ecr";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        Calls calls = t.calls();
        try (EcrClient ecr = t.clients().ecr(t.region())) {
            List<Repository> repos = Paging.all(calls, AwsOperation.ECR_DESCRIBE_REPOSITORIES, t.region(), null,
                    token -> {
                        DescribeRepositoriesResponse r = ecr.describeRepositories(b -> b.nextToken(token));
                        return Paging.Page.of(r.repositories(), r.nextToken());
                    });
            for (Repository repo : repos) {
                // A repository without a policy answers RepositoryPolicyNotFoundException: none, not a gap.
                Calls.Fetched<GetRepositoryPolicyResponse> policy = calls.fetch(AwsOperation.ECR_GET_REPOSITORY_POLICY,
                        t.region(), repo.repositoryArn(), Set.of("RepositoryPolicyNotFoundException"),
                        () -> ecr.getRepositoryPolicy(b -> b.repositoryName(repo.repositoryName())
                                .registryId(repo.registryId())));
                ObjectNode record = policy.failed()
                        ? Resources.recordWithoutPolicy(repo.repositoryArn(), TYPE, t.region())
                        : Resources.record(repo.repositoryArn(), TYPE, t.region(),
                                policy.value() == null ? null : policy.value().policyText());
                ListTagsForResourceResponse tags = calls.get(AwsOperation.ECR_LIST_TAGS_FOR_RESOURCE, t.region(),
                        repo.repositoryArn(), () -> ecr.listTagsForResource(b -> b.resourceArn(repo.repositoryArn())));
                if (tags != null) {
                    Map<String, String> byKey = new LinkedHashMap<>();
                    tags.tags().forEach(tag -> byKey.put(tag.key(), tag.value()));
                    Resources.tags(record, byKey);
                }
                out.add(record);
            }
            return repos.size();
        }
    }
}
