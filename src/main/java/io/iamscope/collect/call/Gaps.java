package io.iamscope.collect.call;

import io.iamscope.model.Gap;
import java.util.ArrayList;
import java.util.List;

/** The gaps of one account, safe to add to from several threads (regions are collected in parallel). */
public final class Gaps {
    private final List<Gap> gaps = new ArrayList<>();

    /** Records one gap. */
    public synchronized void add(Gap gap) {
        gaps.add(gap);
    }

    /** Records a gap for {@code op}. */
    public void add(AwsOperation op, String region, String resource, String errorCode, String message) {
        add(new Gap(op.service(), op.operation(), region, resource, errorCode, message));
    }

    /** A copy of the gaps recorded so far, in order. */
    public synchronized List<Gap> list() {
        return List.copyOf(gaps);
    }
}
