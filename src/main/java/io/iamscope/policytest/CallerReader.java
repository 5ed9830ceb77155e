package io.iamscope.policytest;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.policy.Arn;
import io.iamscope.eval.Caller;
import io.iamscope.eval.CallerKind;
import io.iamscope.eval.OrgStanding;
import io.iamscope.eval.RequestContext;
import io.iamscope.eval.Truth;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a case's {@code principal} into a {@link Caller}, and derives the context keys AWS sets from the
 * caller (IAM User Guide: AWS global condition context keys): {@code aws:PrincipalArn} (the role ARN for a
 * role session), {@code aws:PrincipalAccount}, {@code aws:PrincipalType}, {@code aws:username} (IAM users),
 * {@code aws:userid} (when given) and {@code aws:PrincipalTag/*}.
 */
final class CallerReader {
    private CallerReader() {
    }

    /**
     * The caller; {@code inOrganization} tells whether the case gives SCPs (then the caller's account is in an
     * organization: a member unless {@code managementAccount} says otherwise). Its {@link OrgStanding}:
     * {@code managementAccount} true or false when given, else false in an organization and unknown outside one;
     * {@code delegatedAdministrator} true or false when given, else false for the management account and unknown
     * for any other (no snapshot lists delegated administrators).
     */
    static Caller read(JsonNode p, boolean inOrganization) {
        String type = text(p, "type", "user");
        String arn = text(p, "arn", null);
        String account = text(p, "account", null);
        String parent = text(p, "parentArn", null);
        boolean serviceLinked = p.path("serviceLinked").asBoolean(false);
        Truth management = truth(p, "managementAccount", inOrganization ? Truth.FALSE : Truth.UNKNOWN);
        Truth delegated = truth(p, "delegatedAdministrator",
                management == Truth.TRUE ? Truth.FALSE : Truth.UNKNOWN);
        String canonical = text(p, "canonicalUser", null);
        CallerKind kind;
        if (arn == null && (type.equals("role") || type.equals("assumed-role") || type.equals("federated-user"))) {
            // Their session or parent ARN is made from it, below.
            throw new InvalidCaseException("a principal needs `arn`: /principal/arn");
        }
        switch (type) {
            case "user" -> kind = CallerKind.USER;
            case "role" -> {
                // A role acts only through a session; model one so that "names the role" and "names the
                // session" stay distinguishable.
                kind = CallerKind.ROLE_SESSION;
                parent = arn;
                arn = "arn:" + Arn.partitionOf(arn) + ":sts::" + Arn.accountOf(arn) + ":assumed-role/"
                        + lastSegment(arn) + "/iamscope-test";
            }
            case "assumed-role" -> {
                kind = CallerKind.ROLE_SESSION;
                parent = parent != null ? parent : Arn.roleOfSession(arn);
            }
            case "federated-user" -> {
                kind = CallerKind.FEDERATED_USER;
                parent = parent != null ? parent
                        : "arn:" + Arn.partitionOf(arn) + ":iam::" + Arn.accountOf(arn) + ":user/" + lastSegment(arn);
            }
            case "root" -> kind = CallerKind.ROOT;
            case "service" -> kind = CallerKind.SERVICE;
            case "federated" -> kind = CallerKind.FEDERATED;
            case "anonymous" -> kind = CallerKind.ANONYMOUS;
            default -> throw new InvalidCaseException("`" + type + "` is not a principal type (use user, role,"
                    + " assumed-role, federated-user, root, service, federated or anonymous): /principal/type");
        }
        if (arn == null) {
            if (kind == CallerKind.ANONYMOUS) {
                arn = "anonymous";
            } else if (kind == CallerKind.ROOT && account != null) {
                arn = "arn:aws:iam::" + account + ":root";
            } else {
                throw new InvalidCaseException("a principal needs `arn`: /principal/arn");
            }
        }
        if (account == null && kind != CallerKind.SERVICE && kind != CallerKind.ANONYMOUS
                && kind != CallerKind.FEDERATED) {
            account = Arn.accountOf(arn);
        }
        return new Caller(arn, account, kind, parent, serviceLinked, new OrgStanding(management, delegated), canonical);
    }

    private static Truth truth(JsonNode p, String field, Truth fallback) {
        JsonNode v = p.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new InvalidCaseException("`" + field + "` must be true or false: /principal/" + field);
        }
        return Truth.of(v.booleanValue());
    }

    /** Adds the keys AWS derives from the caller, never overriding what the case gave. */
    static void deriveContext(JsonNode p, Caller caller, RequestContext.Builder context) {
        String principalArn = switch (caller.kind()) {
            case ROLE_SESSION -> caller.parentArn();
            case ROOT -> caller.accountRootArn();
            case USER, FEDERATED_USER -> caller.arn();
            default -> null;
        };
        if (principalArn != null) {
            context.putIfAbsent("aws:PrincipalArn", List.of(principalArn));
        }
        if (caller.account() != null && caller.kind() != CallerKind.FEDERATED) {
            context.putIfAbsent("aws:PrincipalAccount", List.of(caller.account()));
        }
        String principalType = switch (caller.kind()) {
            case USER -> "User";
            case ROLE_SESSION -> "AssumedRole";
            case FEDERATED_USER -> "FederatedUser";
            case ROOT -> "Account";
            case ANONYMOUS -> "Anonymous";
            default -> null;
        };
        if (principalType != null) {
            context.putIfAbsent("aws:PrincipalType", List.of(principalType));
        }
        if (caller.kind() == CallerKind.USER) {
            context.putIfAbsent("aws:username", List.of(lastSegment(caller.arn())));
        }
        String userid = text(p, "userid", null);
        if (userid != null) {
            context.putIfAbsent("aws:userid", List.of(userid));
        }
        JsonNode tags = p.path("tags");
        Iterator<Map.Entry<String, JsonNode>> it = tags.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> tag = it.next();
            context.putIfAbsent("aws:PrincipalTag/" + tag.getKey(), List.of(tag.getValue().asText()));
        }
    }

    private static String lastSegment(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
