package io.iamscope.analysis.trail;

import java.time.Instant;
import java.util.List;

/**
 * One credential followed: the start's key, or one the attacker's calls handed out.
 *
 * @param identityArn  what its calls were signed as (a session ARN for a role session)
 * @param principalArn the IAM principal behind it
 * @param issuedBy     the credential whose call handed it out, null for a start credential
 * @param calls        calls made with it (in the window)
 * @param denied       of them, refused for lack of permission
 */
public record CredentialUse(String key, String identityArn, String principalArn, String issuedBy, Instant first,
                            Instant last, List<String> sourceIps, List<String> regions, List<String> userAgents,
                            long calls, long denied) {
    public CredentialUse {
        sourceIps = List.copyOf(sourceIps);
        regions = List.copyOf(regions);
        userAgents = List.copyOf(userAgents);
    }
}
