package io.iamscope.analysis.trail;

import java.util.List;

/**
 * What was read of the logs, for the report: files, records in the window, records outside it, and what was
 * skipped (file and record index).
 */
public record LogsRead(int files, long records, long outside, List<String> warnings) {
    public LogsRead {
        warnings = List.copyOf(warnings);
    }
}
