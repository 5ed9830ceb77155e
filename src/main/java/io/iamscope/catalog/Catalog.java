package io.iamscope.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every AWS service, action, resource type and condition key of the Service Authorization Reference, with
 * actions interned to int ids so that action sets are bitsets. Immutable and thread-safe.
 *
 * <p>Get the bundled catalog with {@link #bundled()} (read once, on first use) and pass it to whatever needs it;
 * nothing else in iamscope reaches for it on its own.
 */
public final class Catalog {
    static final String RESOURCE = "/io/iamscope/catalog/catalog.json.gz";

    private static final int MAX_CACHED_EXPANSIONS = 4096;
    private static volatile Catalog bundled;

    private final CatalogSource source;
    private final List<Service> services;
    private final Map<String, Service> servicesByPrefix = new HashMap<>();
    private final Map<String, Integer> serviceIndexes = new HashMap<>();
    private final Action[] actions;
    private final String[] lowerNames;
    private final Map<String, Integer> idsByName = new HashMap<>();
    private final int[] serviceStart;
    private final List<ConditionKey> globalConditionKeys;
    private final java.util.Set<String> rcpServices;
    private volatile ConditionKeyIndex conditionKeys;
    private final ActionSet all;
    private final ActionSet none;
    private final Map<String, ActionSet> expansions = new ConcurrentHashMap<>();

    Catalog(CatalogSource source, List<Service> services, List<ConditionKey> globalConditionKeys,
            List<String> rcpServices) {
        this.source = source;
        this.services = List.copyOf(services);
        this.globalConditionKeys = List.copyOf(globalConditionKeys);
        this.rcpServices = rcpServices.stream().map(p -> p.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        List<Action> flat = new ArrayList<>();
        serviceStart = new int[services.size() + 1];
        for (int i = 0; i < services.size(); i++) {
            Service s = services.get(i);
            servicesByPrefix.put(s.prefix().toLowerCase(Locale.ROOT), s);
            serviceIndexes.put(s.prefix().toLowerCase(Locale.ROOT), i);
            serviceStart[i] = flat.size();
            flat.addAll(s.actions());
        }
        serviceStart[services.size()] = flat.size();
        actions = flat.toArray(new Action[0]);
        lowerNames = new String[actions.length];
        for (int id = 0; id < actions.length; id++) {
            if (actions[id].id() != id) {
                throw new IllegalArgumentException("action " + actions[id] + " has id " + actions[id].id()
                        + ", expected " + id);
            }
            lowerNames[id] = actions[id].name().toLowerCase(Locale.ROOT);
            idsByName.put(actions[id].fullName().toLowerCase(Locale.ROOT), id);
        }
        all = ActionSet.all(actions.length);
        none = ActionSet.empty(actions.length);
    }

    /** The catalog bundled with iamscope, read on first call. */
    public static Catalog bundled() {
        Catalog c = bundled;
        if (c == null) {
            synchronized (Catalog.class) {
                c = bundled;
                if (c == null) {
                    c = load();
                    bundled = c;
                }
            }
        }
        return c;
    }

    /** Reads the bundled catalog afresh. */
    public static Catalog load() {
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CatalogException("catalog resource `" + RESOURCE + "` is missing from the class path");
            }
            return read(in, RESOURCE);
        } catch (IOException e) {
            throw new CatalogException("catalog `" + RESOURCE + "` could not be read: " + e.getMessage(), e);
        }
    }

    /** Reads a gzip-compressed catalog; {@code origin} names it in error messages. */
    public static Catalog read(InputStream gzipped, String origin) {
        return CatalogReader.read(gzipped, origin);
    }

    public CatalogSource source() {
        return source;
    }

    /** All services, by prefix. */
    public List<Service> services() {
        return services;
    }

    /** The service with this prefix (case-insensitive). */
    public Optional<Service> service(String prefix) {
        return Optional.ofNullable(servicesByPrefix.get(prefix.toLowerCase(Locale.ROOT)));
    }

    /** The number of actions: ids run from 0 to {@code size() - 1}. */
    public int size() {
        return actions.length;
    }

    /** All actions, indexed by id. */
    public List<Action> actions() {
        return Arrays.asList(actions.clone());
    }

    public Action action(int id) {
        return actions[id];
    }

    /** The action named {@code service:Name}, ignoring case; its record has AWS's spelling. */
    public Optional<Action> action(String name) {
        Integer id = idsByName.get(name.toLowerCase(Locale.ROOT));
        return id == null ? Optional.empty() : Optional.of(actions[id]);
    }

    /** The access level of the action named {@code name}. */
    public Optional<AccessLevel> accessLevel(String name) {
        return action(name).map(Action::accessLevel);
    }

    public ActionSet all() {
        return all;
    }

    public ActionSet none() {
        return none;
    }

    /** The actions not in {@code set}: what {@code NotAction} stands for. */
    public ActionSet complement(ActionSet set) {
        return set.complement();
    }

    /**
     * The actions an {@code Action} pattern names: {@code service:action}, each part a case-insensitive glob with
     * {@code *} and {@code ?}, or a lone {@code *} for everything. A pattern without a colon names nothing.
     */
    public ActionSet expand(String pattern) {
        String key = pattern.trim().toLowerCase(Locale.ROOT);
        ActionSet cached = expansions.get(key);
        if (cached != null) {
            return cached;
        }
        ActionSet set = expandUncached(pattern);
        // Policies repeat a few patterns endlessly, and *:List* scans every action; the cap bounds memory.
        if (expansions.size() < MAX_CACHED_EXPANSIONS) {
            expansions.put(key, set);
        }
        return set;
    }

    private ActionSet expandUncached(String pattern) {
        String p = pattern.trim();
        if (p.equals("*")) {
            return all;
        }
        int colon = p.indexOf(':');
        if (colon < 0) {
            return none;
        }
        Wildcard servicePart = Wildcard.of(p.substring(0, colon));
        Wildcard actionPart = Wildcard.of(p.substring(colon + 1));
        ActionSet.Builder b = new ActionSet.Builder(actions.length);
        if (servicePart.isLiteral()) {
            int i = serviceIndex(p.substring(0, colon));
            if (i >= 0) {
                addMatching(b, i, actionPart, p);
            }
        } else {
            for (int i = 0; i < services.size(); i++) {
                if (servicePart.matches(services.get(i).prefix())) {
                    addMatching(b, i, actionPart, p);
                }
            }
        }
        return b.build();
    }

    /** The union of the expansions of {@code patterns}. */
    public ActionSet expandAll(Iterable<String> patterns) {
        ActionSet.Builder b = new ActionSet.Builder(actions.length);
        for (String p : patterns) {
            b.addAll(expand(p));
        }
        return b.build();
    }

    private void addMatching(ActionSet.Builder b, int service, Wildcard actionPart, String pattern) {
        int from = serviceStart[service];
        int to = serviceStart[service + 1];
        if (actionPart.matchesEverything()) {
            b.addRange(from, to);
        } else if (actionPart.isLiteral()) {
            String name = services.get(service).prefix() + pattern.substring(pattern.indexOf(':'));
            Integer id = idsByName.get(name.toLowerCase(Locale.ROOT));
            if (id != null) {
                b.add(id);
            }
        } else {
            for (int id = from; id < to; id++) {
                if (actionPart.matchesLower(lowerNames[id])) {
                    b.add(id);
                }
            }
        }
    }

    private int serviceIndex(String prefix) {
        Integer i = serviceIndexes.get(prefix.toLowerCase(Locale.ROOT));
        return i == null ? -1 : i;
    }

    /**
     * Whether {@code action} can be authorized against the concrete resource {@code arn}: the ARN fits the format
     * of one of the action's resource types. An action without resource types applies only to {@code *}.
     */
    public boolean appliesTo(Action action, String arn) {
        if (action.resources().isEmpty()) {
            return arn.equals("*");
        }
        return !resourceTypesFor(action, arn).isEmpty();
    }

    /** {@link #appliesTo(Action, String)} for an ARN split once to be tested against many actions. */
    public boolean appliesTo(Action action, ArnFormat.Split arn) {
        if (action.resources().isEmpty()) {
            return arn.arn().equals("*");
        }
        for (ActionResource r : action.resources()) {
            if (r.type().matches(arn)) {
                return true;
            }
        }
        return false;
    }

    /** The action's resource types whose ARN format fits {@code arn}. */
    public List<ActionResource> resourceTypesFor(Action action, String arn) {
        List<ActionResource> fitting = new ArrayList<>();
        for (ActionResource r : action.resources()) {
            if (r.type().matches(arn)) {
                fitting.add(r);
            }
        }
        return fitting;
    }

    /**
     * The prefixes (lower case) of the services whose resources resource control policies govern, as the source
     * package lists them (AWS Organizations User Guide: Resource control policies, "List of AWS services that
     * support RCPs"). For any other service an RCP changes nothing.
     */
    public java.util.Set<String> rcpServices() {
        return rcpServices;
    }

    /** Whether RCPs govern the resources of the service with this prefix (any case). */
    public boolean supportsRcps(String prefix) {
        return rcpServices.contains(prefix.toLowerCase(Locale.ROOT));
    }

    /** The global condition keys ({@code aws:*} and the few service keys AWS documents as global). */
    public List<ConditionKey> globalConditionKeys() {
        return globalConditionKeys;
    }

    /** The condition key {@code name} (ignoring case, templates honoured), wherever the catalog lists it. */
    public Optional<ConditionKey> conditionKey(String name) {
        return conditionKeys().find(name);
    }

    /** The names of every condition key the catalog lists (templated keys as templates), for "did you mean". */
    public List<String> conditionKeyNames() {
        return conditionKeys().names();
    }

    /**
     * Whether {@code name} is a condition key AWS documents, ignoring case and honouring templated keys: the
     * catalog's keys, and the keys of any OIDC identity provider ({@link #isWebIdentityKey}), which the
     * Service Authorization Reference cannot list since the provider's name is the customer's.
     */
    public boolean isKnownConditionKey(String name) {
        return conditionKeys().find(name).isPresent() || isWebIdentityKey(name)
                || UNDOCUMENTED_KEYS_AWS_USES.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Keys the Service Authorization Reference (hence the catalog) does not list, but that AWS's own managed
     * policies test, with the policy that does: AWS maintains those policies, so it evaluates the keys, and a user
     * copying such a statement should not be told the key does not exist. Kept by hand, deliberately short: a key
     * joins only with an AWS managed policy that uses it, and leaves when the reference lists it (a test fails
     * then). Keys of retired services (deepracer:...) are not here: they are rightly unknown.
     */
    static final Map<String, String> UNDOCUMENTED_KEYS_AWS_USES = Map.of(
            "aws:principalorgmasteraccountid", "AWSSSOServiceRolePolicy",
            "lakeformation:gluearn", "AmazonDataZoneGlueManageAccessRolePolicy");

    /** The claims IAM offers as keys for any OIDC provider ({@link #isWebIdentityKey}). */
    private static final java.util.Set<String> WEB_IDENTITY_CLAIMS = java.util.Set.of("amr", "aud", "azp", "email",
            "oaud", "sub");

    /**
     * Whether {@code name} is {@code PROVIDER:CLAIM} for an OIDC identity provider: "Available keys for AWS web
     * identity federation" are the provider's name (its URL without {@code https://}, path included, e.g.
     * {@code token.actions.githubusercontent.com} or {@code oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE}) followed
     * by {@code :amr}, {@code :aud}, {@code :azp}, {@code :email}, {@code :oaud} or {@code :sub} (IAM User Guide:
     * IAM and AWS STS condition context keys). The provider is a host name (it has a dot), never a service prefix.
     */
    public static boolean isWebIdentityKey(String name) {
        int colon = name.lastIndexOf(':');
        if (colon <= 0) {
            return false;
        }
        String provider = name.substring(0, colon);
        String claim = name.substring(colon + 1).toLowerCase(Locale.ROOT);
        String host = provider.indexOf('/') < 0 ? provider : provider.substring(0, provider.indexOf('/'));
        return WEB_IDENTITY_CLAIMS.contains(claim) && host.indexOf('.') > 0 && !host.endsWith(".")
                && provider.indexOf(':') < 0 && provider.chars().noneMatch(Character::isWhitespace);
    }

    /** Built on first use: most runs never look up a condition key, and it is a third of the load time. */
    private ConditionKeyIndex conditionKeys() {
        ConditionKeyIndex index = conditionKeys;
        if (index == null) {
            synchronized (this) {
                index = conditionKeys;
                if (index == null) {
                    ConditionKeyIndex built = new ConditionKeyIndex();
                    globalConditionKeys.forEach(built::add);
                    for (Service s : services) {
                        s.conditionKeys().forEach(built::add);
                        for (ResourceType r : s.resourceTypes()) {
                            r.conditionKeys().forEach(k -> built.add(new ConditionKey(k, null)));
                        }
                        for (Action a : s.actions()) {
                            a.conditionKeys().forEach(k -> built.add(new ConditionKey(k, null)));
                        }
                    }
                    index = built;
                    conditionKeys = index;
                }
            }
        }
        return index;
    }
}
