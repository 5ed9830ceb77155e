package io.iamscope.analysis.review;

import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.Account;
import io.iamscope.model.Snapshot;
import java.util.Locale;

/** How findings name things in their one-line titles: {@code user `mlee`}, {@code account acme-dev (3333...)}. */
final class Names {
    private Names() {
    }

    static String node(PrincipalNode n) {
        return switch (n.kind()) {
            case ROOT -> "control of account " + n.account();
            case EXTERNAL_ACCOUNT -> "account " + n.account() + " (outside the snapshot)";
            case ANYONE -> "anyone";
            case SERVICE -> "service `" + n.arn() + "`";
            case FEDERATED_PROVIDER -> "the users of identity provider `" + n.arn() + "`";
            default -> n.kind().name().toLowerCase(Locale.ROOT) + " `" + n.shortName() + "`";
        };
    }

    /** {@code acme-dev (333333333333)}, or the id alone when the snapshot does not hold the account. */
    static String account(Snapshot s, String id) {
        Account a = id == null ? null : s.account(id);
        return a == null ? String.valueOf(id) : a.label();
    }

    /** {@code 1 principal}, {@code 3 principals}. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code mlee, data-hwang}, or the first three and {@code ...}: the last part of each ARN. */
    static String some(java.util.List<String> arns) {
        java.util.List<String> names = arns.stream().limit(3).map(a -> a.substring(a.lastIndexOf('/') + 1)).toList();
        return String.join(", ", names) + (arns.size() > 3 ? ", ..." : "");
    }
}
