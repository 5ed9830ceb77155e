package io.iamscope.analysis.trail;

import io.iamscope.analysis.diff.AdminState;
import java.time.Instant;

/**
 * A principal the attacker holds a credential of: the start's, or a user it made an access key or a console
 * password for. Its standing towards administrator in the snapshot and after the attacker's changes is what
 * revoking that credential takes away.
 *
 * @param how    {@code start}, or the call that made the credential ({@code CreateAccessKey AKIA...})
 * @param time   when it was made, null for the start
 * @param before its standing in the snapshot ({@link AdminState#ABSENT} when the attacker created it)
 * @param after  its standing with the attacker's changes applied
 * @param beforeIf whether, administrator in the snapshot, it is one only where unknown condition keys allow (the
 *                 region, MFA...): {@link AdminState} does not say it of administrators
 * @param afterIf  the same after the changes (a document the logs do not carry is such a key)
 */
public record HeldCredential(String principalArn, String how, Instant time, AdminState before, AdminState after,
                             boolean beforeIf, boolean afterIf) {
}
