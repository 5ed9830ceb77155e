package io.iamscope.analysis.whocan;

import io.iamscope.model.Gap;
import java.util.List;

/**
 * Every principal that can perform {@code action} on {@code resource}: those the authorizer allows directly,
 * then those that reach one of them through the access graph, nearest first.
 *
 * @param notes what the answer could not cover (a resource outside the snapshot)
 * @param gaps  the collection gaps that could change the answer ({@link io.iamscope.analysis.GapsInPlay}): with
 *              any, the answer is incomplete and "nobody found" does not mean nobody
 */
public record WhoCanResult(String action, String resource, String profile, List<WhoCanEntry> direct,
                           List<WhoCanEntry> viaPath, List<String> notes, List<Gap> gaps) {
    public WhoCanResult {
        direct = List.copyOf(direct);
        viaPath = List.copyOf(viaPath);
        notes = List.copyOf(notes);
        gaps = List.copyOf(gaps);
    }

    /** Whether no collection gap could change the answer. */
    public boolean complete() {
        return gaps.isEmpty();
    }

    /** The direct answers of IAM users and roles, as grants a second engine can re-check. */
    public java.util.List<io.iamscope.analysis.verify.Grant> grants() {
        return direct.stream().filter(e -> e.arn().contains(":user/") || e.arn().contains(":role/"))
                .map(e -> new io.iamscope.analysis.verify.Grant(e.arn(), action, resource, e.conditional())).toList();
    }
}
