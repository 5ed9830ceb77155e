package io.iamscope.analysis.blast;

import java.util.List;

/**
 * Concrete resources of one account, service and resource type on which an action was decided alike, by one
 * engine call for the whole class ({@link io.iamscope.access.AccessChecker.WholeClasses}): an administrator's
 * iam:GetRole on ten thousand roles. The report names the set once, with its members, and refers to it by id
 * under every action and grantor, instead of repeating ten thousand ARNs each time.
 *
 * @param id      {@code set-1}, {@code set-2}... in the order the report first meets them
 * @param account the account owning the members (for S3, the buckets' owner in the snapshot)
 * @param type    the ARN's resource type ({@code role}, {@code policy}, {@code function}...; for S3
 *                {@code bucket} or {@code object})
 * @param members the ARNs, in snapshot order
 */
public record ResourceSet(String id, String account, String service, String type, List<String> members) {
    public ResourceSet {
        members = List.copyOf(members);
    }

    /**
     * {@code 10000 iam role(s) of account 123456789012}; for S3 objects, whose members are {@code bucket/*},
     * {@code the objects of 125 s3 bucket(s) of account ...}.
     */
    public String label() {
        String what = "s3".equals(service) && "object".equals(type) ? "the objects of " + members.size()
                + " s3 bucket(s)" : members.size() + " " + service + " " + type + "(s)";
        return what + (account == null || account.isEmpty() ? "" : " of account " + account);
    }
}
