package io.iamscope.model;

/**
 * An API call that failed during collection. A gap means "unknown", never "none": access that depends on it
 * is reported as conditional. The collector records them, the snapshot's {@code gaps} keeps them (same fields).
 *
 * @param service   the IAM service prefix ({@code s3})
 * @param operation the API operation ({@code GetBucketPolicy})
 * @param region    the region of the call, or null for global calls
 * @param resource  the ARN or name the call was about, or null
 * @param errorCode AWS's error code ({@code AccessDenied}) or one of the collector's ({@code UNREACHABLE},
 *                  {@code TRUNCATED_PAGE})
 * @param message   the error message, one line
 */
public record Gap(String service, String operation, String region, String resource, String errorCode,
                  String message) {
}
