package io.iamscope.aws;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * One debug line per AWS call, on the {@code iamscope.aws} logger (on with {@code --debug}): service, operation,
 * region, status, AWS's request id and how many attempts it took. The SDK's own {@code software.amazon.awssdk.request}
 * lines (on with it) add each attempt, each retry and how long it waits. Neither ever prints a header's value, a
 * body or a credential: only names, codes and ids.
 */
public final class CallLog implements ExecutionInterceptor {
    /** The logger's name, which {@code --debug} turns on. */
    public static final String LOGGER = "iamscope.aws";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final ExecutionAttribute<Integer> ATTEMPTS = new ExecutionAttribute<>("iamscope.attempts");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(ATTEMPTS, 0);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Integer n = attributes.getAttribute(ATTEMPTS);
        attributes.putAttribute(ATTEMPTS, n == null ? 1 : n + 1);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (LOG.isDebugEnabled()) {
            SdkHttpResponse r = context.httpResponse();
            answered(service(attributes), attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    region(attributes), r.statusCode(), requestId(r), attempts(attributes));
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (LOG.isDebugEnabled()) {
            Throwable e = context.exception();
            String what = e instanceof SdkException s ? AwsFailure.of(s).code() : e.getClass().getSimpleName();
            String id = context.httpResponse().map(CallLog::requestId).orElse("none");
            LOG.debug("{} {} in {}: failed with {}, request id {}, {} attempt(s)", service(attributes),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), region(attributes), what, id,
                    attempts(attributes));
        }
    }

    /** The line for a call answered with {@code status}; also for the calls {@link AwsJsonApi} makes itself. */
    static void answered(String service, String operation, String region, int status, String requestId,
            int attempts) {
        LOG.debug("{} {} in {}: HTTP {}, request id {}, {} attempt(s)", service, operation, region, status,
                requestId, attempts);
    }

    /** The line for a retry {@link AwsJsonApi} waits for. */
    static void retrying(String service, String operation, String failure, long waitMillis) {
        LOG.debug("{} {}: {}, retrying in {} ms", service, operation, failure, waitMillis);
    }

    private static String service(ExecutionAttributes attributes) {
        return Optional.ofNullable(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)).orElse("?");
    }

    private static String region(ExecutionAttributes attributes) {
        Region r = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        return r == null ? "?" : r.id();
    }

    private static int attempts(ExecutionAttributes attributes) {
        Integer n = attributes.getAttribute(ATTEMPTS);
        return n == null ? 0 : n;
    }

    /** AWS's request id: {@code x-amzn-RequestId} (query and JSON protocols) or S3's {@code x-amz-request-id}. */
    static String requestId(SdkHttpResponse r) {
        return r.firstMatchingHeader("x-amzn-RequestId").or(() -> r.firstMatchingHeader("x-amz-request-id"))
                .orElse("none");
    }
}
