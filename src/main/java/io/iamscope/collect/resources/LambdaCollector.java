package io.iamscope.collect.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Paging;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetPolicyResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ListTagsResponse;

/**
 * Lambda functions with their resource policies, execution roles and tags (ListTags, once per function:
 * ListFunctions returns no tags; a failure leaves the field out: unknown).
 */
final class LambdaCollector implements ResourceCollector {
    private static final String TYPE = "AWS::Lambda::Function";

    @Override
    public String service() {
        return "lambda";
    }

    @Override
    public int collect(Target t, ArrayNode out) {
        Calls calls = t.calls();
        try (LambdaClient lambda = t.clients().lambda(t.region())) {
            List<FunctionConfiguration> functions = Paging.all(calls, AwsOperation.LAMBDA_LIST_FUNCTIONS, t.region(),
                    null, marker -> {
                        ListFunctionsResponse r = lambda.listFunctions(b -> b.marker(marker));
                        return Paging.Page.of(r.functions(), r.nextMarker());
                    });
            for (FunctionConfiguration f : functions) {
                // A function without a policy answers ResourceNotFoundException: that means none, not a gap.
                Calls.Fetched<GetPolicyResponse> policy = calls.fetch(AwsOperation.LAMBDA_GET_POLICY, t.region(),
                        f.functionArn(), Set.of("ResourceNotFoundException"),
                        () -> lambda.getPolicy(b -> b.functionName(f.functionArn())));
                ObjectNode record = policy.failed() ? Resources.recordWithoutPolicy(f.functionArn(), TYPE, t.region())
                        : Resources.record(f.functionArn(), TYPE, t.region(),
                                policy.value() == null ? null : policy.value().policy());
                if (f.role() != null) {
                    record.put("roleArn", f.role());
                }
                // Container-image functions take no layers (lambda-update-function-configuration-layer).
                if (f.packageTypeAsString() != null) {
                    Resources.properties(record).put("PackageType", f.packageTypeAsString());
                }
                ListTagsResponse tags = calls.get(AwsOperation.LAMBDA_LIST_TAGS, t.region(), f.functionArn(),
                        () -> lambda.listTags(b -> b.resource(f.functionArn())));
                if (tags != null) {
                    Resources.tags(record, tags.tags());
                }
                out.add(record);
            }
            return functions.size();
        }
    }
}
