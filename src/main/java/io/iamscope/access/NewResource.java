package io.iamscope.access;

import io.iamscope.policy.Arn;

/**
 * A concrete ARN an attacker could give a resource it creates, made from a policy's Resource pattern: the
 * attacker picks the name, so any name the pattern allows will do.
 */
public final class NewResource {
    /** The region chosen for a pattern whose region is a wildcard (one every SCP region lock keeps open). */
    static final String REGION = "us-east-1";

    private NewResource() {
    }

    /** The concrete ARN, or null for {@code *}, a non-ARN, or a pattern with policy variables. */
    public static String instantiate(String pattern, String account) {
        if (pattern.contains("${")) {
            return null;
        }
        Arn p = Arn.parse(pattern).orElse(null);
        if (p == null || wild(p.partition()) || wild(p.service())) {
            return null;
        }
        return new Arn(p.partition(), p.service(), wild(p.region()) ? REGION : p.region(),
                wild(p.account()) ? account : p.account(), p.resource().replace("*", "iamscope").replace('?', 'x'))
                .toString();
    }

    private static boolean wild(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }
}
