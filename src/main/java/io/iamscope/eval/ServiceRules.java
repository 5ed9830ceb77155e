package io.iamscope.eval;

import io.iamscope.catalog.Catalog;
import java.util.Set;

/**
 * What AWS's services decide outside the policies, read from the action catalog so that both engines (the local
 * one and the reference) apply the same facts: which services resource control policies govern. Immutable and
 * thread-safe; {@link #bundled()} is read once, from the catalog bundled with iamscope.
 */
public final class ServiceRules {
    private static volatile ServiceRules bundled;

    private final Set<String> rcpServices;

    private ServiceRules(Catalog catalog) {
        this.rcpServices = catalog.rcpServices();
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
}
