package io.iamscope.analysis.review;

import io.iamscope.access.Evidence;
import io.iamscope.access.Outsiders;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.eval.StatementRef;
import io.iamscope.model.Account;
import io.iamscope.model.Role;
import io.iamscope.policy.ConditionClause;
import io.iamscope.policy.Effect;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PrincipalType;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who outside the snapshot can assume its roles, decided by the engine on each role's trust policy (with the
 * RCPs of its account) for the outsiders its Allow statements name: anyone ({@link FindingCode#TRUST_ANYONE}),
 * accounts and their users and roles outside the organization (external id or not), and identity providers'
 * users (OIDC subject and audience, SAML audience). Keys the outsider controls are unknown, so a condition on
 * them makes the finding conditional; the conditions the engine depends on tell which keys the trust tests.
 */
final class TrustPolicies implements ReviewCheck {
    /** GitHub Actions' OIDC issuer: its `sub` is `repo:OWNER/REPO:...` (GitHub docs, "About security hardening with OpenID Connect"). */
    static final String GITHUB = "token.actions.githubusercontent.com";

    @Override
    public String name() {
        return "trust";
    }

    @Override
    public List<Finding> run(ReviewContext c) {
        Outsiders outsiders = new Outsiders(c.workspace().gatherer(), c.workspace().engine(), c.context());
        List<Finding> out = new ArrayList<>();
        for (Account a : c.snapshot().accounts()) {
            for (Role r : a.roles()) {
                if (r.trustPolicy() != null && !r.serviceLinked()) {
                    role(c, outsiders, r, out);
                }
            }
        }
        return out;
    }

    private static void role(ReviewContext c, Outsiders outsiders, Role r, List<Finding> out) {
        PolicyDocument trust = r.trustPolicy();
        Set<String> keys = conditionKeys(trust);
        Set<String> aws = new LinkedHashSet<>();
        Set<String> providers = new LinkedHashSet<>();
        boolean anyone = false;
        for (Statement s : trust.statements()) {
            if (s.effect() != Effect.ALLOW || s.principal() == null) {
                continue;
            }
            anyone |= s.principal().anyone() || s.principal().negated();
            for (String v : s.principal().of(PrincipalType.AWS)) {
                if ("*".equals(v)) {
                    anyone = true;
                } else {
                    aws.add(v);
                }
            }
            providers.addAll(s.principal().of(PrincipalType.FEDERATED));
        }
        if (anyone) {
            Evidence e = outsiders.check("*", "sts:AssumeRole", r.arn(), keys);
            if (e.allows()) {
                out.add(base(FindingCode.TRUST_ANYONE, r, "*", e).title("role `" + r.name() + "` of "
                        + Names.account(c.snapshot(), r.accountId()) + " can be assumed by anyone")
                        .fix("name the principals that need the role in its trust policy instead of `*`").build());
            }
        }
        for (String principal : aws) {
            String account = principal.matches("\\d{12}") ? principal : io.iamscope.policy.Arn.accountOf(principal);
            if (account == null || c.snapshot().account(account) != null) {
                continue;
            }
            Boolean inOrg = c.inOrganization(account);
            if (Boolean.TRUE.equals(inOrg)) {
                continue;
            }
            Evidence e = outsiders.check(principal, "sts:AssumeRole", r.arn(), keys);
            if (e.allows()) {
                out.add(foreign(c, r, principal, account, inOrg, e));
            }
        }
        for (String provider : providers) {
            Evidence e = c.checker().federatedAssume(provider, r);
            if (e.allows()) {
                federated(c, r, provider, e, out);
            }
        }
    }

    private static Finding foreign(ReviewContext c, Role r, String principal, String account, Boolean inOrg,
                                   Evidence e) {
        boolean externalId = dependsOn(e, "sts:ExternalId");
        String who = "`" + principal + "`";
        FindingCode code = inOrg == null ? FindingCode.TRUST_UNKNOWN_ACCOUNT
                : externalId ? FindingCode.TRUST_FOREIGN_ACCOUNT : FindingCode.TRUST_NO_EXTERNAL_ID;
        String where = inOrg == null ? "an account not in the snapshot (no organization given)"
                : "an account outside the organization";
        Finding.Builder b = base(code, r, principal, e)
                .title("role `" + r.name() + "` trusts " + who + ", " + where
                        + (externalId ? ", with an external id" : ", without an external id"))
                .fact("account " + account + (externalId ? ": the trust requires sts:ExternalId"
                        : ": no sts:ExternalId condition"));
        return b.fix(externalId ? "confirm that account " + account + " is a third party you mean to trust"
                : "if " + account + " is a third party, require the sts:ExternalId it gave you in the trust"
                + " statement; if it is not, remove it from the trust policy").build();
    }

    private static void federated(ReviewContext c, Role r, String provider, Evidence e, List<Finding> out) {
        if (provider.contains(":saml-provider/")) {
            if (!dependsOn(e, "SAML:aud")) {
                out.add(base(FindingCode.TRUST_SAML_NO_AUD, r, provider, e)
                        .title("role `" + r.name() + "` trusts SAML provider `" + tail(provider) + "` without SAML:aud")
                        .fix("add `\"StringEquals\": {\"SAML:aud\": \"https://signin.aws.amazon.com/saml\"}` (or"
                                + " your sign-in endpoint) to the trust statement").build());
            }
            return;
        }
        String host = provider.substring(provider.indexOf("oidc-provider/") + "oidc-provider/".length());
        List<String> weak = weakSubjects(r, host, e);
        if (!dependsOn(e, host + ":sub") || !weak.isEmpty()) {
            Finding.Builder b = base(FindingCode.TRUST_OIDC_NO_SUB, r, provider, e)
                    .title("role `" + r.name() + "` trusts OIDC provider `" + host + "` without "
                            + (weak.isEmpty() ? "a `sub` condition" : "an owner in its `sub` condition")
                            + (host.equals(GITHUB) ? ": any GitHub repository can assume it" : ""))
                    .fix("add a `" + host + ":sub` condition naming the exact subjects"
                            + (host.equals(GITHUB) ? " (`repo:OWNER/REPO:ref:refs/heads/main`, or an environment)" : ""));
            weak.forEach(w -> b.fact("subject pattern without an owner: `" + w + "`"));
            out.add(b.build());
        }
        if (!dependsOn(e, host + ":aud")) {
            out.add(base(FindingCode.TRUST_OIDC_NO_AUD, r, provider, e)
                    .title("role `" + r.name() + "` trusts OIDC provider `" + host + "` without an `aud` condition")
                    .fix("add a `" + host + ":aud` condition"
                            + (host.equals(GITHUB) ? " (`sts.amazonaws.com` for GitHub Actions)" : " with your client id"))
                    .build());
        }
    }

    /**
     * Subject patterns of the granting statements that name no owner: {@code *}, and for GitHub a value whose
     * owner part ({@code repo:OWNER/...}) has a wildcard or is missing.
     */
    private static List<String> weakSubjects(Role r, String host, Evidence e) {
        List<String> out = new ArrayList<>();
        for (StatementRef ref : e.grantedBy()) {
            if (ref.index() < 0 || ref.index() >= r.trustPolicy().statements().size()) {
                continue;
            }
            for (ConditionClause cl : r.trustPolicy().statements().get(ref.index()).conditions()) {
                if (!cl.key().equalsIgnoreCase(host + ":sub")) {
                    continue;
                }
                for (String v : cl.values()) {
                    String owner = host.equals(GITHUB) && v.startsWith("repo:") && v.indexOf('/') > 5
                            ? v.substring(5, v.indexOf('/')) : null;
                    boolean named = host.equals(GITHUB) ? owner != null && !owner.contains("*") && !owner.contains("?")
                            : !v.equals("*");
                    if (!named) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    private static Finding.Builder base(FindingCode code, Role r, String key, Evidence e) {
        return Finding.of(code, r.arn()).key(key).conditionalOn(e.condition().keys())
                .statements(Cites.check(e).grantedBy());
    }

    /** Whether the decision depends on the key: the trust has a condition on it that the engine could not decide. */
    private static boolean dependsOn(Evidence e, String key) {
        return e.condition().keys().stream().anyMatch(k -> k.equalsIgnoreCase(key));
    }

    /** Every condition key of the trust policy (the outsider's unknowns: it controls or we cannot know them). */
    static Set<String> conditionKeys(PolicyDocument doc) {
        Set<String> out = new LinkedHashSet<>();
        for (Statement s : doc.statements()) {
            s.conditions().forEach(cl -> out.add(cl.key()));
        }
        return out;
    }

    private static String tail(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
