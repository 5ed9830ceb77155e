package io.iamscope.eval;

import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import java.util.List;
import java.util.Set;

/**
 * What AWS's services decide outside the policies, so that both engines (the local one and the reference) apply
 * the same facts: which services resource control policies govern (read from the action catalog) and the
 * {@link ServiceRule}s: requests allowed whatever the policies say. Immutable and thread-safe; {@link #bundled()}
 * is read once, from the catalog bundled with iamscope.
 */
public final class ServiceRules {
    private static volatile ServiceRules bundled;

    private final Set<String> rcpServices;
    private final List<ActionSet> actionsApart;

    private ServiceRules(Catalog catalog) {
        this.rcpServices = catalog.rcpServices();
        this.actionsApart = List.of(catalog.expand(GET_CALLER_IDENTITY));
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
        String action = request.action();
        return action.length() == GET_CALLER_IDENTITY.length()
                && action.regionMatches(true, 0, GET_CALLER_IDENTITY, 0, GET_CALLER_IDENTITY.length())
                && request.caller().isIamPrincipal();
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
}
