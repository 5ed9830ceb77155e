package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.eval.RequestContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The context of a request that adds or removes one tag, and what the attacker may change. A tagging request
 * carries the keys it sets in {@code aws:TagKeys} and each value in {@code aws:RequestTag/KEY}; an untagging
 * request carries the keys it removes in {@code aws:TagKeys} (IAM User Guide, "Controlling access during AWS
 * requests": aws:RequestTag, aws:TagKeys; Service Authorization Reference: the condition keys of iam:TagUser,
 * iam:UntagUser, ec2:CreateTags, lambda:TagResource...). The attacker picks the value, so
 * {@code aws:RequestTag/KEY} is unknown: a policy limiting the values one may set makes the step conditional on
 * them. One key per request: a policy that limits the keys ({@code ForAllValues} on aws:TagKeys) lets the attacker
 * set the allowed ones one at a time.
 */
final class TagRequests {
    private TagRequests() {
    }

    /** The context of a request setting the tag {@code key} (or removing it, with {@code untag}). */
    static RequestContext context(AccessChecker c, Actor a, String key, boolean untag) {
        return untag
                ? c.derived(a, "aws:TagKeys=[" + key + "]", b -> b.put("aws:TagKeys", key))
                : c.derived(a, "aws:TagKeys=[" + key + "] aws:RequestTag unknown",
                        b -> b.put("aws:TagKeys", key).unknown("aws:RequestTag/" + key));
    }

    /** The keys the attacker may change on one target and the evidence of each request. */
    record Changes(List<String> keys, List<Evidence> evidence) {
        Changes {
            keys = List.copyOf(keys);
            evidence = List.copyOf(evidence);
        }

        boolean none() {
            return keys.isEmpty();
        }
    }

    /** Which of the keys the action may set (or remove, with {@code untag}) on the target, one request each. */
    static Changes allowed(AccessChecker c, Actor a, String action, String target, List<String> keys, boolean untag) {
        List<String> allowed = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (String key : keys) {
            Evidence e = c.check(a, action, target, context(c, a, key, untag));
            if (e.allows()) {
                allowed.add(key);
                evidence.add(e);
            }
        }
        return new Changes(allowed, evidence);
    }
}
