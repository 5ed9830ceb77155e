package io.iamscope.eval.bench;

import io.iamscope.eval.AttachedPolicy;
import io.iamscope.policy.parse.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic policies shaped like a real account's: many services, wildcard actions ({@code s3:Get*},
 * {@code ec2:Describe*}), some NotAction, ARN patterns with wildcards, StringEquals on the principal's team
 * tag and the requested region. A fixed seed keeps every run comparable.
 */
final class BenchPolicies {
    static final String ACCOUNT = "123456789012";
    static final List<String> SERVICES = List.of("s3", "ec2", "iam", "lambda", "dynamodb", "sqs", "sns", "kms",
            "logs", "cloudwatch", "rds", "ecr", "sts", "secretsmanager", "ssm");
    static final List<String> VERBS = List.of("Get", "List", "Describe", "Put", "Create", "Delete", "Update");
    static final List<String> NOUNS = List.of("Object", "Bucket", "Instances", "Role", "Function", "Item", "Queue",
            "Topic", "Key", "LogEvents", "Alarms", "DBInstances", "Repository", "Secret", "Parameter");

    private final Random random;

    BenchPolicies(long seed) {
        this.random = new Random(seed);
    }

    static AttachedPolicy parse(String name, String statementsJson) {
        String doc = "{\"Version\": \"2012-10-17\", \"Statement\": [" + statementsJson + "]}";
        return new AttachedPolicy(name, "arn:aws:iam::" + ACCOUNT + ":policy/" + name, PolicyParser.parse(doc, name));
    }

    /** A managed policy of {@code count} random statements. */
    AttachedPolicy managed(String name, int count) {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statements.add(statement());
        }
        return parse(name, String.join(",", statements));
    }

    private String statement() {
        String effect = random.nextInt(10) == 0 ? "Deny" : "Allow";
        // NotAction only on Allow: a Deny with NotAction and Resource * would deny nearly every request.
        String actionElement = effect.equals("Allow") && random.nextInt(10) == 0 ? "NotAction" : "Action";
        List<String> actions = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            actions.add(actionPattern());
        }
        String resource = random.nextInt(3) == 0 ? "*" : resourcePattern(pick(SERVICES));
        StringBuilder sb = new StringBuilder("{\"Effect\": \"").append(effect).append("\", \"")
                .append(actionElement).append("\": ").append(quoted(actions)).append(", \"Resource\": \"")
                .append(resource).append('"');
        int c = random.nextInt(10);
        if (c < 2) {
            sb.append(", \"Condition\": {\"StringEquals\": {\"aws:PrincipalTag/team\": [\"")
                    .append(pick(List.of("red", "blue", "green"))).append("\"]}}");
        } else if (c < 3) {
            sb.append(", \"Condition\": {\"StringEquals\": {\"aws:RequestedRegion\": [\"us-east-1\", \"eu-west-1\"]}}");
        }
        return sb.append('}').toString();
    }

    private String actionPattern() {
        String service = pick(SERVICES);
        return switch (random.nextInt(4)) {
            case 0 -> service + ":" + pick(VERBS) + "*";
            case 1 -> service + ":" + pick(VERBS) + pick(NOUNS);
            case 2 -> service + ":*";
            default -> service + ":" + pick(List.of("Describe*", "List*", "Get*"));
        };
    }

    /** An ARN pattern (with wildcards) or a concrete ARN for the service. */
    String resourcePattern(String service) {
        int i = random.nextInt(4);
        return switch (service) {
            case "s3" -> "arn:aws:s3:::bucket-" + i + (random.nextBoolean() ? "/*" : "/data/*");
            case "iam" -> "arn:aws:iam::" + ACCOUNT + ":role/" + (random.nextBoolean() ? "app-*" : "app-" + i);
            case "ec2" -> "arn:aws:ec2:*:" + ACCOUNT + ":instance/*";
            default -> "arn:aws:" + service + ":us-east-1:" + ACCOUNT + ":" + service + "-res/" + (random.nextBoolean() ? "*" : "r" + i);
        };
    }

    /** A concrete resource ARN of the service, as a request names it. */
    String resource(String service) {
        int i = random.nextInt(4);
        return switch (service) {
            case "s3" -> "arn:aws:s3:::bucket-" + i + "/data/file-" + random.nextInt(100);
            case "iam" -> "arn:aws:iam::" + ACCOUNT + ":role/app-" + i;
            case "ec2" -> "arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/i-" + i;
            default -> "arn:aws:" + service + ":us-east-1:" + ACCOUNT + ":" + service + "-res/r" + i;
        };
    }

    /** A concrete action name of the service. */
    String action(String service) {
        return service + ":" + pick(VERBS) + pick(NOUNS);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String quoted(List<String> values) {
        return "[\"" + String.join("\", \"", values) + "\"]";
    }
}
