package io.iamscope.model.io;

import io.iamscope.model.Snapshot;
import java.util.List;

/** A snapshot and one summary line per input read, for stderr. */
public record ReadResult(Snapshot snapshot, List<String> summary) {
    public ReadResult {
        summary = List.copyOf(summary);
    }
}
