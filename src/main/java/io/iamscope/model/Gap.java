package io.iamscope.model;

/**
 * An API call that failed during collection. A gap means "unknown", never "none": access that depends on it
 * is reported as conditional.
 */
public record Gap(String service, String operation, String region, String resource, String errorCode,
                  String message) {
}
