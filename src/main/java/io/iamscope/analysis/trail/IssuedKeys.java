package io.iamscope.analysis.trail;

import io.iamscope.analysis.trail.CredentialLedger.Activity;
import io.iamscope.analysis.trail.CredentialLedger.Issuance;
import io.iamscope.model.trail.IssuedCredential;
import io.iamscope.policy.Arn;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The credentials of the logs a credential handed out stands for. A key handed out is itself (followed even when
 * the logs show no call with it: the hop happened). A console password stands for the console sessions of its user
 * that began at or after it was set: calls signed as that IAM user in a console session
 * ({@code sessionCredentialFromConsole}) and the {@code ConsoleLogin} itself. An instance given an instance profile
 * stands for the role sessions EC2 names after it ({@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/i-0abc...}) in its
 * account, from its launch on.
 *
 * <p>A console session that began before the password was set is not the attacker's by this rule, nor is a sign-in
 * with a password the logs do not show being set: the logs do not tie them to the start.
 */
final class IssuedKeys {
    /** A credential of the logs, and the principal behind it. */
    record Handed(String key, String principalArn) {
    }

    private IssuedKeys() {
    }

    static List<Handed> of(Issuance i, CredentialLedger ledger, UnaryOperator<String> canonical) {
        IssuedCredential c = i.credential();
        return switch (c.kind()) {
            case ACCESS_KEY -> List.of(new Handed(c.accessKeyId(), c.principalArn()));
            case CONSOLE_PASSWORD -> {
                String user = canonical.apply(c.principalArn());
                yield handed(ledger, a -> a.console && "IAMUser".equals(a.type) && !a.first.isBefore(i.time())
                        && user.equals(canonical.apply(a.principalArn)));
            }
            case INSTANCE_PROFILE -> {
                String account = Arn.accountOf(c.arn());
                String instance = c.instanceId();
                yield handed(ledger, a -> a.identityArn != null && a.identityArn.contains(":assumed-role/")
                        && a.identityArn.endsWith("/" + instance) && account.equals(Arn.accountOf(a.identityArn))
                        && !a.first.isBefore(i.time()));
            }
        };
    }

    private static List<Handed> handed(CredentialLedger ledger, java.util.function.Predicate<Activity> test) {
        return ledger.keysWhere(test).stream().map(k -> new Handed(k, ledger.activity(k).principalArn)).toList();
    }
}
