package io.iamscope.model.io.planned;

import io.iamscope.model.Resource;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PolicyJson;
import io.iamscope.policy.parse.PolicyParser;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Map;
import java.util.Objects;

/**
 * A resource with its resource-based policy replaced, or with one statement of it put or taken out (Lambda's
 * AddPermission and RemovePermission edit one statement, by its Sid, of the function's policy).
 */
public final class ResourcePolicyEdit {
    private static final JsonProvider JSON = JsonProvider.provider();

    private ResourcePolicyEdit() {
    }

    /**
     * {@code old} with {@code policy} (null: none), or a new resource of that ARN, type and region when the
     * snapshot has none; a new resource's tags are unknown.
     */
    public static Resource withPolicy(Resource old, String arn, String type, String region, PolicyDocument policy) {
        if (old == null) {
            return new Resource(arn, type, region, policy, null, null, null, Map.of());
        }
        return new Resource(old.arn(), old.type(), old.region(), policy, old.roleArn(), old.instanceProfileArn(),
                old.tags(), old.properties());
    }

    /**
     * The key policy AWS gives a key created without one: "gives the AWS account that owns the KMS key full access
     * to the KMS key", and through it to the account's IAM policies (AWS KMS Developer Guide, "Default key policy").
     */
    public static PolicyDocument defaultKeyPolicy(String partition, String account) {
        return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:" + partition + ":iam::" + account + ":root\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}", "the default key policy of account " + account);
    }

    /** The policy with the statement of that Sid replaced by (or added as) the one statement of {@code added}. */
    public static Resource withStatement(Resource old, String arn, String type, String region, String sid,
                                         PolicyDocument added) {
        JsonArrayBuilder statements = kept(old, sid);
        PolicyJson.of(added).getJsonArray("Statement").forEach(statements::add);
        return withPolicy(old, arn, type, region, document(statements, arn));
    }

    /** The policy without the statement of that Sid (none left: no policy). */
    public static Resource withoutStatement(Resource old, String sid) {
        JsonArrayBuilder statements = kept(old, sid);
        var built = statements.build();
        return withPolicy(old, old.arn(), old.type(), old.region(),
                built.isEmpty() ? null : document(JSON.createArrayBuilder(built), old.arn()));
    }

    private static JsonArrayBuilder kept(Resource old, String sid) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        if (old != null && old.policy() != null) {
            for (JsonValue s : PolicyJson.of(old.policy()).getJsonArray("Statement")) {
                if (!Objects.equals(sid, ((JsonObject) s).getString("Sid", null))) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static PolicyDocument document(JsonArrayBuilder statements, String arn) {
        String text = JSON.createObjectBuilder().add("Version", PolicyDocument.VERSION_2012)
                .add("Statement", statements).build().toString();
        return PolicyParser.parse(text, "the planned policy of " + arn);
    }
}
