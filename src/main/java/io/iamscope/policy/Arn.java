package io.iamscope.policy;

import java.util.Optional;

/**
 * An Amazon Resource Name, parsed once: {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}, the resource
 * running to the end, colons and all (IAM User Guide: "IAM ARNs"; AWS General Reference: "Amazon Resource
 * Names"). Empty components (an S3 bucket's account and region, IAM's region) are empty strings, as written.
 *
 * <p>The static readers ({@link #accountOf}, {@link #serviceOf}...) answer one component of an ARN held as text
 * without parsing the rest: they run several times per request on the analyses' hot paths, where making a value
 * (or splitting into an array of six strings) each time cost more than the question.
 *
 * @param resource the sixth component: {@code role/path/name}, {@code function:f:alias}, {@code bucket/key}
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    public Arn {
        if (partition == null || service == null || region == null || account == null || resource == null) {
            throw new IllegalArgumentException("every component of an ARN is given (empty when absent)");
        }
    }

    /** The ARN of the text, or empty when it is not {@code arn:} followed by five colon-separated components. */
    public static Optional<Arn> parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    /** Whether the text is an ARN of six components ({@link #parse} would give one). */
    public static boolean isArn(String text) {
        return parse(text).isPresent();
    }

    /** The account root of an account: {@code arn:aws:iam::ACCOUNT:root}. */
    public static Arn accountRoot(String partition, String account) {
        return new Arn(partition, "iam", "", account, "root");
    }

    /**
     * The resource's type, the resource component up to its first {@code /} or {@code :} ({@code role},
     * {@code function}); the whole component when it has neither ({@code root}, an S3 bucket's name).
     */
    public String resourceType() {
        return typeOf(resource);
    }

    /** The last segment of the resource component, after its last {@code /}: a user's, role's or policy's name. */
    public String name() {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ':' + service + ':' + region + ':' + account + ':' + resource;
    }

    /** The account component of an ARN, or null when the text is not an ARN or its account is empty. */
    public static String accountOf(String arn) {
        return nonEmpty(component(arn, 4));
    }

    /** The service component of an ARN, or null. */
    public static String serviceOf(String arn) {
        return component(arn, 2);
    }

    /** The region component of an ARN, or null when absent or empty (IAM and S3 ARNs carry none). */
    public static String regionOf(String arn) {
        return nonEmpty(component(arn, 3));
    }

    /** The resource component (the sixth, colons and all), or null. */
    public static String resourceOf(String arn) {
        return component(arn, 5);
    }

    /** The resource type of an ARN ({@link #resourceType}), or null when the text is not an ARN. */
    public static String resourceTypeOf(String arn) {
        String resource = resourceOf(arn);
        return resource == null ? null : typeOf(resource);
    }

    private static String typeOf(String resource) {
        int end = 0;
        while (end < resource.length() && resource.charAt(end) != '/' && resource.charAt(end) != ':') {
            end++;
        }
        return resource.substring(0, end);
    }

    /** The partition component ({@code aws}, {@code aws-us-gov}, {@code aws-cn}), {@code aws} when not an ARN. */
    public static String partitionOf(String arn) {
        String p = component(arn, 1);
        return p == null || p.isEmpty() ? "aws" : p;
    }

    /**
     * The role ARN behind an assumed-role session ARN, without the role's path (which the session ARN does not
     * carry): {@code arn:aws:sts::1:assumed-role/R/s} gives {@code arn:aws:iam::1:role/R}; null for another ARN.
     */
    public static String roleOfSession(String sessionArn) {
        String res = resourceOf(sessionArn);
        if (res == null || !res.startsWith("assumed-role/")) {
            return null;
        }
        String rest = res.substring("assumed-role/".length());
        int slash = rest.indexOf('/');
        String role = slash < 0 ? rest : rest.substring(0, slash);
        return "arn:" + partitionOf(sessionArn) + ":iam::" + accountOf(sessionArn) + ":role/" + role;
    }

    /**
     * The {@code n}th colon-separated component (0 = "arn"; the sixth runs to the end), or null when the text is
     * not an ARN or too short; found with indexOf, without splitting.
     */
    private static String component(String arn, int n) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        int start = 0;
        for (int i = 0; i < n; i++) {
            int colon = arn.indexOf(':', start);
            if (colon < 0) {
                return null;
            }
            start = colon + 1;
        }
        if (n == 5) {
            return arn.substring(start);
        }
        int end = arn.indexOf(':', start);
        return end < 0 ? arn.substring(start) : arn.substring(start, end);
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
