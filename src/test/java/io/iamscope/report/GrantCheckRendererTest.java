package io.iamscope.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.analysis.blast.BlastGrants;
import io.iamscope.analysis.blast.BlastRadius;
import io.iamscope.analysis.verify.GrantCheck;
import io.iamscope.analysis.whocan.WhoCanResult;
import io.iamscope.report.ReportInputs.Input;
import org.junit.jupiter.api.Test;

/**
 * Golden files of the simulator's second opinion ({@code --engine simulator}) under a blast radius and a
 * who-can answer, text and JSON, with hand-built simulator answers (no AWS).
 */
class GrantCheckRendererTest {
    private static final String CUSTOMERS = "arn:aws:s3:::acme-prod-customer-data/exports/customers.csv";

    /** blast-radius's sample of 200 grants (seed 1) of the contractor's report, some refused. */
    @Test
    void textUnderTheContractorsBlastRadius() {
        BlastRadius b = ReportInputs.blastRadius(Input.SAMPLE_ORG, ReportInputs.CONTRACTOR_KEY);
        GrantCheck.Result r = ReportInputs.grantCheck(BlastGrants.of(b), 200,
                (principal, action) -> action.startsWith("s3:Get"), (principal, action) -> action.startsWith("kms:"));
        Golden.check("grant-check-text/sample-org.blast-radius.AKIAZCONTRACTOR7LEAK.txt",
                out -> GrantCheckRenderer.text(r, ReportInputs.calls(r), out));
    }

    /** As BlastRadiusCommand prints it: the check's field added to the report's tree. */
    @Test
    void jsonUnderABlastRadius() {
        BlastRadius b = ReportInputs.blastRadius(Input.SAMPLE_ORG, "payments-processor-lambda");
        GrantCheck.Result r = ReportInputs.grantCheck(BlastGrants.of(b), 200,
                // sns:Subscribe is a definite grant (refused); logs:PutLogEvents a conditional one (not comparable)
                (principal, action) -> action.equals("sns:Subscribe") || action.equals("logs:PutLogEvents"),
                (principal, action) -> action.startsWith("secretsmanager:"));
        Golden.check("grant-check-json/sample-org.blast-radius.payments-processor-lambda.json", out -> {
            ObjectNode more = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            GrantCheckRenderer.json(r, ReportInputs.calls(r), more);
            BlastJsonRenderer.render(b, Bounds.FULL, more, out);
        });
    }

    /** who-can checks every direct answer. */
    @Test
    void textUnderWhoCan() {
        WhoCanResult w = ReportInputs.whoCan(Input.SAMPLE_ORG, "s3:GetObject", CUSTOMERS);
        GrantCheck.Result r = ReportInputs.grantCheck(w.grants(), Integer.MAX_VALUE,
                (principal, action) -> principal.endsWith(":role/acme-deploy"),
                (principal, action) -> principal.startsWith("arn:aws:iam::111111111111:"));
        Golden.check("grant-check-text/sample-org.who-can.get-customer-data.txt",
                out -> GrantCheckRenderer.text(r, ReportInputs.calls(r), out));
    }

    /** As WhoCanCommand prints it. */
    @Test
    void jsonUnderWhoCan() {
        WhoCanResult w = ReportInputs.whoCan(Input.PASS_ROLE, "iam:PassRole", "arn:aws:iam::111111111111:role/svc-role");
        GrantCheck.Result r = ReportInputs.grantCheck(w.grants(), Integer.MAX_VALUE,
                (principal, action) -> false, (principal, action) -> false);
        Golden.check("grant-check-json/ec2-run-instances-pass-role.who-can.pass-svc-role.json", out -> {
            ObjectNode tree = WhoCanJsonRenderer.tree(w);
            GrantCheckRenderer.json(r, ReportInputs.calls(r), tree);
            BlastJsonRenderer.print(tree, out);
        });
    }
}
