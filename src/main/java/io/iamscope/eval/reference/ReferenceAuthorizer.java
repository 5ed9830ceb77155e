package io.iamscope.eval.reference;

import io.iamscope.policy.Arn;
import io.iamscope.eval.AttachedPolicy;
import io.iamscope.eval.Authorizer;
import io.iamscope.eval.Caller;
import io.iamscope.eval.CallerKind;
import io.iamscope.eval.Constraint;
import io.iamscope.eval.Decision;
import io.iamscope.eval.Layer;
import io.iamscope.eval.OrgStanding;
import io.iamscope.eval.Outcome;
import io.iamscope.eval.PolicySet;
import io.iamscope.eval.Request;
import io.iamscope.eval.ServiceRule;
import io.iamscope.eval.ServiceRules;
import io.iamscope.eval.Truth;
import io.iamscope.eval.match.PrincipalMatch;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.Effect;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A deliberately naive evaluator, written straight from the IAM User Guide ("Policy evaluation logic", "How
 * AWS enforcement code logic evaluates requests to allow or deny access", "Policy evaluation for requests
 * within a single account", "Cross-account policy evaluation logic"), to test the fast engine against.
 *
 * <p>No index, no cache, nothing compiled ahead: every statement of every policy is read for every request.
 * A test on an unknown key becomes an atom; the decision is computed for every true/false assignment of the
 * atoms ({@link TruthTable}), so three-valued logic is never hand-simplified. Thread-safe (stateless).
 */
public final class ReferenceAuthorizer implements Authorizer {

    /** What AWS decides outside the policies; the services RCPs govern come from the catalog. */
    private final ServiceRules rules;

    /** Actions governed by a role's trust policy (IAM User Guide: Roles terms and concepts, trust policy). */
    private static final Set<String> TRUST_ACTIONS = Set.of("sts:assumerole", "sts:assumerolewithsaml",
            "sts:assumerolewithwebidentity", "sts:tagsession", "sts:setsourceidentity", "sts:setcontext");

    /** The reference with the rules of the bundled catalog. */
    public ReferenceAuthorizer() {
        this(ServiceRules.bundled());
    }

    public ReferenceAuthorizer(ServiceRules rules) {
        this.rules = rules;
    }

    @Override
    public Decision authorize(Request request, PolicySet policies) {
        Caller caller = request.caller();

        // Which policy types apply to this caller ("Policy evaluation logic", policy types).
        boolean identityApplies = caller.hasIdentityPolicies();
        // "Permissions boundaries for IAM entities": a boundary is set on an IAM user or role.
        boolean boundaryApplies = policies.boundary() != null
                && (caller.kind() == CallerKind.USER || caller.kind() == CallerKind.ROLE_SESSION);
        boolean sessionApplies = policies.session() != null && identityApplies;
        // SCPs "don't affect users or roles in the management account" nor "service-linked roles" (AWS
        // Organizations User Guide: Service control policies); they limit IAM principals of member accounts.
        boolean scpApplies = policies.scps() != null && caller.isIamPrincipal() && !caller.serviceLinked()
                && !caller.managementAccount();
        // RCPs do not restrict service-linked roles and govern only the services AWS lists ("RCPs apply to the
        // following AWS services", AWS Organizations User Guide: Resource control policies), as the catalog does.
        boolean rcpApplies = policies.rcps() != null && !caller.serviceLinked()
                && rules.rcpApplies(request.service());

        List<Constraint.Atom> atoms = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        StatementReader reader = new StatementReader(request, boundaryApplies, atoms, errors);
        List<Candidate> candidates = new ArrayList<>();
        if (identityApplies) {
            readAll(reader, policies.identity(), Layer.IDENTITY, -1, candidates);
        }
        if (boundaryApplies) {
            readAll(reader, List.of(policies.boundary()), Layer.BOUNDARY, -1, candidates);
        }
        if (sessionApplies) {
            readAll(reader, policies.session(), Layer.SESSION, -1, candidates);
        }
        int scpLevels = 0;
        if (scpApplies) {
            scpLevels = policies.scps().size();
            for (int i = 0; i < scpLevels; i++) {
                readAll(reader, policies.scps().get(i), Layer.SCP, i, candidates);
            }
        }
        if (rcpApplies) {
            for (int i = 0; i < policies.rcps().size(); i++) {
                readAll(reader, policies.rcps().get(i), Layer.RCP, i, candidates);
            }
        }
        if (policies.resourcePolicy() != null) {
            readAll(reader, List.of(policies.resourcePolicy()), Layer.RESOURCE, -1, candidates);
        }

        ServiceRule always = rules.alwaysAllowedBy(request);
        boolean alwaysAllowed = always != null;
        ServiceRule protectedResource = rules.protectedChange(request);
        OrgGate org = OrgGate.of(rules.organizationsGate(request), caller, atoms);
        Rules documented = new Rules(request, candidates, scpLevels, boundaryApplies, sessionApplies,
                alwaysAllowed, protectedResource != null, org);
        Decision d = TruthTable.decide(atoms, documented::outcome, candidates, errors);
        ServiceRule rule = alwaysAllowed ? always : protectedResource;
        if (rule == null && org != null && !org.alwaysPasses()) {
            rule = org.gate();
        }
        return rule == null ? d : d.withRule(rule);
    }

    /**
     * An AWS Organizations call that "you can call from only the organization's management account" (or also "a
     * member account designated as a delegated administrator"): AWS Organizations API Reference, API operations by
     * account. Each fact of the caller's {@link OrgStanding} is known or an atom of its own.
     *
     * @param management the management fact when known (atom index -1), else its atom's index
     */
    private record OrgGate(ServiceRule gate, Truth management, int managementAtom, Truth delegated,
                           int delegatedAtom) {

        static OrgGate of(ServiceRule gate, Caller caller, List<Constraint.Atom> atoms) {
            if (gate == null) {
                return null;
            }
            OrgStanding s = caller.organization();
            int m = -1;
            if (s.management() == Truth.UNKNOWN) {
                atoms.add(ServiceRules.managementAtom(caller));
                m = atoms.size() - 1;
            }
            int d = -1;
            if (gate == ServiceRule.ORGANIZATIONS_DELEGATED_ADMINISTRATOR && s.delegatedAdministrator() == Truth.UNKNOWN) {
                atoms.add(ServiceRules.delegatedAtom(caller));
                d = atoms.size() - 1;
            }
            return new OrgGate(gate, s.management(), m, s.delegatedAdministrator(), d);
        }

        boolean passes(long world) {
            boolean isManagement = managementAtom >= 0 ? (world >>> managementAtom & 1L) == 1 : management == Truth.TRUE;
            if (gate == ServiceRule.ORGANIZATIONS_MANAGEMENT_ACCOUNT) {
                return isManagement;
            }
            boolean isDelegated = delegatedAtom >= 0 ? (world >>> delegatedAtom & 1L) == 1 : delegated == Truth.TRUE;
            return isManagement || isDelegated;
        }

        boolean alwaysPasses() {
            return management == Truth.TRUE
                    || gate == ServiceRule.ORGANIZATIONS_DELEGATED_ADMINISTRATOR && delegated == Truth.TRUE;
        }
    }

    private static void readAll(StatementReader reader, List<AttachedPolicy> policies, Layer layer, int level,
                                List<Candidate> out) {
        for (AttachedPolicy p : policies) {
            for (Statement s : p.document().statements()) {
                Candidate c = reader.read(p, s, layer, level);
                if (c != null) {
                    out.add(c);
                }
            }
        }
    }

    /** The documented decision for one definite world (every atom true or false). */
    private record Rules(Request request, List<Candidate> candidates, int scpLevels, boolean boundaryApplies,
                         boolean sessionApplies, boolean alwaysAllowed, boolean protectedResource, OrgGate org) {

        Outcome outcome(long world) {
            // GetCallerIdentity: "No permissions are required to perform this operation. If an administrator
            // attaches a policy to your identity that explicitly denies access to the sts:GetCallerIdentity
            // action, you can still perform this operation" (AWS STS API Reference: GetCallerIdentity).
            if (alwaysAllowed) {
                return Outcome.ALLOW;
            }
            // A change to a service-linked role, an Identity Center role, an AWS managed policy or an alias/aws/
            // alias: "Only the service that depends on the service-linked role can modify or delete the role"
            // (IAM API Reference: UnmodifiableEntity); "You cannot change the permissions defined in AWS managed
            // policies" (IAM User Guide); "The alias/aws/ prefix is reserved" (AWS KMS Developer Guide).
            if (protectedResource) {
                return Outcome.EXPLICIT_DENY;
            }
            // Organizations' management calls from another account than the management account (or, for some, a
            // delegated administrator's) are refused, whatever the policies say.
            if (org != null && !org.passes(world)) {
                return Outcome.EXPLICIT_DENY;
            }
            // "Deny evaluation": an applicable Deny statement in any policy type gives a final Deny.
            for (Candidate c : candidates) {
                if (c.effect() == Effect.DENY && c.appliesUnder(world)) {
                    return Outcome.EXPLICIT_DENY;
                }
            }
            // "Organizations SCPs": without an applicable Allow, the final decision is Deny. The SCPs at every
            // level of the hierarchy (root, each OU, the account) must allow (Organizations User Guide: SCP
            // evaluation).
            for (int level = 0; level < scpLevels; level++) {
                if (!allows(Layer.SCP, level, null, world)) {
                    return Outcome.IMPLICIT_DENY;
                }
            }
            // "Organizations RCPs": RCPFullAWSAccess is attached everywhere and cannot be detached, so there is
            // always an Allow; only RCP Denies (above) change a decision.
            return granted(world) ? Outcome.ALLOW : Outcome.IMPLICIT_DENY;
        }

        private boolean granted(long world) {
            Caller caller = request.caller();
            // "all requests are implicitly denied with the exception of the AWS account root user, which has
            // full access" (How AWS enforcement code logic evaluates requests).
            boolean identity = caller.kind() == CallerKind.ROOT || allows(Layer.IDENTITY, -1, null, world);
            boolean boundary = !boundaryApplies || allows(Layer.BOUNDARY, -1, null, world);
            boolean session = !sessionApplies || allows(Layer.SESSION, -1, null, world);
            boolean callerSide = identity && boundary && session;
            boolean namesCaller = allows(Layer.RESOURCE, -1, PrincipalMatch.EXACT, world);
            boolean namesParent = allows(Layer.RESOURCE, -1, PrincipalMatch.PARENT, world);
            boolean namesAccount = allows(Layer.RESOURCE, -1, PrincipalMatch.ACCOUNT, world);

            if (caller.kind() == CallerKind.ANONYMOUS || caller.kind() == CallerKind.SERVICE
                    || caller.kind() == CallerKind.FEDERATED) {
                // No identity-based policies exist for them: only a resource policy naming them can grant.
                return namesCaller;
            }
            if (!request.sameAccount()) {
                // "Cross-account policy evaluation logic": the principal's identity-based policy (within its
                // boundary and session policies) must allow, and the resource-based policy in the trusting
                // account must specify the principal (the account, the role, the user or the session).
                return callerSide && (namesCaller || namesParent || namesAccount);
            }
            // Within one account ("Resource-based policies" in How AWS enforcement code logic evaluates
            // requests): a resource policy naming the user ARN or the assumed-role session ARN grants on its own,
            // "not limited by an implicit deny in an identity-based policy, a permissions boundary, or session
            // policy"; one naming the role ARN is "limited by an implicit deny in a permissions boundary or
            // session policy"; one naming the account delegates to identity-based policies.
            if (namesCaller || namesParent && boundary && session) {
                return true;
            }
            // "IAM role trust policies and KMS key policies are exceptions to this logic, because they must
            // explicitly allow access for principals": naming the account there delegates to IAM policies.
            return mustAllowItself() ? namesAccount && callerSide : callerSide;
        }

        private boolean mustAllowItself() {
            String service = Arn.serviceOf(request.resource());
            String resource = Arn.resourceOf(request.resource());
            if (resource == null) {
                return false;
            }
            boolean trust = "iam".equals(service) && resource.startsWith("role/")
                    && TRUST_ACTIONS.contains(request.action().toLowerCase(Locale.ROOT));
            boolean kmsKey = "kms".equals(service) && resource.startsWith("key/");
            return trust || kmsKey;
        }

        /** Whether an Allow of the layer (at the level; naming the caller as given) applies in this world. */
        private boolean allows(Layer layer, int level, PrincipalMatch how, long world) {
            for (Candidate c : candidates) {
                if (c.layer() == layer && c.effect() == Effect.ALLOW && (level < 0 || c.level() == level)
                        && (how == null || c.principal() == how) && c.appliesUnder(world)) {
                    return true;
                }
            }
            return false;
        }
    }
}
