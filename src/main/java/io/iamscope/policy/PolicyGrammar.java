package io.iamscope.policy;

import io.iamscope.policy.ConditionClause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What AWS would refuse in a policy of a given type, beyond what the parser refuses outright: elements a policy
 * type does not support, elements it requires, values its grammar forbids. Each finding is a {@link Diagnostic}
 * with a stable code and the JSON pointer of the offending element; ERROR when AWS rejects the policy (IAM's
 * MalformedPolicyDocument, Organizations' MalformedPolicyDocumentException, an Access Analyzer policy-validation
 * error), WARNING when Access Analyzer only warns. The parser's own diagnostics (unknown elements, malformed ARNs
 * and actions) come first.
 *
 * <p>Sources: IAM User Guide, "IAM JSON policy element reference" (Principal, NotPrincipal, Resource, Sid,
 * Version) and "Grammar of the IAM JSON policy language"; AWS Organizations User Guide, "SCP syntax" and "RCP
 * syntax"; IAM User Guide, "IAM Access Analyzer policy validation check reference". The engine does not use these
 * findings: it evaluates what AWS accepted as AWS evaluates it; a policy AWS would have refused is reported, not
 * guessed at (an analysis warns once per document, {@code iamscope test} skips the case, {@code catalog lint}
 * reports it).
 */
public final class PolicyGrammar {
    /** "The Sid element supports ASCII uppercase letters (A-Z), lowercase letters (a-z), and numbers (0-9)." */
    private static final Pattern IAM_SID = Pattern.compile("[A-Za-z0-9]*");

    private PolicyGrammar() {
    }

    /** The document's diagnostics: the parser's, then what the grammar of {@code type} forbids, in order. */
    public static List<Diagnostic> validate(PolicyDocument doc, PolicyType type) {
        List<Diagnostic> out = new ArrayList<>(doc.diagnostics().size() + 4);
        for (Diagnostic d : doc.diagnostics()) {
            // The parser reads past an element it does not know (the engine ignores it); AWS refuses the document
            // (Access Analyzer: "Invalid policy element").
            out.add(d.code().equals("POLICY_UNKNOWN_ELEMENT") && d.severity() != Diagnostic.Severity.ERROR
                    ? Diagnostic.error(d.code(), d.message(), d.location()) : d);
        }
        version(doc, type, out);
        Map<String, Statement> sids = new HashMap<>();
        for (Statement s : doc.statements()) {
            sid(s, type, sids, out);
            switch (type) {
                case IDENTITY -> identity(s, out);
                case RESOURCE -> resource(s, out);
                case TRUST -> trust(s, out);
                case SCP -> scp(s, out);
                case RCP -> rcp(s, out);
            }
            conditions(s, out);
        }
        return List.copyOf(out);
    }

    /**
     * The type a document most likely is when nobody says: a policy with a Principal is resource-based, and a
     * trust policy when it has no Resource and only STS actions; without a Principal it is identity-based. Service
     * and resource control policies cannot be told from the others: name them.
     */
    public static PolicyType likelyType(PolicyDocument doc) {
        boolean principal = doc.statements().stream().anyMatch(s -> s.principal() != null);
        if (!principal) {
            return PolicyType.IDENTITY;
        }
        boolean trust = doc.statements().stream().allMatch(s -> s.resource() == null && !s.action().negated()
                && s.action().patterns().stream().allMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("sts:")));
        return trust ? PolicyType.TRUST : PolicyType.RESOURCE;
    }

    /** Whether any diagnostic is an ERROR: AWS would not have accepted the document. */
    public static boolean rejected(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    /** "Every SCP must include a Version element"; "Every RCP must include a Version element with the value 2012-10-17". */
    private static void version(PolicyDocument doc, PolicyType type, List<Diagnostic> out) {
        if (type != PolicyType.SCP && type != PolicyType.RCP) {
            return;
        }
        SourceLocation root = rootOf(doc);
        if (doc.version() == null) {
            out.add(Diagnostic.error("MISSING_VERSION", "a " + type.description() + " needs `\"Version\": \"2012-10-17\"`",
                    root));
        } else if (!PolicyDocument.VERSION_2012.equals(doc.version())) {
            out.add(Diagnostic.error("INVALID_VERSION", "a " + type.description() + " must use version `2012-10-17`, not `"
                    + doc.version() + "`", root.child("Version")));
        }
    }

    /** IAM: "the Sid value must be unique within a JSON policy" and holds only letters and digits. */
    private static void sid(Statement s, PolicyType type, Map<String, Statement> seen, List<Diagnostic> out) {
        if (s.sid() == null || (type != PolicyType.IDENTITY && type != PolicyType.TRUST)) {
            return;
        }
        SourceLocation at = s.location().child("Sid");
        if (!IAM_SID.matcher(s.sid()).matches()) {
            out.add(Diagnostic.error("INVALID_SID", "`" + s.sid() + "`: an IAM policy's Sid holds only letters (A-Z,"
                    + " a-z) and digits (0-9)", at));
        }
        if (!s.sid().isEmpty() && seen.putIfAbsent(s.sid(), s) != null) {
            out.add(Diagnostic.error("DUPLICATE_SID", "`" + s.sid() + "` is the Sid of statement "
                    + seen.get(s.sid()).label() + " too: an IAM policy's Sids must be unique", at));
        }
    }

    /**
     * Identity-based policies: no Principal ("you cannot use the Principal element in an identity-based policy":
     * it applies to the identity it is attached to), and a Resource or NotResource is required.
     */
    private static void identity(Statement s, List<Diagnostic> out) {
        principalNotSupported(s, PolicyType.IDENTITY, out);
        if (s.resource() == null || s.resource().patterns().isEmpty()) {
            out.add(Diagnostic.error("MISSING_RESOURCE", "statement " + s.label() + " of an identity-based policy needs"
                    + " `Resource` or `NotResource`", s.resource() == null ? s.location() : s.resource().location()));
        }
    }

    /**
     * Resource-based policies: "You must use the Principal element in resource-based policies"; NotPrincipal
     * "must be used with "Effect":"Deny"".
     */
    private static void resource(Statement s, List<Diagnostic> out) {
        if (s.principal() == null) {
            out.add(Diagnostic.error("MISSING_PRINCIPAL", "statement " + s.label() + " of a resource-based policy needs"
                    + " `Principal` or `NotPrincipal`", s.location()));
        } else if (s.principal().negated() && s.effect() == Effect.ALLOW) {
            out.add(Diagnostic.error("NOTPRINCIPAL_WITH_ALLOW", "`NotPrincipal` must be used with `\"Effect\":"
                    + " \"Deny\"`: with Allow it is not supported", s.principal().location()));
        }
    }

    /**
     * Trust policies: Principal required; "You cannot use the NotPrincipal element in ... an IAM role trust
     * policy"; no Resource (IAM: "Has prohibited field Resource"); their actions are STS's role actions (Access
     * Analyzer warns of others).
     */
    private static void trust(Statement s, List<Diagnostic> out) {
        if (s.principal() == null) {
            out.add(Diagnostic.error("MISSING_PRINCIPAL", "statement " + s.label() + " of a trust policy needs"
                    + " `Principal`", s.location()));
        } else if (s.principal().negated()) {
            out.add(Diagnostic.error("UNSUPPORTED_NOTPRINCIPAL", "`NotPrincipal` is not supported in a role's trust"
                    + " policy", s.principal().location()));
        }
        if (s.resource() != null) {
            out.add(Diagnostic.error("UNSUPPORTED_RESOURCE", "a role's trust policy has no `" + (s.resource().negated()
                    ? "NotResource" : "Resource") + "`: the resource is the role itself", s.resource().location()));
        }
        if (!s.action().negated()) {
            for (String a : s.action().patterns()) {
                String lower = a.toLowerCase(Locale.ROOT);
                if (!lower.equals("*") && !lower.startsWith("sts:")) {
                    out.add(Diagnostic.warning("UNSUPPORTED_TRUST_ACTION", "`" + a + "` is not an action of a role's"
                            + " trust policy (sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity,"
                            + " sts:TagSession, sts:SetSourceIdentity, sts:SetContext)", s.action().location()));
                }
            }
        }
    }

    /** SCPs: no Principal or NotPrincipal ("SCP syntax error principal", Access Analyzer; SCP syntax). */
    private static void scp(Statement s, List<Diagnostic> out) {
        principalNotSupported(s, PolicyType.SCP, out);
    }

    /**
     * RCPs ("RCP syntax"): Principal required and {@code "*"} (narrow with conditions); no NotPrincipal, no
     * NotAction; "The effect of Allow is only supported for the RCPFullAWSAccess policy": an Allow must be
     * exactly {@code "Principal": "*", "Action": "*", "Resource": "*"} with no condition.
     */
    private static void rcp(Statement s, List<Diagnostic> out) {
        if (s.principal() == null) {
            out.add(Diagnostic.error("MISSING_PRINCIPAL", "statement " + s.label() + " of a resource control policy"
                    + " needs `\"Principal\": \"*\"`", s.location()));
        } else if (s.principal().negated()) {
            out.add(Diagnostic.error("UNSUPPORTED_NOTPRINCIPAL", "`NotPrincipal` is not supported in a resource"
                    + " control policy", s.principal().location()));
        } else if (!s.principal().anyone()) {
            out.add(Diagnostic.error("RCP_PRINCIPAL_NOT_ANYONE", "a resource control policy's `Principal` must be"
                    + " `\"*\"`: narrow it with conditions (aws:PrincipalArn, aws:PrincipalOrgID, ...)",
                    s.principal().location()));
        }
        if (s.action().negated()) {
            out.add(Diagnostic.error("UNSUPPORTED_NOTACTION", "`NotAction` is not supported in a resource control"
                    + " policy", s.action().location()));
        }
        if (s.effect() == Effect.ALLOW) {
            boolean everything = !s.action().negated() && s.action().patterns().equals(List.of("*"))
                    && s.resource() != null && !s.resource().negated() && s.resource().patterns().equals(List.of("*"))
                    && s.principal() != null && !s.principal().negated() && s.principal().anyone()
                    && s.conditions().isEmpty();
            if (!everything) {
                out.add(Diagnostic.error("RCP_LIMITED_ALLOW", "statement " + s.label() + ": a resource control"
                        + " policy's Allow can only be RCPFullAWSAccess's (`\"Principal\": \"*\", \"Action\": \"*\","
                        + " \"Resource\": \"*\"`, no condition); restrict with Deny statements", s.location()));
            }
        }
    }

    private static void principalNotSupported(Statement s, PolicyType type, List<Diagnostic> out) {
        if (s.principal() != null) {
            out.add(Diagnostic.error("UNSUPPORTED_PRINCIPAL", "`" + (s.principal().negated() ? "NotPrincipal"
                    : "Principal") + "` is not supported in a " + type.description() + ": it applies to "
                    + (type == PolicyType.SCP ? "the IAM principals of the accounts it is attached to"
                    : "the identity it is attached to"), s.principal().location()));
        }
    }

    /** Condition operators IAM does not know; "Null" has no IfExists form (Access Analyzer: Null with if exists). */
    private static void conditions(Statement s, List<Diagnostic> out) {
        for (ConditionClause c : s.conditions()) {
            if (c.operator().recognized()) {
                continue;
            }
            String written = c.operator().written();
            SourceLocation at = c.location();
            if (written.toLowerCase(Locale.ROOT).replaceFirst("^for(allvalues|anyvalue):", "").equals("nullifexists")) {
                out.add(Diagnostic.error("NULL_WITH_IF_EXISTS", "`" + written + "`: the Null operator has no IfExists"
                        + " form", at));
            } else {
                out.add(Diagnostic.error("INVALID_CONDITION_OPERATOR", "`" + written + "` is not a condition"
                        + " operator", at));
            }
        }
    }

    private static SourceLocation rootOf(PolicyDocument doc) {
        return doc.statements().isEmpty() ? SourceLocation.of(doc.source())
                : parentOfStatements(doc.statements().get(0).location());
    }

    /** The document's root: the statement's location without its {@code /Statement[/i]} steps. */
    private static SourceLocation parentOfStatements(SourceLocation statement) {
        String pointer = statement.pointer();
        int at = pointer.lastIndexOf("/Statement");
        return new SourceLocation(statement.source(), at < 0 ? "" : pointer.substring(0, at));
    }
}
