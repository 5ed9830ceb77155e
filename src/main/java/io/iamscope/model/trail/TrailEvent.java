package io.iamscope.model.trail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One CloudTrail record, with what iamscope reads of it (CloudTrail User Guide, "CloudTrail record contents for
 * management, data, and network activity events").
 *
 * @param source    {@code eventSource}: {@code iam.amazonaws.com}
 * @param name      {@code eventName}: {@code CreateAccessKey}
 * @param errorCode {@code errorCode}, null when the call succeeded
 * @param request   the top-level scalar values of {@code requestParameters} ({@code userName}, {@code policyArn}...)
 * @param resources the ARNs of the record's {@code resources} list and of the request's ARN-valued parameters
 * @param issued    the credentials the call handed out (several instances launched at once), empty when none
 */
public record TrailEvent(Instant time, String source, String name, String region, String sourceIp, String userAgent,
                         String errorCode, TrailIdentity identity, Map<String, String> request, List<String> resources,
                         List<IssuedCredential> issued) {
    public TrailEvent {
        request = Map.copyOf(request);
        resources = List.copyOf(resources);
        issued = List.copyOf(issued);
    }

    /** The credential with a key id the call handed out (a session, a token, a new access key), or null. */
    public IssuedCredential issuedKey() {
        return issued.stream().filter(c -> c.kind() == IssuedCredential.Kind.ACCESS_KEY).findFirst().orElse(null);
    }

    /** The service's short name: {@code iam} for {@code iam.amazonaws.com}. */
    public String service() {
        int dot = source.indexOf('.');
        return dot < 0 ? source : source.substring(0, dot);
    }

    /** The IAM action the call stands for: {@code iam:CreateAccessKey}. */
    public String action() {
        return service() + ":" + name;
    }

    /** Whether the call was refused for lack of permission. */
    public boolean denied() {
        // IAM and most services say AccessDenied (or AccessDeniedException); EC2 says Client.UnauthorizedOperation.
        return errorCode != null && (errorCode.contains("AccessDenied") || errorCode.contains("UnauthorizedOperation"));
    }

    public boolean failed() {
        return errorCode != null;
    }
}
