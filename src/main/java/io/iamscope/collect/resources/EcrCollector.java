package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.iamscope.collect.AwsOperation;
import io.iamscope.collect.Calls;
import io.iamscope.collect.Paging;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.Repository;

/** ECR repositories with their repository policies. */
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
                out.add(policy.failed() ? Resources.recordWithoutPolicy(repo.repositoryArn(), TYPE, t.region())
                        : Resources.record(repo.repositoryArn(), TYPE, t.region(),
                                policy.value() == null ? null : policy.value().policyText()));
            }
            return repos.size();
        }
    }
}
