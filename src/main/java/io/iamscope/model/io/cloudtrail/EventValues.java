package io.iamscope.model.io.cloudtrail;

import io.iamscope.model.io.planned.IamApplier;
import io.iamscope.model.io.planned.UnknownDocument;
import io.iamscope.model.trail.TrailEvent;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PolicyParseException;
import io.iamscope.policy.parse.PolicyParser;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The values of one logged change as the overlay needs them: its source (the call and its time, which the report
 * shows), its request parameters, and the policy documents it carries. A document the record does not carry in
 * full (left out, empty, cut short: CloudTrail truncates large request parameters) stands for what it could hold at
 * most, conditional on a key named after the call ({@link UnknownDocument}), never for "no change".
 */
final class EventValues {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final TrailEvent event;
    private final IamApplier to;

    EventValues(TrailEvent event, IamApplier to) {
        this.event = event;
        this.to = to;
    }

    /** {@code CreatePolicyVersion at 2026-11-27T21:55:00Z}: what the report names the change by. */
    String source() {
        return source(event);
    }

    static String source(TrailEvent e) {
        return e.name() + " at " + e.time();
    }

    /** The request parameter, null when the record leaves it out or empty. */
    String text(String parameter) {
        String v = event.request().get(parameter);
        return v == null || v.isEmpty() ? null : v;
    }

    boolean flag(String parameter) {
        return "true".equalsIgnoreCase(text(parameter));
    }

    /**
     * The policy document of that parameter: parsed (IAM logs it as JSON text, URL-encoded in some records;
     * {@link PolicyParser} reads both), or, when the record does not carry it whole, the document of that kind
     * conditional on {@code cloudtrail:EVENT.TIME.PARAMETER}, which the analysis declares unknown.
     */
    PolicyDocument document(String parameter, UnknownDocument kind) {
        String text = text(parameter);
        if (text != null) {
            try {
                return PolicyParser.parse(text, source() + " requestParameters." + parameter);
            } catch (PolicyParseException e) {
                to.warn(source() + ": requestParameters." + parameter + " is not a whole policy document ("
                        + e.code() + "): taken as unknown");
            }
        } else {
            to.warn(source() + ": the record does not carry requestParameters." + parameter
                    + ": taken as unknown");
        }
        return unknown(parameter, kind);
    }

    /** The document of that kind conditional on {@code cloudtrail:EVENT.TIME.PARAMETER}, declared unknown. */
    PolicyDocument unknown(String parameter, UnknownDocument kind) {
        String key = "cloudtrail:" + event.name() + "." + STAMP.format(event.time()) + "." + parameter;
        to.unknownKey(key);
        return PolicyParser.parse(kind.json(key, "not in the log"), source());
    }

    /** An IAM ARN of the account changed: {@code arn:aws:iam::ACCOUNT:KIND/PATH/NAME}. */
    String iamArn(String kind, String path, String name) {
        return "arn:" + to.partition() + ":iam::" + to.accountId() + ":" + kind + path + name;
    }

    /** A path as IAM writes it: {@code /} when none was given. */
    String path() {
        String p = text("path");
        return p == null ? "/" : p;
    }

    String region() {
        return event.region() == null ? "us-east-1" : event.region();
    }
}
