package io.iamscope.collect;

import io.iamscope.collect.call.AwsOperation;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.iamscope.collect.AwsStubs.iam;
import static io.iamscope.collect.AwsStubs.json;
import static io.iamscope.collect.AwsStubs.jsonError;
import static io.iamscope.collect.AwsStubs.ok;
import static io.iamscope.collect.AwsStubs.query;
import static io.iamscope.collect.AwsStubs.queryError;
import static io.iamscope.collect.AwsStubs.queryResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.iamscope.model.Gap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --org} and {@code --assume-role-name}: the organizations client over the SDK core, and members. */
class OrganizationCollectTest {
    private static final String MEMBER = "444455556666";
    private static final String ORG = "AWSOrganizationsV20161128.";

    private final AwsStubs aws = new AwsStubs();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static MappingBuilder org(String operation) {
        return json(ORG + operation);
    }

    private CollectResult collect(String assumeRoleName) {
        return aws.collector(new CollectOptions(null, "us-east-1", aws.endpoint(), true, assumeRoleName,
                List.of("us-east-1"), 4)).run();
    }

    private void stubOrganization() {
        aws.stub(org("DescribeOrganization"), ok("{\"Organization\":{\"Id\":\"o-a1b2c3d4e5\",\"MasterAccountId\":\""
                + AwsStubs.ACCOUNT + "\"}}"));
        aws.stub(org("ListRoots"), ok("{\"Roots\":[{\"Id\":\"r-ab12\",\"Name\":\"Root\"}]}"));
        aws.stub(org("ListOrganizationalUnitsForParent"), ok("{\"OrganizationalUnits\":[]}"));
        aws.stub(org("ListOrganizationalUnitsForParent").withRequestBody(containing("\"ParentId\":\"r-ab12\"")),
                ok("{\"OrganizationalUnits\":[{\"Id\":\"ou-ab12-1\",\"Name\":\"Sandbox\"}],\"NextToken\":\"t1\"}"));
        aws.stub(org("ListOrganizationalUnitsForParent").withRequestBody(containing("\"NextToken\":\"t1\"")),
                ok("{\"OrganizationalUnits\":[{\"Id\":\"ou-ab12-2\",\"Name\":\"Workloads\"}]}"));
        aws.stub(org("ListAccountsForParent"), ok("{\"Accounts\":[]}"));
        aws.stub(org("ListAccountsForParent").withRequestBody(containing("\"ParentId\":\"r-ab12\"")),
                ok("{\"Accounts\":[{\"Id\":\"" + AwsStubs.ACCOUNT + "\",\"Name\":\"mgmt\",\"Status\":\"ACTIVE\"}]}"));
        aws.stub(org("ListAccountsForParent").withRequestBody(containing("\"ParentId\":\"ou-ab12-2\"")),
                ok("{\"Accounts\":[{\"Id\":\"" + MEMBER + "\",\"Name\":\"prod\",\"Status\":\"ACTIVE\"}]}"));
        aws.stub(org("ListPolicies").withRequestBody(containing("SERVICE_CONTROL_POLICY")), ok("{\"Policies\":[{"
                + "\"Id\":\"p-FullAWSAccess\",\"Arn\":\"arn:aws:organizations::aws:policy/service_control_policy/"
                + "p-FullAWSAccess\",\"Name\":\"FullAWSAccess\",\"Type\":\"SERVICE_CONTROL_POLICY\","
                + "\"AwsManaged\":true}]}"));
        // RCPs: throttled once, then answered; the retry strategy must absorb it.
        aws.stub(org("ListPolicies").withRequestBody(containing("RESOURCE_CONTROL_POLICY")).inScenario("rcp")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm"),
                jsonError(400, "TooManyRequestsException", "slow down"));
        aws.stub(org("ListPolicies").withRequestBody(containing("RESOURCE_CONTROL_POLICY")).inScenario("rcp")
                .whenScenarioStateIs("calm"), ok("{\"Policies\":[]}"));
        aws.stub(org("DescribePolicy"), ok("{\"Policy\":{\"PolicySummary\":{\"Id\":\"p-FullAWSAccess\"},"
                + "\"Content\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}\"}}"));
        aws.stub(org("ListTargetsForPolicy"), ok("{\"Targets\":[{\"TargetId\":\"r-ab12\",\"Type\":\"ROOT\"}]}"));
        aws.stub(org("ListDelegatedAdministrators"), ok("{\"DelegatedAdministrators\":[{\"Id\":\"" + MEMBER
                + "\",\"Name\":\"prod\",\"Status\":\"ACTIVE\"}],\"NextToken\":\"d1\"}"));
        aws.stub(org("ListDelegatedAdministrators").withRequestBody(containing("\"NextToken\":\"d1\"")),
                ok("{\"DelegatedAdministrators\":[]}"));
    }

    @Test
    void collectsTheTreeAcrossPagesWithPoliciesAndTargets() {
        stubOrganization();
        CollectResult result = collect(null);
        JsonNode org = result.snapshot().get("organization");
        assertEquals("o-a1b2c3d4e5", org.get("id").asText());
        assertEquals(AwsStubs.ACCOUNT, org.get("managementAccountId").asText());
        assertEquals("r-ab12", org.at("/roots/0/Id").asText());
        assertEquals(2, org.get("organizationalUnits").size(), "both pages of OUs");
        assertEquals("r-ab12", org.at("/organizationalUnits/1/ParentId").asText());
        assertEquals("ou-ab12-2", org.at("/accounts/1/ParentId").asText());
        assertEquals("FullAWSAccess", org.at("/policies/0/Name").asText());
        assertTrue(org.at("/policies/0/Content").asText().contains("2012-10-17"));
        assertEquals("r-ab12", org.at("/policies/0/Targets/0").asText());
        assertEquals(1, org.get("delegatedAdministrators").size(), "both pages of delegated administrators");
        assertEquals(MEMBER, org.at("/delegatedAdministrators/0/Id").asText());
        assertEquals(List.of(), result.accounts().get(0).gaps());
        assertEquals(1, result.accounts().size(), "no member collected without --assume-role-name");
        for (AwsStubs.Call c : aws.calls()) {
            assertTrue(AwsOperation.find(c.service(), c.operation()).isPresent(), "unregistered call " + c);
        }
    }

    @Test
    void delegatedAdministratorsThatCannotBeListedAreLeftUnknownWithAGap() {
        stubOrganization();
        aws.stub(org("ListDelegatedAdministrators"), jsonError(400, "AccessDeniedException", "denied"));
        CollectResult result = collect(null);
        JsonNode org = result.snapshot().get("organization");
        assertEquals("o-a1b2c3d4e5", org.get("id").asText(), "the rest of the organization is kept");
        assertFalse(org.has("delegatedAdministrators"), "absent means unknown; an empty list would mean none");
        Gap gap = result.accounts().get(0).gaps().get(0);
        assertEquals("ListDelegatedAdministrators", gap.operation());
        assertEquals("AccessDeniedException", gap.errorCode());
    }

    @Test
    void notInAnOrganizationMeansNoOrganizationAndNoGap() {
        aws.stub(org("DescribeOrganization"), jsonError(400, "AWSOrganizationsNotInUseException", "not in use"));
        CollectResult result = collect(null);
        assertFalse(result.snapshot().has("organization"));
        assertEquals(List.of(), result.accounts().get(0).gaps());
    }

    @Test
    void accessDeniedOnOrganizationsIsAGap() {
        aws.stub(org("DescribeOrganization"), jsonError(400, "AccessDeniedException", "not the management account"));
        CollectResult result = collect(null);
        assertFalse(result.snapshot().has("organization"));
        Gap gap = result.accounts().get(0).gaps().get(0);
        assertEquals("organizations", gap.service());
        assertEquals("DescribeOrganization", gap.operation());
        assertEquals("AccessDeniedException", gap.errorCode());
    }

    @Test
    void collectsAMemberThroughTheAssumedRole() {
        stubOrganization();
        aws.stub(query("AssumeRole").withRequestBody(containing("role%2FAudit")), queryResult("AssumeRole",
                "https://sts.amazonaws.com/doc/2011-06-15/", "<Credentials><AccessKeyId>ASIAMEMBER</AccessKeyId>"
                        + "<SecretAccessKey>member-secret</SecretAccessKey><SessionToken>token</SessionToken>"
                        + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><Arn>"
                        + "arn:aws:sts::" + MEMBER + ":assumed-role/Audit/iamscope-collect</Arn><AssumedRoleId>"
                        + "AROAAUDIT:iamscope-collect</AssumedRoleId></AssumedRoleUser>"));
        aws.stub(query("GetAccountAuthorizationDetails").withHeader("Authorization",
                containing("Credential=ASIAMEMBER/")), iam("GetAccountAuthorizationDetails",
                "<IsTruncated>false</IsTruncated><UserDetailList><member><UserName>member-user</UserName>"
                        + "<Arn>arn:aws:iam::" + MEMBER + ":user/member-user</Arn></member></UserDetailList>"
                        + "<GroupDetailList/><RoleDetailList/><Policies/>"));
        CollectResult result = collect("Audit");
        JsonNode accounts = result.snapshot().get("accounts");
        assertEquals(2, accounts.size());
        assertEquals(MEMBER, accounts.at("/1/accountId").asText());
        assertEquals("member-user", accounts.at("/1/authorizationDetails/UserDetailList/0/UserName").asText());
        assertEquals(0, accounts.at("/0/authorizationDetails/UserDetailList").size());
        assertEquals(0, result.gapCount(), result.accounts().toString());
        assertTrue(aws.calls().stream().anyMatch(c -> c.accessKey().equals("ASIAMEMBER")
                && c.operation().equals("ListKeys")), "regional calls use the member's credentials");
    }

    @Test
    void aRoleThatCannotBeAssumedIsOneGapForThatAccount() {
        stubOrganization();
        aws.stub(query("AssumeRole"), queryError(403, "AccessDenied", "not authorized to perform sts:AssumeRole"));
        CollectResult result = collect("Audit");
        JsonNode member = result.snapshot().at("/accounts/1");
        assertEquals(MEMBER, member.get("accountId").asText());
        assertFalse(member.has("authorizationDetails"), "unknown, not empty");
        assertEquals("AssumeRole", member.at("/gaps/0/operation").asText());
        assertEquals("arn:aws:iam::" + MEMBER + ":role/Audit", member.at("/gaps/0/resource").asText());
    }
}
