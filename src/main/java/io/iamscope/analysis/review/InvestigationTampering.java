package io.iamscope.analysis.review;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.analysis.findings.Affected;
import io.iamscope.analysis.findings.Finding;
import io.iamscope.analysis.findings.FindingCode;
import io.iamscope.analysis.findings.StatementCite;
import io.iamscope.graph.PrincipalNode;
import io.iamscope.model.Account;
import io.iamscope.model.Principal;
import io.iamscope.model.Resource;
import io.iamscope.policy.Arn;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Who can blind an investigation, per account: stop or delete CloudTrail trails, delete CloudWatch log groups,
 * disable GuardDuty, stop AWS Config (the sources an incident responder starts from). Each user and role whose
 * identity policies name one of the actions is asked by the engine, with its boundary and the SCPs of its
 * account (so principals SCPs already restrict are not listed), on the account's resources of that service in
 * the snapshot, else on {@code *} and the resources its Allow statements name. One finding per account and
 * family, with every principal that can and is not an administrator (an administrator can do anything SCPs let
 * it: the finding counts them, and their paths are the escalation findings).
 */
final class InvestigationTampering implements ReviewCheck {
    /** A family of actions and the code its finding has. */
    record Family(FindingCode code, String what, String service, List<String> actions) {
    }

    /** The actions, from each service's API reference (the calls that stop, delete or detach the record). */
    static final List<Family> FAMILIES = List.of(
            new Family(FindingCode.CLOUDTRAIL_CAN_BE_STOPPED, "stop or delete CloudTrail trails", "cloudtrail",
                    List.of("cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail",
                            "cloudtrail:PutEventSelectors")),
            new Family(FindingCode.LOG_GROUPS_CAN_BE_DELETED, "delete CloudWatch log groups", "logs",
                    List.of("logs:DeleteLogGroup", "logs:DeleteLogStream", "logs:PutRetentionPolicy")),
            new Family(FindingCode.GUARDDUTY_CAN_BE_DISABLED, "disable GuardDuty", "guardduty",
                    List.of("guardduty:DeleteDetector", "guardduty:UpdateDetector",
                            "guardduty:DisassociateFromAdministratorAccount", "guardduty:DisassociateFromMasterAccount")),
            new Family(FindingCode.CONFIG_CAN_BE_STOPPED, "stop AWS Config", "config",
                    List.of("config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder",
                            "config:DeleteDeliveryChannel")));

    @Override
    public String name() {
        return "investigation";
    }

    @Override
    public List<Finding> run(ReviewContext c) {
        List<Finding> out = new ArrayList<>();
        for (Account a : c.snapshot().accounts()) {
            List<Principal> principals = new ArrayList<>(a.users());
            a.roles().stream().filter(r -> !r.serviceLinked()).forEach(principals::add);
            // [principal][family]: the first check that allows, or null; administrators are counted, not asked
            Evidence[][] found = new Evidence[principals.size()][FAMILIES.size()];
            boolean[] admin = new boolean[principals.size()];
            AccessChecker checker = c.checker();
            List<List<String>> existing = FAMILIES.stream().map(f -> a.resources().stream()
                    .map(Resource::arn).filter(arn -> f.service().equals(Arn.serviceOf(arn))).toList()).toList();
            IntStream.range(0, principals.size()).parallel().forEach(i -> {
                PrincipalNode node = c.graph().node(principals.get(i).arn()).orElse(null);
                if (node != null && c.adminReach().isAdmin(node)) {
                    admin[i] = true;
                    return;
                }
                Actor actor = checker.actor(c.index().resolvePrincipal(principals.get(i).arn()));
                for (int f = 0; f < FAMILIES.size(); f++) {
                    found[i][f] = first(checker, actor, FAMILIES.get(f), existing.get(f));
                }
            });
            for (int f = 0; f < FAMILIES.size(); f++) {
                Finding finding = finding(a, FAMILIES.get(f), principals, found, admin, f);
                if (finding != null) {
                    out.add(finding);
                }
            }
        }
        return out;
    }

    /** The first allowed action of the family (a definite one if any), or null. */
    private static Evidence first(AccessChecker checker, Actor actor, Family family, List<String> existing) {
        Evidence best = null;
        for (String action : family.actions()) {
            if (!checker.mentions(actor, action)) {
                continue;
            }
            List<Evidence> tries = new ArrayList<>();
            for (String arn : existing) {
                tries.add(checker.check(actor, action, arn));
            }
            tries.add(checker.checkNew(actor, action));
            for (Evidence e : tries) {
                if (e.allows() && !e.conditional()) {
                    return e;
                }
                if (e.allows() && best == null) {
                    best = e;
                }
            }
        }
        return best;
    }

    private static Finding finding(Account a, Family family, List<Principal> principals, Evidence[][] found,
                                   boolean[] admin, int f) {
        List<Affected> who = new ArrayList<>();
        java.util.Map<String, StatementCite> statements = new java.util.LinkedHashMap<>();
        int admins = 0;
        boolean anyDefinite = false;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < principals.size(); i++) {
            admins += admin[i] ? 1 : 0;
            Evidence e = found[i][f];
            if (e == null) {
                continue;
            }
            who.add(new Affected(principals.get(i).arn(), e.conditional(), new ArrayList<>(e.condition().keys()),
                    List.of()));
            anyDefinite |= !e.conditional();
            e.condition().keys().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
            Cites.check(e).grantedBy().forEach(s -> statements.putIfAbsent(s.statementKey(), s));
        }
        if (who.isEmpty()) {
            return null;
        }
        String root = "arn:aws:iam::" + a.accountId() + ":root";
        return Finding.of(family.code(), root).key(family.service())
                .title(Names.count(who.size(), "principal") + " of " + a.label() + " that are not administrators can "
                        + family.what())
                .affected(who).statements(new ArrayList<>(statements.values())).conditional(!anyDefinite)
                .conditionalOn(anyDefinite ? List.of() : keys)
                .fact("actions asked: " + String.join(", ", family.actions()))
                .fact("besides the account's " + Names.count(admins, "administrator") + " (not asked: an administrator can"
                        + " do whatever SCPs let it, and an SCP is the way to stop it)")
                .fix("deny these actions with an SCP (excepting a break-glass role), and take them out of the"
                        + " non-administrators' policies")
                .build();
    }
}
