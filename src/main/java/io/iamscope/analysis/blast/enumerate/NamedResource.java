package io.iamscope.analysis.blast.enumerate;

import io.iamscope.policy.Arn;
import java.util.Set;

/**
 * Whether a resource a policy names, not one of the snapshot's, may decide a condition otherwise than {@code *}
 * does: a request's aws:RequestedRegion is the region its resource's ARN names, and aws:ResourceAccount (with the
 * organization keys that follow from it) the account; an ARN whose field is a wildcard or empty tells no more than
 * {@code *}. (A name inside one of the snapshot's resources, an S3 bucket's objects say, also has that resource's
 * region, account and tags: the caller asks the snapshot first.) Any other key is taken to be told, which only
 * costs an enumeration.
 */
final class NamedResource {
    private static final Set<String> OF_THE_ACCOUNT = Set.of("aws:resourceaccount", "aws:resourceorgid",
            "aws:resourceorgpaths");

    private NamedResource() {
    }

    static boolean mayDecide(String pattern, Set<String> keys) {
        Arn arn = Arn.parse(pattern).orElse(null);
        if (arn == null) {
            return true;
        }
        for (String key : keys) {
            boolean told = "aws:requestedregion".equals(key) ? named(arn.region())
                    : !OF_THE_ACCOUNT.contains(key) || named(arn.account());
            if (told) {
                return true;
            }
        }
        return false;
    }

    private static boolean named(String field) {
        return field != null && !field.isEmpty() && !field.equals("*");
    }
}
