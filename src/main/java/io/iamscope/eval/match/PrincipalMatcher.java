package io.iamscope.eval.match;

import io.iamscope.policy.Arn;
import io.iamscope.eval.Caller;
import io.iamscope.eval.CallerKind;
import io.iamscope.policy.PrincipalSpec;
import io.iamscope.policy.PrincipalType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Matches a caller against {@code Principal}/{@code NotPrincipal} (IAM JSON policy elements: Principal).
 *
 * <ul>
 *   <li>{@code "*"} and {@code {"AWS": "*"}} cover everyone, anonymous callers included.</li>
 *   <li>An account id or {@code arn:aws:iam::ID:root} covers every principal of that account (delegation).</li>
 *   <li>A role ARN covers the role's sessions; an assumed-role ARN covers that session only.</li>
 *   <li>Wildcards cannot match part of a principal ARN: such entries are compared literally.</li>
 *   <li>{@code NotPrincipal} applies unless every identity of the caller is listed; AWS evaluates a request
 *       as coming from both the principal and its account, which is why its docs ask that the account ARN be
 *       listed too. A role ARN there does not cover the role's sessions.</li>
 * </ul>
 */
public final class PrincipalMatcher {
    private final boolean negated;
    private final boolean anyone;
    private final Set<String> accounts = new HashSet<>();
    private final Set<String> arns = new HashSet<>();
    private final Set<String> services = new HashSet<>();
    private final Set<String> federated = new HashSet<>();
    private final Set<String> canonical = new HashSet<>();

    private PrincipalMatcher(PrincipalSpec spec) {
        this.negated = spec.negated();
        boolean all = spec.anyone();
        for (String id : spec.of(PrincipalType.AWS)) {
            if ("*".equals(id)) {
                all = true;
            } else if (id.matches("\\d{12}")) {
                accounts.add(id);
            } else if (id.startsWith("arn:") && id.endsWith(":root") && id.contains(":iam::")) {
                accounts.add(Arn.accountOf(id));
            } else {
                arns.add(id);
            }
        }
        this.anyone = all;
        spec.of(PrincipalType.SERVICE).forEach(s -> services.add(s.toLowerCase(Locale.ROOT)));
        federated.addAll(spec.of(PrincipalType.FEDERATED));
        canonical.addAll(spec.of(PrincipalType.CANONICAL_USER));
    }

    public static PrincipalMatcher compile(PrincipalSpec spec) {
        return new PrincipalMatcher(spec);
    }

    public PrincipalMatch match(Caller caller) {
        if (!negated) {
            return positive(caller);
        }
        for (String identity : identities(caller)) {
            if (!listed(identity, caller)) {
                return PrincipalMatch.EXACT;
            }
        }
        return PrincipalMatch.NONE;
    }

    private PrincipalMatch positive(Caller caller) {
        if (anyone) {
            return PrincipalMatch.EXACT;
        }
        switch (caller.kind()) {
            case SERVICE:
                return services.contains(caller.arn().toLowerCase(Locale.ROOT)) ? PrincipalMatch.EXACT
                        : PrincipalMatch.NONE;
            case FEDERATED:
                return federated.contains(caller.arn()) ? PrincipalMatch.EXACT : PrincipalMatch.NONE;
            case ANONYMOUS:
                return PrincipalMatch.NONE;
            default:
                break;
        }
        if (arns.contains(caller.arn())
                || caller.canonicalUser() != null && canonical.contains(caller.canonicalUser())) {
            return PrincipalMatch.EXACT;
        }
        if (caller.kind() == CallerKind.ROOT && caller.account() != null && accounts.contains(caller.account())) {
            // The root user is the account principal itself.
            return PrincipalMatch.EXACT;
        }
        if (caller.parentArn() != null && arns.contains(caller.parentArn())) {
            return PrincipalMatch.PARENT;
        }
        if (caller.account() != null && accounts.contains(caller.account())) {
            return PrincipalMatch.ACCOUNT;
        }
        return PrincipalMatch.NONE;
    }

    private static List<String> identities(Caller caller) {
        if (caller.isIamPrincipal() && caller.account() != null && caller.kind() != CallerKind.ROOT) {
            return List.of(caller.arn(), caller.accountRootArn());
        }
        return List.of(caller.kind() == CallerKind.ROOT ? caller.accountRootArn() : caller.arn());
    }

    private boolean listed(String identity, Caller caller) {
        if (anyone) {
            return true;
        }
        if (identity.endsWith(":root") && caller.account() != null && accounts.contains(caller.account())) {
            return true;
        }
        return switch (caller.kind()) {
            case SERVICE -> services.contains(identity.toLowerCase(Locale.ROOT));
            case FEDERATED -> federated.contains(identity);
            default -> arns.contains(identity)
                    || caller.canonicalUser() != null && canonical.contains(caller.canonicalUser());
        };
    }
}
