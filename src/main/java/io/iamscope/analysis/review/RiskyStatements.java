package io.iamscope.analysis.review;

import io.iamscope.analysis.findings.Affected;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.analysis.findings.StatementCite;
import io.iamscope.catalog.Catalog;
import io.iamscope.model.Account;
import io.iamscope.model.Group;
import io.iamscope.model.InlinePolicy;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.Principal;
import io.iamscope.model.User;
import io.iamscope.policy.Effect;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statements that grant too much, read as written in the identity policies principals hold (customer managed
 * policies' default versions, inline policies): {@link FindingCode#PASSROLE_ANY_ROLE} (IAM User Guide: "Grant a
 * user permissions to pass a role to an AWS service"), {@link FindingCode#ALLOW_NOT_ACTION} ("IAM JSON policy
 * elements: NotAction": use with Allow carefully) and {@link FindingCode#INLINE_ADMIN_POLICY}. AWS managed
 * policies are left out: they cannot be changed, and what they grant shows in the admin and escalation findings.
 * A statement with conditions is reported as conditional on their keys.
 */
final class RiskyStatements implements ReviewCheck {
    @Override
    public String name() {
        return "risky-grant";
    }

    @Override
    public List<Finding> run(ReviewContext c) {
        Map<Group, Set<String>> members = members(c);
        Map<String, Set<String>> holders = holders(c, members);
        List<Finding> out = new ArrayList<>();
        int pass = c.catalog().action("iam:PassRole").orElseThrow().id();
        for (Account a : c.snapshot().accounts()) {
            for (ManagedPolicy p : a.policies()) {
                Set<String> who = holders.get(p.arn());
                if (!p.isAwsManaged() && who != null && p.document() != null) {
                    scan(c.catalog(), pass, p.arn(), "managed policy `" + p.name() + "`", p.arn(), p.document(),
                            false, who, out);
                }
            }
            for (Principal pr : principals(a)) {
                for (InlinePolicy i : pr.inlinePolicies()) {
                    Set<String> who = pr instanceof Group g ? members.getOrDefault(g, Set.of()) : Set.of(pr.arn());
                    scan(c.catalog(), pass, pr.arn(), "inline policy `" + i.name() + "` of " + pr.kindName() + " `"
                            + pr.name() + "`", pr.kindName() + "/" + pr.name() + " inline `" + i.name() + "`",
                            i.document(), true, who, out);
                }
            }
        }
        return out;
    }

    private static void scan(Catalog catalog, int pass, String subject, String what, String policyName,
                             PolicyDocument doc, boolean inline, Set<String> holders, List<Finding> out) {
        for (Statement s : doc.statements()) {
            if (s.effect() != Effect.ALLOW || s.action() == null) {
                continue;
            }
            boolean allActions = !s.action().negated() && s.action().patterns().stream()
                    .anyMatch(p -> p.equals("*") || p.equals("*:*"));
            boolean anyResource = s.resource() == null || s.resource().negated()
                    || s.resource().patterns().contains("*");
            if (inline && allActions && anyResource) {
                out.add(finding(FindingCode.INLINE_ADMIN_POLICY, subject, what, policyName, s, holders, "*",
                        "allows every action on every resource").fix("replace the inline policy with a managed policy"
                        + " granting what the principal needs; if it must be an administrator, make that visible with"
                        + " the AdministratorAccess managed policy").build());
            }
            if (s.action().negated()) {
                out.add(finding(FindingCode.ALLOW_NOT_ACTION, subject, what, policyName, s, holders, null,
                        "allows every action but " + s.action().patterns()).fix("list the actions allowed instead;"
                        + " to take actions away from a broad grant, add a Deny statement").build());
            }
            boolean passRole = !allActions && !s.action().negated() && s.action().patterns().stream()
                    .anyMatch(p -> catalog.expand(p).contains(pass));
            if (passRole && anyResource) {
                out.add(finding(FindingCode.PASSROLE_ANY_ROLE, subject, what, policyName, s, holders, "iam:PassRole",
                        "allows iam:PassRole on every role").fix("name the roles that may be passed in Resource, and"
                        + " limit the services with an iam:PassedToService condition").build());
            }
        }
    }

    private static Finding.Builder finding(FindingCode code, String subject, String what, String policyName,
                                           Statement s, Set<String> holders, String action, String grants) {
        String pointer = s.location() == null ? "#" + s.index() : pointerOf(s.location().pointer());
        StatementCite cite = new StatementCite(policyName, s.sid(), s.index(), pointer,
                s.location() == null ? null : s.location().toString(), "identity-based policy", "Allow", action, "*");
        Set<String> keys = new LinkedHashSet<>();
        s.conditions().forEach(cl -> keys.add(cl.key()));
        Finding.Builder b = Finding.of(code, subject).key(subject.equals(policyName) ? pointer : policyName + " " + pointer)
                .title("statement " + s.label() + " of " + what + " " + grants + " (" + Names.count(holders.size(),
                        "holder") + ")")
                .statement(cite).conditionalOn(keys);
        holders.forEach(h -> b.affected(Affected.of(h)));
        return b;
    }

    /** The statement's pointer inside its document: the location's from its last {@code /Statement}. */
    private static String pointerOf(String pointer) {
        int at = pointer.lastIndexOf("/Statement");
        return at < 0 ? pointer : pointer.substring(at);
    }

    /** Who holds each managed policy: the principals it is attached to, and the members of the groups. */
    private static Map<String, Set<String>> holders(ReviewContext c, Map<Group, Set<String>> members) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Account a : c.snapshot().accounts()) {
            for (Principal p : principals(a)) {
                Set<String> who = p instanceof Group g ? members.getOrDefault(g, Set.of()) : Set.of(p.arn());
                for (String arn : p.attachedPolicyArns()) {
                    out.computeIfAbsent(arn, k -> new LinkedHashSet<>()).addAll(who);
                }
            }
        }
        return out;
    }

    private static List<Principal> principals(Account a) {
        List<Principal> out = new ArrayList<>(a.users());
        out.addAll(a.groups());
        out.addAll(a.roles());
        return out;
    }

    /** Each group's members, in the snapshot's order. */
    private static Map<Group, Set<String>> members(ReviewContext c) {
        Map<Group, Set<String>> out = new java.util.HashMap<>();
        for (Account a : c.snapshot().accounts()) {
            for (User u : a.users()) {
                for (Group g : c.index().groupsOf(u)) {
                    out.computeIfAbsent(g, k -> new LinkedHashSet<>()).add(u.arn());
                }
            }
        }
        return out;
    }
}
