package io.iamscope.analysis.diff;

import io.iamscope.analysis.findings.PathStep;
import java.util.List;

/**
 * What a change of the snapshot does to one principal: its standing towards administrator before and after, the
 * path it has now when it gained one, and the principals and accounts it can reach now and could not before (and
 * how many it no longer reaches). Reach counts every edge, conditional ones too, at any length.
 *
 * @param newlyReachable the ARNs it reaches now and did not, sorted, at most {@link EffectiveDiff#LISTED}
 * @param newlyCount     how many it reaches now and did not
 * @param newAccounts    the accounts it now controls (their account node became reachable)
 * @param lostCount      how many it reached before and no longer does
 */
public record PrincipalChange(String arn, AdminState before, AdminState after, List<PathStep> pathToAdmin,
                              List<String> newlyReachable, int newlyCount, List<String> newAccounts, int lostCount) {
    public PrincipalChange {
        pathToAdmin = List.copyOf(pathToAdmin);
        newlyReachable = List.copyOf(newlyReachable);
        newAccounts = List.copyOf(newAccounts);
    }

    /** Whether it came closer to administrator, or reaches someone new. */
    public boolean gained() {
        return after.worseThan(before) || newlyCount > 0;
    }
}
