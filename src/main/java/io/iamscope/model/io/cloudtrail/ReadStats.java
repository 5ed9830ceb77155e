package io.iamscope.model.io.cloudtrail;

import java.util.List;

/**
 * What a read of CloudTrail logs went through.
 *
 * @param files    log files opened
 * @param records  records read and handed on (inside the time window)
 * @param outside  well-formed records left out by the time window
 * @param warnings what was skipped, each named by file and record index
 */
public record ReadStats(int files, long records, long outside, List<ReadWarning> warnings) {
    public ReadStats {
        warnings = List.copyOf(warnings);
    }
}
