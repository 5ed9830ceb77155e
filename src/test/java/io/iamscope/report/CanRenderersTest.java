package io.iamscope.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.eval.Outcome;
import io.iamscope.report.ReportInputs.Can;
import io.iamscope.report.ReportInputs.Input;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Golden files of {@code iamscope can} (text and JSON): the questions of docs/sample-org.md, a root user, a
 * session, a resource outside the snapshot and one behind a collection gap, and one question per technique
 * fixture.
 */
class CanRenderersTest {
    private static final String CUSTOMERS = "arn:aws:s3:::acme-prod-customer-data/exports/customers.csv";

    /** name (of the golden files), input, principal, action, resource, unknown keys. */
    static Stream<Arguments> questions() {
        return Stream.of(
                Arguments.of("contractor-create-policy-version", Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY,
                        "iam:CreatePolicyVersion", "arn:aws:iam::333333333333:policy/contractor-tooling", new String[0]),
                Arguments.of("contractor-get-customers", Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY,
                        "s3:GetObject", CUSTOMERS, new String[0]),
                Arguments.of("acme-deploy-get-customers", Input.SAMPLE_ORG, "acme-deploy", "s3:GetObject", CUSTOMERS,
                        new String[0]),
                Arguments.of("ppatel-stop-logging", Input.SAMPLE_ORG, "admin-ppatel", "cloudtrail:StopLogging",
                        "arn:aws:cloudtrail:us-east-1:333333333333:trail/acme-org-trail", new String[0]),
                Arguments.of("ppatel-run-instances", Input.SAMPLE_ORG, "admin-ppatel", "ec2:RunInstances", "*",
                        new String[0]),
                Arguments.of("mchen-assume-break-glass-mfa-unknown", Input.SAMPLE_ORG, "org-admin-mchen",
                        "sts:AssumeRole", "arn:aws:iam::111111111111:role/break-glass-mgmt",
                        new String[] {"aws:MultiFactorAuthPresent"}),
                Arguments.of("dev-root-get-datalake", Input.SAMPLE_ORG, "arn:aws:iam::333333333333:root",
                        "s3:GetObject", "arn:aws:s3:::acme-dev-datalake/raw/part-0001.parquet", new String[0]),
                Arguments.of("deploy-session-pass-role", Input.SAMPLE_ORG,
                        "arn:aws:sts::222222222222:assumed-role/acme-deploy/release-42", "iam:PassRole",
                        "arn:aws:iam::222222222222:role/orders-api-lambda", new String[0]),
                Arguments.of("mlee-get-unknown-bucket", Input.SAMPLE_ORG, "mlee", "s3:GetObject",
                        "arn:aws:s3:::not-in-the-snapshot/key", new String[0]),
                Arguments.of("ppatel-put-scratch", Input.SAMPLE_ORG, "admin-ppatel", "s3:PutObject",
                        "arn:aws:s3:::acme-dev-scratch/tmp/x", new String[0]),
                Arguments.of("attacker-put-user-policy", Input.PUT_USER_POLICY, ReportInputs.ATTACKER,
                        "iam:PutUserPolicy", ReportInputs.ATTACKER, new String[0]),
                Arguments.of("attacker-pass-role", Input.PASS_ROLE, ReportInputs.ATTACKER, "iam:PassRole",
                        "arn:aws:iam::111111111111:role/svc-role", new String[0]),
                Arguments.of("attacker-run-instances", Input.PASS_ROLE, ReportInputs.ATTACKER, "ec2:RunInstances",
                        "*", new String[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void text(String name, Input input, String principal, String action, String resource, String[] unknown) {
        Can c = ReportInputs.can(input, principal, action, resource, unknown);
        Golden.check("can-text/" + input.id + "." + name + ".txt",
                out -> CanTextRenderer.render(c.gathered(), c.decision(), out));
    }

    /** As CanCommand prints it: the tree with the engine that answered. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void json(String name, Input input, String principal, String action, String resource, String[] unknown) {
        Can c = ReportInputs.can(input, principal, action, resource, unknown);
        Golden.check("can-json/" + input.id + "." + name + ".json", out -> {
            ObjectNode tree = CanJsonRenderer.tree(c.gathered(), c.decision());
            tree.put("engine", "local");
            CanJsonRenderer.print(tree, out);
        });
    }

    /** {@code --engine simulator}: the simulator's answer (hand-built: principal mode, SCPs only as allowed or not). */
    @Test
    void simulatorAnswer() {
        Can c = ReportInputs.can(Input.SAMPLE_ORG, "acme-deploy", "s3:GetObject", CUSTOMERS);
        var simulated = ReportInputs.simulated(Outcome.ALLOW, "acme-deploy-policy");
        Golden.check("can-text/sample-org.acme-deploy-get-customers.simulator.txt",
                out -> CanTextRenderer.render(c.gathered(), simulated, out));
        Golden.check("can-json/sample-org.acme-deploy-get-customers.simulator.json", out -> {
            ObjectNode tree = CanJsonRenderer.tree(c.gathered(), simulated);
            tree.put("engine", "simulator");
            CanJsonRenderer.print(tree, out);
        });
    }

    /** {@link CanJsonRenderer#render} is the tree printed as it is. */
    @Test
    void jsonWithoutEngine() {
        Can c = ReportInputs.can(Input.PUT_USER_POLICY, ReportInputs.ATTACKER, "iam:PutUserPolicy",
                ReportInputs.ATTACKER);
        Golden.check("can-json/iam-put-user-policy.attacker-put-user-policy.render.json",
                out -> CanJsonRenderer.render(c.gathered(), c.decision(), out));
    }
}
