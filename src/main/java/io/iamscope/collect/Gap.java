package io.iamscope.collect;

/**
 * One API call that failed during collection. A gap means "unknown", never "none".
 *
 * @param service   the IAM service prefix ({@code s3})
 * @param operation the API operation ({@code GetBucketPolicy})
 * @param region    the region of the call, or null for global calls
 * @param resource  the ARN or name the call was about, or null
 * @param errorCode AWS's error code ({@code AccessDenied}) or one of ours ({@code TRUNCATED_PAGE})
 * @param message   the error message, one line
 */
public record Gap(String service, String operation, String region, String resource, String errorCode,
        String message) {

    /** Error code for a page that says it is truncated but gives no marker to continue from. */
    public static final String TRUNCATED_PAGE = "TRUNCATED_PAGE";
}
