package io.iamscope.analysis;

import io.iamscope.eval.RequestContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who the attacker is, as condition-key defaults: which keys AWS sends with their requests, which it does not
 * (absent), and which iamscope cannot know (unknown: conditions on them make access conditional, never
 * dropped). A user overrides any of them with {@code --context KEY=VALUE} or {@code --unknown KEY}.
 * Keys AWS derives from the snapshot (principal, resource, region from the ARN) are left to the gatherer, and so
 * are the keys of the credential each hop signs with: a profile describes the start; a role session reached on
 * the way carries {@code aws:TokenIssueTime} and {@code aws:MultiFactorAuthPresent} as AWS sets them for
 * temporary credentials (docs/attacker-context.md).
 *
 * @param values  keys with a fixed value for this attacker
 * @param unknown keys whose value cannot be known in advance
 * @param absent  keys AWS does not send for this attacker (documentation only: absent is the default state)
 */
public record AttackerProfile(String name, String description, Map<String, List<String>> values, Set<String> unknown,
                              Set<String> absent) {

    /** Keys an attacker controls or iamscope cannot observe, whatever the profile. */
    private static final Set<String> NETWORK_AND_TIME = Set.of("aws:SourceIp", "aws:SourceVpc", "aws:SourceVpce",
            "aws:VpcSourceIp", "aws:CurrentTime", "aws:EpochTime", "aws:UserAgent", "aws:Referer");

    /**
     * Stolen long-term access keys: AWS sends no MFA keys for requests signed with them (IAM User Guide: AWS
     * global condition context keys, aws:MultiFactorAuthPresent), no token issue time, and the attacker calls
     * AWS directly, not through a service. The attacker picks TLS, so TLS-only policies do not stop them. (The
     * role sessions they obtain carry the token time and MFA {@code false}: the gatherer sets those.)
     */
    public static final AttackerProfile STOLEN_KEYS = new AttackerProfile("stolen-keys",
            "stolen long-term access keys: no MFA, not via an AWS service, source network and time unknown",
            Map.of("aws:ViaAWSService", List.of("false"), "aws:SecureTransport", List.of("true")),
            NETWORK_AND_TIME,
            Set.of("aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge", "aws:TokenIssueTime", "aws:CalledVia"));

    /** A hijacked console session: signed in with MFA, so MFA-gated permissions count (the MFA age is unknown). */
    public static final AttackerProfile CONSOLE_SESSION = new AttackerProfile("console-session",
            "a hijacked console session signed in with MFA: MFA present, its age, source network and time unknown",
            Map.of("aws:ViaAWSService", List.of("false"), "aws:SecureTransport", List.of("true"),
                    "aws:MultiFactorAuthPresent", List.of("true")),
            union(NETWORK_AND_TIME, Set.of("aws:MultiFactorAuthAge", "aws:TokenIssueTime")),
            Set.of("aws:CalledVia"));

    /**
     * A malicious insider: on the corporate network, possibly with MFA. Whether their source address passes an
     * IP condition, and whether they hold MFA, are unknown rather than assumed.
     */
    public static final AttackerProfile INSIDER = new AttackerProfile("insider",
            "an insider on the corporate network: source network, MFA and time unknown",
            Map.of("aws:ViaAWSService", List.of("false"), "aws:SecureTransport", List.of("true")),
            union(NETWORK_AND_TIME, Set.of("aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge",
                    "aws:TokenIssueTime")),
            Set.of("aws:CalledVia"));

    public static final AttackerProfile DEFAULT = STOLEN_KEYS;

    public AttackerProfile {
        values = Map.copyOf(values);
        unknown = Set.copyOf(unknown);
        absent = Set.copyOf(absent);
    }

    public static List<AttackerProfile> all() {
        return List.of(STOLEN_KEYS, CONSOLE_SESSION, INSIDER);
    }

    /** The profile named {@code name}, ignoring case. */
    public static Optional<AttackerProfile> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return all().stream().filter(p -> p.name.equals(wanted)).findFirst();
    }

    /**
     * The request context of this attacker with the user's overrides applied: a value replaces the profile's
     * value or unknown, an unknown replaces the profile's value.
     */
    public RequestContext context(Map<String, List<String>> overrides, List<String> unknownOverrides) {
        RequestContext.Builder b = RequestContext.builder();
        // Sorted so that the context (and so every message naming it) does not depend on map order.
        unknown.stream().sorted().forEach(b::unknown);
        values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.put(e.getKey(), e.getValue()));
        overrides.forEach(b::put);
        unknownOverrides.forEach(b::unknown);
        return b.build();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return out;
    }
}
