package io.iamscope.analysis.diff;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * One change between two snapshots, as written in them.
 *
 * @param subject the ARN of what changed (a principal, a managed policy, a resource; an account id or an
 *                organization policy's ARN)
 * @param what    which part of it: {@code user}, {@code inline policy `deploy`}, {@code trust policy},
 *                {@code attached policy}, {@code access key}, ...
 * @param detail  the value added or removed, or the change in one line; empty when the patch says it all
 * @param patch   for a changed policy document, the RFC 6902 JSON Patch from the old document to the new one (both
 *                in {@link io.iamscope.policy.PolicyJson}'s canonical form); null otherwise
 * @param document for a policy document added or changed, the new document (canonical form); null otherwise
 */
public record Change(ChangeKind kind, String subject, String what, String detail, JsonArray patch,
                     JsonObject document) {
    public Change {
        detail = detail == null ? "" : detail;
    }
}
