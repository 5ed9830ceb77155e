package io.iamscope.eval;

/**
 * A fixed list of resource ARNs that a {@link BatchAuthorizer} classifies ({@link
 * BatchAuthorizer#resourceClasses}); an engine may index its own implementation for speed.
 */
public interface ResourceList {
    int size();

    String get(int position);

    /** Whether the ARN is listed (as written). */
    boolean contains(String arn);
}
