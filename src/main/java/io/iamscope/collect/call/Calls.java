package io.iamscope.collect.call;

import io.iamscope.aws.AwsFailure;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Makes one AWS call on behalf of a collector: a failure becomes a {@link io.iamscope.model.Gap} and collection goes on.
 * Throttling never reaches here: the SDK clients retry it with the adaptive strategy first.
 */
public final class Calls {
    private final Gaps gaps;

    /** Calls that record their failures into {@code gaps}. */
    public Calls(Gaps gaps) {
        this.gaps = gaps;
    }

    /** The gaps recorded so far. */
    public Gaps gaps() {
        return gaps;
    }

    /**
     * The outcome of one call.
     *
     * @param value  the response, or null when the call failed or the thing is absent
     * @param failed true when the call failed and a gap was recorded
     */
    public record Fetched<T>(T value, boolean failed) {
        /** True when the call answered that the thing does not exist (no policy, for instance). */
        public boolean absent() {
            return value == null && !failed;
        }
    }

    /** Runs {@code call}; on failure records a gap and returns a failed result. */
    public <T> Fetched<T> fetch(AwsOperation op, String region, String resource, Supplier<T> call) {
        return fetch(op, region, resource, Set.of(), call);
    }

    /**
     * Runs {@code call}; an error whose code is in {@code absentCodes} means "there is none" (such as
     * {@code NoSuchBucketPolicy}) and is not a gap.
     */
    public <T> Fetched<T> fetch(AwsOperation op, String region, String resource, Set<String> absentCodes,
            Supplier<T> call) {
        try {
            return new Fetched<>(call.get(), false);
        } catch (SdkException e) {
            AwsFailure f = AwsFailure.of(e);
            if (absentCodes.contains(f.code())) {
                return new Fetched<>(null, false);
            }
            gaps.add(op, region, resource, f.code(), f.message());
            return new Fetched<>(null, true);
        }
    }

    /** Like {@link #fetch(AwsOperation, String, String, Supplier)} but returns the value or null. */
    public <T> T get(AwsOperation op, String region, String resource, Supplier<T> call) {
        return fetch(op, region, resource, call).value();
    }
}
