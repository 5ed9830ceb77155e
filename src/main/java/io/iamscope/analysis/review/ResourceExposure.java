package io.iamscope.analysis.review;

import io.iamscope.access.Evidence;
import io.iamscope.access.Outsiders;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.analysis.findings.StatementCite;
import io.iamscope.catalog.AccessLevel;
import io.iamscope.catalog.Action;
import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import io.iamscope.model.Account;
import io.iamscope.model.Resource;
import io.iamscope.policy.Arn;
import io.iamscope.policy.Effect;
import io.iamscope.policy.PrincipalType;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resources whose policies let outsiders in: for each resource policy of the snapshot (S3, KMS, SQS, SNS,
 * Lambda, Secrets Manager, ECR and any other collected with one), the outsiders its Allow statements name
 * (anyone; accounts, users and roles outside the organization, or outside the snapshot when no organization is
 * given) are asked, action by action, whether the engine lets them: the resource policy, the RCPs of its account,
 * and conditions on keys the outsider controls (unknown: conditional). The actions asked are those the
 * statements name, of the resource's service; each allowed one is counted under its access level (IAM Access
 * Analyzer reports the same question per resource: "Resources that can be shared").
 */
final class ResourceExposure implements ReviewCheck {
    @Override
    public String name() {
        return "exposure";
    }

    @Override
    public List<Finding> run(ReviewContext c) {
        Outsiders outsiders = new Outsiders(c.workspace().gatherer(), c.workspace().engine(), c.context());
        List<Finding> out = new ArrayList<>();
        for (Account a : c.snapshot().accounts()) {
            for (Resource r : a.resources()) {
                if (r.policy() != null) {
                    resource(c, outsiders, a, r, out);
                }
            }
        }
        return out;
    }

    private static void resource(ReviewContext c, Outsiders outsiders, Account a, Resource r, List<Finding> out) {
        String service = Arn.serviceOf(r.arn());
        Map<String, List<Statement>> byOutsider = new LinkedHashMap<>();
        for (Statement s : r.policy().statements()) {
            if (s.effect() != Effect.ALLOW || s.principal() == null) {
                continue;
            }
            if (s.principal().anyone() || s.principal().negated() || s.principal().of(PrincipalType.AWS).contains("*")) {
                byOutsider.computeIfAbsent("*", k -> new ArrayList<>()).add(s);
            }
            for (String v : s.principal().of(PrincipalType.AWS)) {
                String account = v.matches("\\d{12}") ? v : Arn.accountOf(v);
                if (!"*".equals(v) && account != null && c.snapshot().account(account) == null
                        && !Boolean.TRUE.equals(c.inOrganization(account))) {
                    byOutsider.computeIfAbsent(v, k -> new ArrayList<>()).add(s);
                }
            }
        }
        Set<String> keys = TrustPolicies.conditionKeys(r.policy());
        byOutsider.forEach((who, statements) -> {
            Finding f = ask(c, outsiders, a, r, service, who, statements, keys);
            if (f != null) {
                out.add(f);
            }
        });
    }

    private static Finding ask(ReviewContext c, Outsiders outsiders, Account a, Resource r, String service,
                               String who, List<Statement> statements, Set<String> keys) {
        Catalog catalog = c.catalog();
        List<String> targets = targets(r, statements);
        Map<AccessLevel, List<String>> allowed = new EnumMap<>(AccessLevel.class);
        java.util.Map<String, StatementCite> cites = new java.util.LinkedHashMap<>();
        Set<String> conditionKeys = new LinkedHashSet<>();
        boolean anyDefinite = false;
        for (int id : actions(catalog, service, statements)) {
            Action action = catalog.action(id);
            for (String target : targets) {
                if (!catalog.appliesTo(action, target) && !target.equals(r.arn())) {
                    continue;
                }
                Evidence e = outsiders.check(who, action.fullName(), target, keys);
                if (e.allows()) {
                    allowed.computeIfAbsent(action.accessLevel(), k -> new ArrayList<>()).add(action.fullName());
                    Cites.check(e).grantedBy().forEach(s -> cites.putIfAbsent(s.statementKey(), s));
                    anyDefinite |= !e.conditional();
                    conditionKeys.addAll(e.condition().keys());
                    break;
                }
            }
        }
        if (allowed.isEmpty()) {
            return null;
        }
        String account = "*".equals(who) ? null : who.matches("\\d{12}") ? who : Arn.accountOf(who);
        FindingCode code = "*".equals(who) ? FindingCode.RESOURCE_PUBLIC
                : c.organization() == null ? FindingCode.RESOURCE_UNKNOWN_ACCOUNT : FindingCode.RESOURCE_FOREIGN_ACCOUNT;
        List<String> levels = new ArrayList<>();
        allowed.forEach((level, list) -> levels.add(level.label() + " " + list.size()));
        Finding.Builder b = Finding.of(code, r.arn()).key(who)
                .title(r.type() + " `" + r.arn() + "` of " + a.label() + " is open to "
                        + ("*".equals(who) ? "anyone" : "`" + who + "`" + (code == FindingCode.RESOURCE_FOREIGN_ACCOUNT
                        ? " (outside the organization)" : " (not in the snapshot)")) + ": " + String.join(", ", levels))
                .statements(new ArrayList<>(cites.values())).conditional(!anyDefinite).conditionalOn(anyDefinite ? List.of() : conditionKeys);
        allowed.forEach((level, list) -> {
            b.figure(level.label(), list.size());
            b.fact(level.label() + ": " + String.join(", ", list.subList(0, Math.min(8, list.size())))
                    + (list.size() > 8 ? " (+" + (list.size() - 8) + " more)" : ""));
        });
        return b.fix("*".equals(who) ? "name the principals that need access instead of `*`, or add a condition on"
                        + " aws:PrincipalOrgID (or aws:SourceArn/aws:SourceAccount for a service) to the statement"
                        : "remove account " + account + " from the policy, or confirm it is a party you mean to share"
                        + " with").build();
    }

    /** The actions of the resource's service the statements allow. */
    private static Iterable<Integer> actions(Catalog catalog, String service, List<Statement> statements) {
        ActionSet serviceActions = catalog.expand(service + ":*");
        ActionSet.Builder b = new ActionSet.Builder(serviceActions.universe());
        for (Statement s : statements) {
            if (s.action() == null) {
                continue;
            }
            ActionSet named = catalog.expandAll(s.action().patterns());
            b.addAll(s.action().negated() ? serviceActions.minus(named) : named.intersect(serviceActions));
        }
        return b.build();
    }

    /**
     * What to ask each action on: the resource, each Resource pattern of the statements under it (asked as
     * written: a pattern matches itself), and for a bucket its objects.
     */
    private static List<String> targets(Resource r, List<Statement> statements) {
        Set<String> out = new LinkedHashSet<>();
        out.add(r.arn());
        if (r.arn().startsWith("arn:aws:s3:::")) {
            out.add(r.arn() + "/*");
        }
        for (Statement s : statements) {
            if (s.resource() != null && !s.resource().negated()) {
                s.resource().patterns().stream().filter(p -> p.startsWith(r.arn())).forEach(out::add);
            }
        }
        return new ArrayList<>(out);
    }
}
