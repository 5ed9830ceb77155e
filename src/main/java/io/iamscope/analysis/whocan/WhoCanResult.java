package io.iamscope.analysis.whocan;

import java.util.List;

/**
 * Every principal that can perform {@code action} on {@code resource}: those the authorizer allows directly,
 * then those that reach one of them through the access graph, nearest first.
 *
 * @param notes what the answer could not cover (a resource outside the snapshot)
 */
public record WhoCanResult(String action, String resource, String profile, List<WhoCanEntry> direct,
                           List<WhoCanEntry> viaPath, List<String> notes) {
    public WhoCanResult {
        direct = List.copyOf(direct);
        viaPath = List.copyOf(viaPath);
        notes = List.copyOf(notes);
    }
}
