package io.iamscope.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.model.SnapshotIndex;
import io.iamscope.model.io.SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tag keys policies read: as condition keys and as policy variables, in identity, trust and resource policies
 * and SCPs; resource tags in every service's form; request tags are not read tags.
 */
class TagKeysReadTest {
    @TempDir
    Path dir;

    @Test
    void readsConditionKeysAndVariablesEverywhere() throws IOException {
        String identity = """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:PrincipalTag/project}/*",
                   "Condition": {"StringEquals": {"aws:PrincipalTag/Team": "admins", "aws:RequestTag/ignored": "x",
                                                  "aws:ResourceTag/env": "${aws:PrincipalTag/cost-center}"}}}]}""";
        String trust = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
                  "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalTag/TEAM": "x"}}}]}""";
        String bucket = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ssm:SendCommand",
                  "Resource": "*", "Condition": {"StringEquals": {"ssm:resourceTag/Env": "dev"}}}]}""";
        String scp = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*",
                  "Condition": {"StringEquals": {"ec2:ResourceTag/owner": "security"}}}]}""";
        String json = """
                {"format": "iamscope-snapshot", "version": 1,
                 "organization": {"id": "o-test", "managementAccountId": "999999999999", "roots": [{"Id": "r-root", "Name": "Root"}],
                   "organizationalUnits": [], "accounts": [{"Id": "111111111111", "Name": "w", "Email": "w@example.com",
                   "Status": "ACTIVE", "ParentId": "r-root"}],
                   "policies": [{"Id": "p-1", "Arn": "arn:aws:organizations::999999999999:policy/o-test/service_control_policy/p-1",
                     "Name": "guard", "Type": "SERVICE_CONTROL_POLICY", "AwsManaged": false, "Content": %s, "Targets": ["r-root"]}]},
                 "accounts": [{"accountId": "111111111111", "authorizationDetails": {
                   "UserDetailList": [{"UserName": "u", "UserId": "AIDAU", "Arn": "arn:aws:iam::111111111111:user/u", "Path": "/",
                     "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": %s}]}],
                   "GroupDetailList": [], "Policies": [],
                   "RoleDetailList": [{"RoleName": "r", "RoleId": "AROAR", "Arn": "arn:aws:iam::111111111111:role/r", "Path": "/",
                     "AssumeRolePolicyDocument": %s}]},
                  "resources": [{"arn": "arn:aws:s3:::b", "type": "AWS::S3::Bucket", "policy": %s, "tags": {}}]}]}
                """.formatted(scp, identity, trust, bucket);
        Path file = dir.resolve("snapshot.json");
        Files.writeString(file, json);
        TagKeysRead read = new Inventory(new SnapshotIndex(SnapshotReader.read(file).snapshot())).tagKeysRead();

        assertEquals(List.of("Team", "cost-center", "project"), read.principalKeys());
        assertTrue(read.readsPrincipalTag("team"));
        assertEquals(List.of("env", "owner"), read.resourceKeys());
        assertEquals(Set.of("aws:ResourceTag/env", "ssm:resourceTag/Env"), read.resourceConditionKeys("ENV"));
        assertEquals(Set.of("ec2:ResourceTag/owner"), read.resourceConditionKeys("owner"));
        assertEquals(Set.of(), read.resourceConditionKeys("ignored"));
    }
}
