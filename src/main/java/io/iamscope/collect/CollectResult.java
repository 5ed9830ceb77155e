package io.iamscope.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.model.Gap;
import java.util.List;

/**
 * What a collection produced: the snapshot tree and, per account, the gaps for the final report.
 *
 * @param snapshot the snapshot, in the shape of docs/snapshot-format.md
 * @param accounts one summary per account, in snapshot order
 */
public record CollectResult(ObjectNode snapshot, List<AccountSummary> accounts) {

    /** One account's id, resource count and gaps. */
    public record AccountSummary(String accountId, int resources, List<Gap> gaps) {
    }

    /** Every gap of every account. */
    public int gapCount() {
        return accounts.stream().mapToInt(a -> a.gaps().size()).sum();
    }
}
