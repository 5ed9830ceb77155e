package io.iamscope.model.io.cloudtrail;

import io.iamscope.policy.Arn;
import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.model.trail.IssuedCredential;
import io.iamscope.model.trail.TrailEvent;
import io.iamscope.model.trail.TrailIdentity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One CloudTrail record (a JSON object) to a {@link TrailEvent}. Field names are those of the CloudTrail User
 * Guide, "CloudTrail record contents for management, data, and network activity events", and "CloudTrail
 * userIdentity element".
 */
final class RecordMapper {
    private RecordMapper() {
    }

    /** A record iamscope cannot use: why, in one line. */
    static final class BadRecord extends Exception {
        private static final long serialVersionUID = 1L;

        BadRecord(String message) {
            super(message, null, false, false);
        }
    }

    static TrailEvent map(JsonNode r) throws BadRecord {
        if (!r.isObject()) {
            throw new BadRecord("not a CloudTrail record (a JSON object)");
        }
        String name = required(r, "eventName");
        String source = required(r, "eventSource");
        Instant time;
        try {
            time = Instant.parse(required(r, "eventTime"));
        } catch (DateTimeParseException e) {
            throw new BadRecord("eventTime `" + r.path("eventTime").asText() + "` is not an ISO 8601 time");
        }
        JsonNode u = r.path("userIdentity");
        if (!u.isObject()) {
            throw new BadRecord("no userIdentity");
        }
        String account = text(u, "accountId");
        if (account == null) {
            account = text(r, "recipientAccountId");
        }
        // sessionCredentialFromConsole is "true" (a string) or absent (CloudTrail record contents).
        boolean console = name.equals("ConsoleLogin") || "true".equals(text(r, "sessionCredentialFromConsole"));
        TrailIdentity who = new TrailIdentity(text(u, "type"), text(u, "arn"), account, text(u, "accessKeyId"),
                text(u.path("sessionContext").path("sessionIssuer"), "arn"), console);
        Map<String, String> request = new TreeMap<>();
        List<String> resources = new ArrayList<>();
        r.path("requestParameters").fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                request.put(f.getKey(), f.getValue().asText());
                if (f.getValue().asText().startsWith("arn:")) {
                    resources.add(f.getValue().asText());
                }
            } else if (f.getValue().isObject() && f.getKey().equals("bucketPolicy")) {
                // S3's PutBucketPolicy logs the policy as an object, not as text like IAM's policyDocument: kept as
                // its JSON text, so that the change can be applied to the snapshot.
                request.put(f.getKey(), f.getValue().toString());
            }
        });
        for (JsonNode res : r.path("resources")) {
            String arn = text(res, "ARN");
            if (arn != null && !resources.contains(arn)) {
                resources.add(arn);
            }
        }
        String error = text(r, "errorCode");
        if (error == null && name.equals("ConsoleLogin")
                && "Failure".equals(text(r.path("responseElements"), "ConsoleLogin"))) {
            // A failed sign-in has no errorCode: responseElements.ConsoleLogin is "Failure" and errorMessage says why
            // (CloudTrail User Guide, "AWS Management Console sign-in events").
            error = text(r, "errorMessage") != null ? text(r, "errorMessage") : "Failure";
        }
        return new TrailEvent(time, source, name, text(r, "awsRegion"), text(r, "sourceIPAddress"),
                text(r, "userAgent"), error, who, request, resources,
                error == null ? issued(name, r, who, request) : List.of());
    }

    private static List<IssuedCredential> issued(String name, JsonNode r, TrailIdentity who,
                                                 Map<String, String> request) {
        JsonNode response = r.path("responseElements");
        String key = text(response.path("credentials"), "accessKeyId");
        if (name.startsWith("AssumeRole") && key != null) {
            String session = text(response.path("assumedRoleUser"), "arn");
            String role = request.get("roleArn");
            return List.of(IssuedCredential.key(key, session, role != null ? role : roleOf(session)));
        }
        if (name.equals("GetSessionToken") && key != null) {
            return List.of(IssuedCredential.key(key, who.arn(), who.principalArn()));
        }
        if (name.equals("GetFederationToken") && key != null) {
            return List.of(IssuedCredential.key(key, text(response.path("federatedUser"), "arn"), who.principalArn()));
        }
        if (name.equals("CreateAccessKey")) {
            JsonNode k = response.path("accessKey");
            String id = text(k, "accessKeyId");
            if (id == null) {
                return List.of();
            }
            // Without userName the key is the caller's own (IAM API Reference, CreateAccessKey).
            String arn = userArn(text(k, "userName"), who);
            return List.of(IssuedCredential.key(id, arn, arn));
        }
        if (name.equals("CreateLoginProfile") || name.equals("UpdateLoginProfile")) {
            // The password of userName, or the caller's own without it (IAM API Reference, CreateLoginProfile).
            return List.of(IssuedCredential.consolePassword(userArn(request.get("userName"), who)));
        }
        if (name.equals("RunInstances") || name.equals("AssociateIamInstanceProfile")
                || name.equals("ReplaceIamInstanceProfileAssociation")) {
            return InstanceProfileLaunch.instances(name, r, who);
        }
        return List.of();
    }

    /** A user named by a request ({@code arn:aws:iam::ACCOUNT:user/NAME}: CloudTrail gives no path), else the caller. */
    private static String userArn(String user, TrailIdentity who) {
        return user == null ? who.principalArn() : "arn:aws:iam::" + who.accountId() + ":user/" + user;
    }

    /** {@code arn:aws:sts::1:assumed-role/NAME/SESSION} to {@code arn:aws:iam::1:role/NAME} (the path is not in it). */
    static String roleOf(String sessionArn) {
        if (sessionArn == null || !sessionArn.contains(":assumed-role/")) {
            return sessionArn;
        }
        Arn arn = Arn.parse(sessionArn).orElse(null);
        String[] rest = arn == null ? new String[0] : arn.resource().split("/");
        if (rest.length < 2) {
            return sessionArn;
        }
        return "arn:" + arn.partition() + ":iam::" + arn.account() + ":role/" + rest[1];
    }

    private static String required(JsonNode r, String field) throws BadRecord {
        String v = text(r, field);
        if (v == null) {
            throw new BadRecord("no " + field);
        }
        return v;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isEmpty() ? null : v.asText();
    }
}
