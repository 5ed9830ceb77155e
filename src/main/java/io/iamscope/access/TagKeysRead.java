package io.iamscope.access;

import io.iamscope.model.Account;
import io.iamscope.model.Group;
import io.iamscope.model.InlinePolicy;
import io.iamscope.model.ManagedPolicy;
import io.iamscope.model.OrgPolicy;
import io.iamscope.model.PolicyVersion;
import io.iamscope.model.Resource;
import io.iamscope.model.Role;
import io.iamscope.model.Snapshot;
import io.iamscope.model.User;
import io.iamscope.policy.ConditionClause;
import io.iamscope.policy.PatternList;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tag keys the snapshot's policies read, as condition keys or policy variables: the only tags whose change
 * can change a decision. {@code aws:PrincipalTag/KEY} reads the tags of the principal making the request;
 * {@code aws:ResourceTag/KEY} and the services' own forms ({@code ec2:ResourceTag/KEY}, {@code ssm:resourceTag/KEY},
 * {@code ecs:ResourceTag/KEY}, {@code iam:ResourceTag/KEY}) the tags of the resource (IAM User Guide, "AWS global
 * condition context keys"; Service Authorization Reference). Every policy of the snapshot is read: identity
 * policies, every managed policy version, boundaries among them, trust and resource policies, SCPs and RCPs.
 * Immutable.
 */
public final class TagKeysRead {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final String PRINCIPAL_TAG = "aws:principaltag/";
    private static final String RESOURCE_TAG = ":resourcetag/";

    /** Per tag key (lowercase), the key as a policy first wrote it. */
    private final Map<String, String> principalKeys = new LinkedHashMap<>();
    /** Per tag key (lowercase), every condition key naming it ({@code aws:ResourceTag/env}, {@code ssm:resourceTag/env}). */
    private final Map<String, Set<String>> resourceKeys = new LinkedHashMap<>();

    TagKeysRead(Snapshot snapshot) {
        for (PolicyDocument d : documents(snapshot)) {
            for (Statement s : d.statements()) {
                for (ConditionClause c : s.conditions()) {
                    read(c.key());
                    c.values().forEach(this::readVariables);
                }
                patterns(s.resource());
            }
        }
    }

    /** The tag keys that policies read as {@code aws:PrincipalTag/KEY}, as first written, in order. */
    public List<String> principalKeys() {
        return List.copyOf(principalKeys.values());
    }

    /** Whether a policy reads the principal tag (case-insensitive, as condition keys are). */
    public boolean readsPrincipalTag(String key) {
        return principalKeys.containsKey(key.toLowerCase(Locale.ROOT));
    }

    /** The tag keys that policies read as a resource tag, as first written, in order. */
    public List<String> resourceKeys() {
        List<String> out = new ArrayList<>();
        resourceKeys.values().forEach(names -> {
            String first = names.iterator().next();
            out.add(first.substring(first.indexOf('/') + 1));
        });
        return out;
    }

    /** Every condition key through which policies read the resource tag {@code key}. */
    public Set<String> resourceConditionKeys(String key) {
        return resourceKeys.getOrDefault(key.toLowerCase(Locale.ROOT), Set.of());
    }

    private void patterns(PatternList list) {
        if (list != null) {
            list.patterns().forEach(this::readVariables);
        }
    }

    private void readVariables(String text) {
        if (text == null || !text.contains("${")) {
            return;
        }
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            read(m.group(1));
        }
    }

    private void read(String conditionKey) {
        String lower = conditionKey.toLowerCase(Locale.ROOT);
        int slash = lower.indexOf('/');
        if (slash < 0 || slash == lower.length() - 1) {
            return;
        }
        String tag = conditionKey.substring(slash + 1);
        if (lower.startsWith(PRINCIPAL_TAG)) {
            principalKeys.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
        } else if (lower.substring(0, slash + 1).endsWith(RESOURCE_TAG)) {
            resourceKeys.computeIfAbsent(tag.toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>()).add(conditionKey);
        }
    }

    private static List<PolicyDocument> documents(Snapshot snapshot) {
        List<PolicyDocument> out = new ArrayList<>();
        for (Account a : snapshot.accounts()) {
            for (User u : a.users()) {
                u.inlinePolicies().stream().map(InlinePolicy::document).forEach(out::add);
            }
            for (Group g : a.groups()) {
                g.inlinePolicies().stream().map(InlinePolicy::document).forEach(out::add);
            }
            for (Role r : a.roles()) {
                out.add(r.trustPolicy());
                r.inlinePolicies().stream().map(InlinePolicy::document).forEach(out::add);
            }
            for (ManagedPolicy p : a.policies()) {
                p.versions().stream().map(PolicyVersion::document).forEach(out::add);
            }
            a.resources().stream().map(Resource::policy).forEach(out::add);
        }
        if (snapshot.organization() != null) {
            snapshot.organization().policies().stream().map(OrgPolicy::content).forEach(out::add);
        }
        out.removeIf(d -> d == null);
        return out;
    }
}
