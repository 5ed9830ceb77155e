package io.iamscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamscope.catalog.Catalog;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The rules services apply outside the policies, as read from the bundled catalog. The action sets are pinned
 * here so that a catalog refresh that changes an access level (and so what counts as a change) is noticed and
 * checked against the AWS pages (ServiceRules' class comment).
 */
class ServiceRulesTest {
    private final ServiceRules rules = ServiceRules.of(Catalog.bundled());

    private static Set<String> lower(String... names) {
        Set<String> out = new TreeSet<>();
        for (String n : names) {
            out.add(n.toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    /**
     * The IAM API Reference lists UnmodifiableEntity for exactly these role operations (plus UpdateRole and
     * UpdateRoleDescription, which the IAM User Guide allows on service-linked roles' descriptions, and the
     * instance-profile ones, whose resource is the instance profile).
     */
    @Test
    void serviceLinkedRoleChanges() {
        assertEquals(lower("iam:AttachRolePolicy", "iam:DeleteRole", "iam:DeleteRolePermissionsBoundary",
                "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy",
                "iam:UpdateAssumeRolePolicy"), new TreeSet<>(rules.changesOf(ServiceRule.SERVICE_LINKED_ROLE)));
    }

    @Test
    void identityCenterRoleChanges() {
        assertEquals(lower("iam:AttachRolePolicy", "iam:DeleteRole", "iam:DeleteRolePermissionsBoundary",
                "iam:DeleteRolePolicy", "iam:DeleteServiceLinkedRole", "iam:DetachRolePolicy",
                "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole",
                "iam:UpdateRoleDescription"), new TreeSet<>(rules.changesOf(ServiceRule.IDENTITY_CENTER_ROLE)));
    }

    @Test
    void awsManagedPolicyAndAliasChanges() {
        assertEquals(lower("iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion",
                "iam:SetDefaultPolicyVersion"), new TreeSet<>(rules.changesOf(ServiceRule.AWS_MANAGED_POLICY)));
        assertEquals(lower("kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"),
                new TreeSet<>(rules.changesOf(ServiceRule.AWS_MANAGED_KEY_ALIAS)));
    }

    /**
     * Every AWS Organizations action of the catalog is placed by the API Reference's "API operations by account"
     * (management account only; management account or delegated administrator; any account): a refresh that
     * brings a new Organizations action fails here until someone reads where AWS lets it be called from.
     */
    @Test
    void everyOrganizationsActionIsPlaced() {
        Catalog catalog = Catalog.bundled();
        Set<String> placed = new TreeSet<>();
        placed.addAll(ServiceRules.ORGANIZATIONS_MANAGEMENT_ONLY);
        placed.addAll(ServiceRules.ORGANIZATIONS_MANAGEMENT_OR_DELEGATED);
        placed.addAll(ServiceRules.ORGANIZATIONS_ANY_ACCOUNT);
        assertEquals(ServiceRules.ORGANIZATIONS_MANAGEMENT_ONLY.size() + ServiceRules.ORGANIZATIONS_MANAGEMENT_OR_DELEGATED.size()
                + ServiceRules.ORGANIZATIONS_ANY_ACCOUNT.size(), placed.size(), "an action is in two lists");
        Set<String> inCatalog = new TreeSet<>();
        catalog.service("organizations").orElseThrow().actions()
                .forEach(a -> inCatalog.add(a.fullName().toLowerCase(java.util.Locale.ROOT)));
        assertEquals(inCatalog, placed);
    }

    @Test
    void protectedKindIsReadOffTheArnCaseSensitively() {
        assertEquals(ServiceRule.SERVICE_LINKED_ROLE, ServiceRules.protectedKind(
                "arn:aws:iam::111122223333:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk"));
        assertEquals(ServiceRule.IDENTITY_CENTER_ROLE, ServiceRules.protectedKind(
                "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef"));
        assertEquals(ServiceRule.AWS_MANAGED_POLICY,
                ServiceRules.protectedKind("arn:aws-us-gov:iam::aws:policy/AdministratorAccess"));
        assertEquals(ServiceRule.AWS_MANAGED_POLICY,
                ServiceRules.protectedKind("arn:aws:iam::aws:policy/service-role/AWSLambdaRole"));
        assertEquals(ServiceRule.AWS_MANAGED_KEY_ALIAS,
                ServiceRules.protectedKind("arn:aws:kms:us-east-1:111122223333:alias/aws/s3"));
        assertNull(ServiceRules.protectedKind("arn:aws:iam::111122223333:role/my-aws-service-role"));
        assertNull(ServiceRules.protectedKind("arn:aws:iam::111122223333:role/AWS-Service-Role/x"));
        assertNull(ServiceRules.protectedKind("arn:aws:iam::111122223333:policy/aws/Custom"));
        assertNull(ServiceRules.protectedKind("arn:aws:kms:us-east-1:111122223333:alias/awsome"));
        assertNull(ServiceRules.protectedKind("arn:aws:kms:us-east-1:111122223333:key/aws/x"));
        assertNull(ServiceRules.protectedKind("*"));
    }

    @Test
    void servicePrincipalsAreNotCustomersPrincipals() {
        String slr = "arn:aws:iam::111122223333:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS";
        Caller service = new Caller("ecs.amazonaws.com", null, CallerKind.SERVICE, null, false, false, null);
        assertNull(rules.protectedChange(new Request(service, "iam:PutRolePolicy", slr, null, null)));
        Caller root = new Caller("arn:aws:iam::111122223333:root", "111122223333", CallerKind.ROOT, null, false,
                false, null);
        assertEquals(ServiceRule.SERVICE_LINKED_ROLE,
                rules.protectedChange(new Request(root, "IAM:putrolepolicy", slr, null, null)));
        Caller ssoService = new Caller("arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForSSO/sso",
                "111122223333", CallerKind.ROLE_SESSION,
                "arn:aws:iam::111122223333:role/aws-service-role/sso.amazonaws.com/AWSServiceRoleForSSO", true, false,
                null);
        assertNull(rules.protectedChange(new Request(ssoService, "iam:PutRolePolicy",
                "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123", null, null)));
        assertTrue(rules.changesProtected("kms:UpdateAlias"));
        assertFalse(rules.changesProtected("iam:PassRole"));
    }
}
