package io.iamscope.eval;

import io.iamscope.catalog.AccessLevel;
import io.iamscope.catalog.Action;
import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import io.iamscope.catalog.Service;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What AWS's services decide outside the policies, so that both engines (the local one and the reference) apply
 * the same facts: which services resource control policies govern (read from the action catalog) and the
 * {@link ServiceRule}s: requests allowed, or denied, whatever the policies say. Immutable and thread-safe;
 * {@link #bundled()} is read once, from the catalog bundled with iamscope.
 *
 * <p><b>Protected resources.</b> A request to change a resource AWS protects is denied, whatever the policies
 * say. Which actions "change" it is read from the catalog: the actions of the resource's service that apply to
 * its resource type with the access level {@code Write} or {@code Permissions management}, but those that do not
 * change an existing one of them (see {@link #NOT_CHANGES}). {@code List}, {@code Read} and {@code Tagging} are
 * not changes here: IAM's TagRole, for one, takes "a regular role or a service-linked role". The resulting sets
 * are pinned by {@code ServiceRulesTest}, so that a catalog refresh that moves an action is noticed.
 */
public final class ServiceRules {
    private static volatile ServiceRules bundled;

    /**
     * Write and Permissions management actions that do not change an existing protected resource of their kind,
     * by kind, with why:
     * <ul>
     *   <li>every kind: iam:PassRole passes a role, it does not change it; iam:CreateRole, iam:CreatePolicy and
     *       iam:CreateServiceLinkedRole create a new resource (IAM's own service-linked role API is how a
     *       service-linked role is created);</li>
     *   <li>service-linked roles: iam:DeleteServiceLinkedRole is the documented way to delete one (IAM submits a
     *       deletion task that fails while the service still uses the role: IAM User Guide, Delete a
     *       service-linked role); iam:UpdateRole and iam:UpdateRoleDescription, because "You can edit the
     *       description of any role from the IAM console, API, or CLI" (Update a service-linked role).</li>
     * </ul>
     */
    static final Map<ServiceRule, Set<String>> NOT_CHANGES = Map.of(
            ServiceRule.SERVICE_LINKED_ROLE, Set.of("iam:PassRole", "iam:CreateRole", "iam:CreateServiceLinkedRole",
                    "iam:DeleteServiceLinkedRole", "iam:UpdateRole", "iam:UpdateRoleDescription"),
            ServiceRule.IDENTITY_CENTER_ROLE, Set.of("iam:PassRole", "iam:CreateRole",
                    "iam:CreateServiceLinkedRole"),
            ServiceRule.AWS_MANAGED_POLICY, Set.of("iam:CreatePolicy"),
            ServiceRule.AWS_MANAGED_KEY_ALIAS, Set.of());

    /**
     * "Operations you can call from only the organization's management account" (AWS Organizations API
     * Reference: API operations by account; each operation's page says so too). CancelHandshake belongs here: only
     * the account that sent a handshake cancels it, and only management accounts send them. The responsibility
     * transfer calls are "an arrangement between two management accounts".
     */
    static final Set<String> ORGANIZATIONS_MANAGEMENT_ONLY = lowerAll("CancelHandshake", "CloseAccount",
            "CreateAccount", "CreateGovCloudAccount", "CreateOrganizationalUnit", "DeleteOrganization",
            "DeleteOrganizationalUnit", "DeleteResourcePolicy", "DeregisterDelegatedAdministrator",
            "DescribeResponsibilityTransfer", "DisableAWSServiceAccess", "EnableAllFeatures", "EnableAWSServiceAccess",
            "InviteAccountToOrganization", "InviteOrganizationToTransferResponsibility",
            "ListInboundResponsibilityTransfers", "ListOutboundResponsibilityTransfers", "MoveAccount",
            "PutResourcePolicy", "RegisterDelegatedAdministrator", "RemoveAccountFromOrganization",
            "TerminateResponsibilityTransfer", "UpdateOrganizationalUnit", "UpdateResponsibilityTransfer");

    /**
     * "Operations you can call from only the organization's management account or a member account designated as
     * a delegated administrator" (same page): the organization's structure and policies, read or managed.
     */
    static final Set<String> ORGANIZATIONS_MANAGEMENT_OR_DELEGATED = lowerAll("AttachPolicy", "CreatePolicy",
            "DeletePolicy", "DescribeAccount", "DescribeCreateAccountStatus", "DescribeOrganizationalUnit",
            "DescribePolicy", "DescribeResourcePolicy", "DetachPolicy", "DisablePolicyType", "EnablePolicyType",
            "ListAccounts", "ListAccountsForParent", "ListAccountsWithInvalidEffectivePolicy",
            "ListAWSServiceAccessForOrganization", "ListChildren", "ListCreateAccountStatus",
            "ListDelegatedAdministrators", "ListDelegatedServicesForAccount", "ListEffectivePolicyValidationErrors",
            "ListHandshakesForOrganization", "ListOrganizationalUnitsForParent", "ListParents", "ListPolicies",
            "ListPoliciesForTarget", "ListRoots", "ListTagsForResource", "ListTargetsForPolicy", "TagResource",
            "UntagResource", "UpdatePolicy");

    /**
     * "Operations you can call from any account in the organization", from a member account only, or before there
     * is one: decided by the policies alone.
     */
    static final Set<String> ORGANIZATIONS_ANY_ACCOUNT = lowerAll("AcceptHandshake", "CreateOrganization",
            "DeclineHandshake", "DescribeEffectivePolicy", "DescribeHandshake", "DescribeOrganization",
            "LeaveOrganization", "ListHandshakesForAccount");

    /** The pseudo-key a decision depends on when the caller's account may or may not be the management account. */
    public static final String MANAGEMENT_ACCOUNT_KEY = "iamscope:ManagementAccount";
    /** The pseudo-key a decision depends on when the caller's account may or may not be a delegated administrator. */
    public static final String DELEGATED_ADMINISTRATOR_KEY = "iamscope:DelegatedAdministrator";

    private static Set<String> lowerAll(String... names) {
        Set<String> out = new java.util.HashSet<>();
        for (String n : names) {
            out.add("organizations:" + n.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }

    private final Set<String> rcpServices;
    /** By protected kind, the lower-case names of the actions that change such a resource. */
    private final Map<ServiceRule, Set<String>> changes = new EnumMap<>(ServiceRule.class);
    private final Set<String> changeAnyKind = new java.util.HashSet<>();
    private final List<ActionSet> actionsApart;

    private ServiceRules(Catalog catalog) {
        this.rcpServices = catalog.rcpServices();
        changes.put(ServiceRule.SERVICE_LINKED_ROLE, changesOf(catalog, "iam", "role", ServiceRule.SERVICE_LINKED_ROLE));
        changes.put(ServiceRule.IDENTITY_CENTER_ROLE, changesOf(catalog, "iam", "role",
                ServiceRule.IDENTITY_CENTER_ROLE));
        changes.put(ServiceRule.AWS_MANAGED_POLICY, changesOf(catalog, "iam", "policy", ServiceRule.AWS_MANAGED_POLICY));
        changes.put(ServiceRule.AWS_MANAGED_KEY_ALIAS, changesOf(catalog, "kms", "alias",
                ServiceRule.AWS_MANAGED_KEY_ALIAS));
        java.util.ArrayList<ActionSet> apart = new java.util.ArrayList<>();
        apart.add(catalog.expand(GET_CALLER_IDENTITY));
        apart.add(catalog.expand(GET_SESSION_TOKEN));
        apart.add(catalog.expandAll(ORGANIZATIONS_MANAGEMENT_ONLY));
        apart.add(catalog.expandAll(ORGANIZATIONS_MANAGEMENT_OR_DELEGATED));
        for (Set<String> set : changes.values()) {
            changeAnyKind.addAll(set);
            apart.add(catalog.expandAll(set));
        }
        this.actionsApart = List.copyOf(apart);
    }

    private static Set<String> changesOf(Catalog catalog, String service, String type, ServiceRule kind) {
        Set<String> out = new TreeSet<>();
        Service s = catalog.service(service).orElse(null);
        if (s == null) {
            return Set.of();
        }
        Set<String> except = NOT_CHANGES.get(kind);
        for (Action a : s.actions()) {
            boolean level = a.accessLevel() == AccessLevel.WRITE || a.accessLevel() == AccessLevel.PERMISSIONS_MANAGEMENT;
            boolean onType = a.resources().stream().anyMatch(r -> r.type().name().equalsIgnoreCase(type));
            if (level && onType && !except.contains(a.fullName())) {
                out.add(a.fullName().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(out);
    }

    /** The rules of the given catalog. */
    public static ServiceRules of(Catalog catalog) {
        return new ServiceRules(catalog);
    }

    /** The rules of the catalog bundled with iamscope (read on first call). */
    public static ServiceRules bundled() {
        ServiceRules r = bundled;
        if (r == null) {
            synchronized (ServiceRules.class) {
                r = bundled;
                if (r == null) {
                    r = new ServiceRules(Catalog.bundled());
                    bundled = r;
                }
            }
        }
        return r;
    }

    /**
     * Whether RCPs govern requests to this service (lower-case prefix, as {@link Request#service()} gives it):
     * "RCPs apply to" the services of AWS's list only (AWS Organizations User Guide: Resource control policies,
     * "List of AWS services that support RCPs"), which the catalog carries from its source package.
     */
    public boolean rcpApplies(String service) {
        return rcpServices.contains(service);
    }

    /**
     * Whether the request is {@code sts:GetCallerIdentity} by a caller with AWS credentials (an IAM user, a role
     * or federated-user session, the root user): "No permissions are required to perform this operation. If an
     * administrator attaches a policy to your identity that explicitly denies access to the
     * sts:GetCallerIdentity action, you can still perform this operation" (AWS STS API Reference:
     * GetCallerIdentity). It is then allowed whatever any policy (SCPs, RCPs and boundaries included) says.
     * Anonymous callers, services and identity providers' users hold no AWS credentials to call it with.
     */
    public boolean alwaysAllowed(Request request) {
        return alwaysAllowedBy(request) != null;
    }

    /**
     * The rule that allows the request whatever the policies say ({@link #alwaysAllowed}), or null. The same for
     * sts:GetSessionToken called with an IAM user's or the root user's long-term credentials
     * ({@link ServiceRule#SESSION_TOKEN_ALWAYS_ALLOWED}).
     */
    public ServiceRule alwaysAllowedBy(Request request) {
        String action = request.action();
        if (action.equalsIgnoreCase(GET_CALLER_IDENTITY)) {
            return request.caller().isIamPrincipal() ? ServiceRule.CALLER_IDENTITY_ALWAYS_ALLOWED : null;
        }
        if (action.equalsIgnoreCase(GET_SESSION_TOKEN)) {
            CallerKind kind = request.caller().kind();
            return kind == CallerKind.USER || kind == CallerKind.ROOT ? ServiceRule.SESSION_TOKEN_ALWAYS_ALLOWED : null;
        }
        return null;
    }

    /**
     * The rule that forbids the request as a change to a resource AWS protects, or null: a service-linked role, a
     * role IAM Identity Center created, an AWS managed policy or an {@code alias/aws/} KMS alias, with an action
     * that changes it (see the class comment). Any caller but the services themselves: the root user cannot change
     * them either. A service principal, or a session of a service-linked role (only its service can assume it:
     * IAM User Guide, Using service-linked roles), is the service acting, which these resources are protected
     * for: IAM Identity Center's own service-linked role, AWSServiceRoleForSSO, is what updates the
     * {@code AWSReservedSSO_} roles, and a service deletes its service-linked role with that role's permissions.
     */
    public ServiceRule protectedChange(Request request) {
        if (request.caller().kind() == CallerKind.SERVICE || request.caller().serviceLinked()) {
            return null;
        }
        String arn = request.resource();
        if (arn.indexOf(":iam:") < 0 && arn.indexOf(":kms:") < 0) {
            return null; // the common case, found in one pass or two
        }
        ServiceRule kind = protectedKind(arn);
        if (kind == null) {
            return null;
        }
        return changes.get(kind).contains(request.action().toLowerCase(Locale.ROOT)) ? kind : null;
    }

    /**
     * The AWS Organizations rule the request is subject to, or null: {@link ServiceRule#ORGANIZATIONS_MANAGEMENT_ACCOUNT}
     * or {@link ServiceRule#ORGANIZATIONS_DELEGATED_ADMINISTRATOR} for an IAM principal (user, session, root)
     * calling one of those operations. Services and other callers are evaluated by their policies alone.
     */
    public ServiceRule organizationsGate(Request request) {
        String action = request.action();
        if (!action.regionMatches(true, 0, "organizations:", 0, ORGANIZATIONS_PREFIX)
                || !request.caller().isIamPrincipal()) {
            return null;
        }
        String lower = action.toLowerCase(Locale.ROOT);
        if (ORGANIZATIONS_MANAGEMENT_ONLY.contains(lower)) {
            return ServiceRule.ORGANIZATIONS_MANAGEMENT_ACCOUNT;
        }
        if (ORGANIZATIONS_MANAGEMENT_OR_DELEGATED.contains(lower)) {
            return ServiceRule.ORGANIZATIONS_DELEGATED_ADMINISTRATOR;
        }
        return null;
    }

    /**
     * When the gate lets the caller's account through: TRUE, FALSE, or a formula over the unknown facts of its
     * {@link OrgStanding} ({@link #managementAtom}, {@link #delegatedAtom}). The management account passes both
     * gates; a delegated administrator passes {@link ServiceRule#ORGANIZATIONS_DELEGATED_ADMINISTRATOR}.
     */
    public static Constraint organizationsPass(ServiceRule gate, Caller caller) {
        OrgStanding s = caller.organization();
        Constraint management = fact(s.management(), managementAtom(caller));
        if (gate == ServiceRule.ORGANIZATIONS_MANAGEMENT_ACCOUNT) {
            return management;
        }
        return Constraint.or(management, fact(s.delegatedAdministrator(), delegatedAtom(caller)));
    }

    private static Constraint fact(Truth t, Constraint.Atom unknown) {
        return switch (t) {
            case TRUE -> Constraint.TRUE;
            case FALSE -> Constraint.FALSE;
            case UNKNOWN -> unknown;
        };
    }

    /** The unknown fact "the caller's account is its organization's management account". */
    public static Constraint.Atom managementAtom(Caller caller) {
        return new Constraint.Atom("the caller's account `" + caller.account() + "` is its organization's"
                + " management account", List.of(MANAGEMENT_ACCOUNT_KEY), null);
    }

    /** The unknown fact "the caller's account is a delegated administrator of its organization". */
    public static Constraint.Atom delegatedAtom(Caller caller) {
        return new Constraint.Atom("the caller's account `" + caller.account() + "` is a delegated administrator"
                + " of its organization", List.of(DELEGATED_ADMINISTRATOR_KEY), null);
    }

    /** Whether the action changes some kind of protected resource (resources then differ by their kind). */
    public boolean changesProtected(String action) {
        return changeAnyKind.contains(action.toLowerCase(Locale.ROOT));
    }

    /** The names (lower case) of the actions that change a protected resource of this kind. */
    public Set<String> changesOf(ServiceRule kind) {
        return changes.getOrDefault(kind, Set.of());
    }

    /**
     * The kind of AWS-protected resource an ARN names, or null. Paths are compared case-sensitively, as ARNs are:
     * {@code role/aws-service-role/...} (service-linked roles: IAM User Guide, Using service-linked roles),
     * {@code role/aws-reserved/sso.amazonaws.com/...} (IAM Identity Center User Guide: Referencing permission
     * sets), {@code arn:PARTITION:iam::aws:policy/...} (AWS managed policies), {@code alias/aws/...} in KMS.
     */
    public static ServiceRule protectedKind(String arn) {
        // Runs for every request on an IAM or KMS resource: components are found with indexOf and compared in
        // place, never split (the engine's hot path allocates nothing for the common, unprotected, case).
        if (!arn.startsWith("arn:")) {
            return null;
        }
        int partition = 3;
        int service = arn.indexOf(':', partition + 1);
        int region = service < 0 ? -1 : arn.indexOf(':', service + 1);
        int account = region < 0 ? -1 : arn.indexOf(':', region + 1);
        int resource = account < 0 ? -1 : arn.indexOf(':', account + 1);
        if (resource < 0) {
            return null;
        }
        if (component(arn, service, region, "iam")) {
            if (arn.startsWith("role/aws-service-role/", resource + 1)) {
                return ServiceRule.SERVICE_LINKED_ROLE;
            }
            if (arn.startsWith("role/aws-reserved/sso.amazonaws.com/", resource + 1)) {
                return ServiceRule.IDENTITY_CENTER_ROLE;
            }
            if (arn.startsWith("policy/", resource + 1) && component(arn, account, resource, "aws")) {
                return ServiceRule.AWS_MANAGED_POLICY;
            }
        } else if (component(arn, service, region, "kms") && arn.startsWith("alias/aws/", resource + 1)) {
            return ServiceRule.AWS_MANAGED_KEY_ALIAS;
        }
        return null;
    }

    /** Whether the text between the colons at {@code from} and {@code to} is {@code value}. */
    private static boolean component(String arn, int from, int to, String value) {
        return to - from - 1 == value.length() && arn.startsWith(value, from + 1);
    }

    /**
     * The sets of actions whose requests these rules decide apart from the other actions of their service, for
     * analyses that decide one action for a class of actions no policy tells apart: no class may straddle one
     * of these sets.
     */
    public List<ActionSet> actionsApart() {
        return actionsApart;
    }

    private static final String GET_CALLER_IDENTITY = "sts:GetCallerIdentity";
    private static final String GET_SESSION_TOKEN = "sts:GetSessionToken";
    private static final int ORGANIZATIONS_PREFIX = "organizations:".length();
}
