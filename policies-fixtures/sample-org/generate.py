#!/usr/bin/env python3
"""Generates snapshot.json, the bundled sample organization (see docs/sample-org.md).

Deterministic: unique ids are derived from names. Run from this directory: python3 generate.py
"""
import base64
import hashlib
import json

ORG = "o-acme123456"
ROOT = "r-acme"
MGMT, PROD, DEV = "111111111111", "222222222222", "333333333333"
V = "2012-10-17"


def uid(prefix, name):
    digest = hashlib.sha256(name.encode()).digest()
    return prefix + base64.b32encode(digest).decode()[:16]


def doc(*statements):
    return {"Version": V, "Statement": list(statements)}


def allow(action, resource="*", sid=None, **extra):
    s = {"Effect": "Allow", "Action": action, "Resource": resource}
    if sid:
        s = {"Sid": sid, **s}
    s.update(extra)
    return s


def deny(action, resource="*", sid=None, **extra):
    s = allow(action, resource, sid, **extra)
    s["Effect"] = "Deny"
    return s


def aws_policy(name, document, path="/"):
    return managed(f"arn:aws:iam::aws:policy{path}{name}", name, [document], path=path)


def managed(arn, name, versions, path="/", default=None):
    n = len(versions)
    default = default or f"v{n}"
    return {
        "PolicyName": name, "PolicyId": uid("ANPA", arn), "Arn": arn, "Path": path,
        "DefaultVersionId": default, "AttachmentCount": 1, "IsAttachable": True,
        "CreateDate": "2024-03-01T10:00:00Z", "UpdateDate": "2025-06-01T10:00:00Z",
        "PolicyVersionList": [
            {"Document": d, "VersionId": f"v{i + 1}", "IsDefaultVersion": f"v{i + 1}" == default,
             "CreateDate": "2024-03-01T10:00:00Z"} for i, d in enumerate(versions)],
    }


def trust(principal, action="sts:AssumeRole", condition=None, sid=None):
    s = {"Effect": "Allow", "Principal": principal, "Action": action}
    if sid:
        s = {"Sid": sid, **s}
    if condition:
        s["Condition"] = condition
    return doc(s)


ADMIN = aws_policy("AdministratorAccess", doc(allow("*")))
READONLY = aws_policy("ReadOnlyAccess", doc(allow(["s3:Get*", "s3:List*", "ec2:Describe*", "iam:Get*", "iam:List*",
                                                    "lambda:Get*", "lambda:List*", "logs:Describe*", "kms:Describe*",
                                                    "sqs:Get*", "sns:Get*", "cloudtrail:Describe*",
                                                    "cloudtrail:Get*"])))
SECURITY_AUDIT = aws_policy("SecurityAudit", doc(allow(["iam:GenerateCredentialReport", "iam:Get*", "iam:List*",
                                                        "organizations:Describe*", "organizations:List*",
                                                        "cloudtrail:DescribeTrails", "cloudtrail:GetEventSelectors",
                                                        "s3:GetBucketPolicy", "s3:ListAllMyBuckets",
                                                        "kms:GetKeyPolicy", "kms:ListKeys"])))
LAMBDA_BASIC = aws_policy("AWSLambdaBasicExecutionRole", doc(allow(
    ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"])), path="/service-role/")
SSM_CORE = aws_policy("AmazonSSMManagedInstanceCore", doc(allow(
    ["ssm:UpdateInstanceInformation", "ssmmessages:*", "ec2messages:*"])))
ORGS_SLR = aws_policy("AWSOrganizationsServiceTrustPolicy", doc(allow(["iam:DeleteRole"],
                      "arn:aws:iam::*:role/aws-service-role/organizations.amazonaws.com/*")), path="/aws-service-role/")
RDS_SLR = aws_policy("AmazonRDSServiceRolePolicy", doc(allow(["ec2:Describe*", "ec2:CreateNetworkInterface",
                                                              "ec2:DeleteNetworkInterface"])), path="/aws-service-role/")
ASG_SLR = aws_policy("AutoScalingServiceRolePolicy", doc(allow(["ec2:RunInstances", "ec2:TerminateInstances",
                                                                "ec2:Describe*", "iam:PassRole"])),
                     path="/aws-service-role/")
AWS_POLICIES = [ADMIN, READONLY, SECURITY_AUDIT, LAMBDA_BASIC, SSM_CORE, ORGS_SLR, RDS_SLR, ASG_SLR]


class Account:
    def __init__(self, account_id, alias):
        self.id, self.alias = account_id, alias
        self.users, self.groups, self.roles, self.policies = [], [], [], []
        self.keys, self.idps, self.resources, self.gaps = [], [], [], []

    def arn(self, kind, name, path="/"):
        return f"arn:aws:iam::{self.id}:{kind}{path}{name}"

    def policy(self, name, *versions, default=None):
        arn = f"arn:aws:iam::{self.id}:policy/{name}"
        self.policies.append(managed(arn, name, list(versions), default=default))
        return arn

    def user(self, name, groups=(), inline=None, attached=(), boundary=None, tags=None, path="/"):
        u = {"Path": path, "UserName": name, "UserId": uid("AIDA", self.id + name), "Arn": self.arn("user", name, path),
             "CreateDate": "2024-05-01T09:00:00Z", "GroupList": list(groups),
             "UserPolicyList": [{"PolicyName": k, "PolicyDocument": v} for k, v in (inline or {}).items()],
             "AttachedManagedPolicies": [{"PolicyName": a.rsplit("/", 1)[1], "PolicyArn": a} for a in attached],
             "Tags": [{"Key": k, "Value": v} for k, v in (tags or {}).items()]}
        if boundary:
            u["PermissionsBoundary"] = {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": boundary}
        self.users.append(u)

    def group(self, name, inline=None, attached=()):
        self.groups.append({"Path": "/", "GroupName": name, "GroupId": uid("AGPA", self.id + name),
                            "Arn": self.arn("group", name), "CreateDate": "2024-04-01T09:00:00Z",
                            "GroupPolicyList": [{"PolicyName": k, "PolicyDocument": v}
                                                for k, v in (inline or {}).items()],
                            "AttachedManagedPolicies": [{"PolicyName": a.rsplit("/", 1)[1], "PolicyArn": a}
                                                        for a in attached]})

    def role(self, name, trust_doc, inline=None, attached=(), boundary=None, path="/", tags=None, profile=None,
             last_used=None):
        arn = self.arn("role", name, path)
        r = {"Path": path, "RoleName": name, "RoleId": uid("AROA", self.id + name), "Arn": arn,
             "CreateDate": "2024-04-15T09:00:00Z", "AssumeRolePolicyDocument": trust_doc,
             "InstanceProfileList": [], "RolePolicyList": [{"PolicyName": k, "PolicyDocument": v}
                                                           for k, v in (inline or {}).items()],
             "AttachedManagedPolicies": [{"PolicyName": a.rsplit("/", 1)[1], "PolicyArn": a} for a in attached],
             "Tags": [{"Key": k, "Value": v} for k, v in (tags or {}).items()],
             "RoleLastUsed": {"LastUsedDate": last_used, "Region": "us-east-1"} if last_used else {}}
        if boundary:
            r["PermissionsBoundary"] = {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": boundary}
        if profile:
            r["InstanceProfileList"].append({"Path": "/", "InstanceProfileName": profile,
                                             "InstanceProfileId": uid("AIPA", self.id + profile),
                                             "Arn": self.arn("instance-profile", profile),
                                             "Roles": [{"RoleName": name, "Arn": arn, "Path": path}]})
        self.roles.append(r)
        return arn

    def slr(self, service, name, policy):
        return self.role(name, trust({"Service": service}), attached=[policy["Arn"]],
                         path=f"/aws-service-role/{service}/")

    def key(self, key_id, user, created, last_used=None, service=None, status="Active"):
        self.keys.append({"AccessKeyId": key_id, "UserName": user, "Status": status, "CreateDate": created,
                          "LastUsedDate": last_used, "LastUsedService": service,
                          "LastUsedRegion": "us-east-1" if last_used else None})

    def resource(self, arn, rtype, policy=None, region="us-east-1", tags=None, **extra):
        r = {"arn": arn, "type": rtype, "region": region, "policy": policy, "tags": tags or {}}
        r.update(extra)
        self.resources.append(r)

    def to_json(self, used_aws):
        return {"accountId": self.id, "alias": self.alias,
                "authorizationDetails": {"UserDetailList": self.users, "GroupDetailList": self.groups,
                                         "RoleDetailList": self.roles,
                                         "Policies": self.policies + [p for p in AWS_POLICIES
                                                                      if p["Arn"] in used_aws]},
                "accessKeys": self.keys, "identityProviders": self.idps, "resources": self.resources,
                "gaps": self.gaps}


def attached_arns(acct):
    out = set()
    for p in acct.users + acct.groups + acct.roles:
        out.update(a["PolicyArn"] for a in p["AttachedManagedPolicies"])
        if "PermissionsBoundary" in p:
            out.add(p["PermissionsBoundary"]["PermissionsBoundaryArn"])
    return out


def in_org():
    return {"StringEquals": {"aws:PrincipalOrgID": ORG}}


# ---------------------------------------------------------------- acme-mgmt (management account)
mgmt = Account(MGMT, "acme-mgmt")
mgmt.group("org-admins", attached=[ADMIN["Arn"]])
mgmt.group("billing", inline={"billing-access": doc(allow(["aws-portal:*", "ce:*", "budgets:*", "cur:*"]))})
mgmt.user("org-admin-mchen", groups=["org-admins"], tags={"team": "platform"})
mgmt.user("billing-lgarcia", groups=["billing"], tags={"team": "finance"})
mgmt.user("security-auditor-nroy", attached=[SECURITY_AUDIT["Arn"]],
          inline={"assume-audit-roles": doc(allow("sts:AssumeRole", "arn:aws:iam::*:role/security-audit"))},
          tags={"team": "security"})
mgmt.role("security-audit-hub", trust({"AWS": mgmt.arn("user", "security-auditor-nroy")}),
          attached=[SECURITY_AUDIT["Arn"]],
          inline={"fan-out": doc(allow("sts:AssumeRole", "arn:aws:iam::*:role/security-audit"))})
mgmt.role("break-glass-mgmt", trust({"AWS": f"arn:aws:iam::{MGMT}:root"},
                                    condition={"Bool": {"aws:MultiFactorAuthPresent": "true"}}),
          attached=[ADMIN["Arn"]], tags={"purpose": "break-glass"})
mgmt.slr("organizations.amazonaws.com", "AWSServiceRoleForOrganizations", ORGS_SLR)
mgmt.key("AKIAMGMTORGADMIN0001", "org-admin-mchen", "2025-09-01T08:00:00Z", "2026-11-20T17:02:00Z", "organizations")
mgmt.resource("arn:aws:s3:::acme-org-cloudtrail-logs", "AWS::S3::Bucket", doc(
    allow("s3:GetBucketAcl", "arn:aws:s3:::acme-org-cloudtrail-logs", "AWSCloudTrailAclCheck",
          Principal={"Service": "cloudtrail.amazonaws.com"}),
    allow("s3:PutObject", f"arn:aws:s3:::acme-org-cloudtrail-logs/AWSLogs/{ORG}/*", "AWSCloudTrailWrite",
          Principal={"Service": "cloudtrail.amazonaws.com"},
          Condition={"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}),
    deny("s3:DeleteObject", "arn:aws:s3:::acme-org-cloudtrail-logs/*", "NoLogDeletion", Principal="*")),
    tags={"purpose": "audit"}, properties={"PublicAccessBlock": {"BlockPublicPolicy": True}})
mgmt.resource(f"arn:aws:cloudtrail:us-east-1:{MGMT}:trail/acme-org-trail", "AWS::CloudTrail::Trail")

# ---------------------------------------------------------------- acme-prod
prod = Account(PROD, "acme-prod")
prod_boundary = prod.policy("prod-workload-boundary", doc(
    allow(["s3:*", "sqs:*", "sns:*", "logs:*", "kms:Decrypt", "kms:GenerateDataKey", "secretsmanager:GetSecretValue",
           "dynamodb:*"], sid="WorkloadServices"),
    deny("iam:*", sid="NoIam")))
deploy_policy = prod.policy("acme-deploy-policy", doc(
    allow(["lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration", "lambda:GetFunction",
           "lambda:PublishVersion"], f"arn:aws:lambda:us-east-1:{PROD}:function:*", "DeployLambdas"),
    allow(["ecs:UpdateService", "ecs:DescribeServices", "ecs:RegisterTaskDefinition"], sid="DeployEcs"),
    # Meant for the artifacts bucket; the wildcard also covers the customer-data bucket.
    allow("s3:*", ["arn:aws:s3:::acme-prod-*", "arn:aws:s3:::acme-prod-*/*"], "Artifacts"),
    allow("iam:PassRole", f"arn:aws:iam::{PROD}:role/orders-*", "PassServiceRoles")))
prod.group("prod-readonly", attached=[READONLY["Arn"]])
prod.user("dba-okafor", groups=["prod-readonly"], inline={"rds-admin": doc(allow("rds:*"))}, tags={"team": "data"})
prod.user("svc-legacy-batch", inline={"batch-upload": doc(
    allow(["s3:PutObject", "s3:GetObject"], "arn:aws:s3:::acme-prod-customer-data/imports/*"))},
    tags={"owner": "unknown"})
prod.key("AKIAPRODLEGACYBATCH1", "svc-legacy-batch", "2019-02-11T10:00:00Z", "2024-01-03T02:00:00Z", "s3")
prod.role("OrganizationAccountAccessRole", trust({"AWS": f"arn:aws:iam::{MGMT}:root"}), attached=[ADMIN["Arn"]])
prod.role("acme-deploy", trust({"AWS": f"arn:aws:iam::{DEV}:role/ci-deployer"}, sid="FromDevCi"),
          attached=[deploy_policy], tags={"purpose": "deploy"}, last_used="2026-11-27T22:14:00Z")
prod.role("security-audit", trust({"AWS": f"arn:aws:iam::{MGMT}:role/security-audit-hub"}),
          attached=[SECURITY_AUDIT["Arn"], READONLY["Arn"]])
prod.role("orders-api-lambda", trust({"Service": "lambda.amazonaws.com"}), attached=[LAMBDA_BASIC["Arn"]],
          inline={"orders": doc(allow(["sqs:SendMessage"], f"arn:aws:sqs:us-east-1:{PROD}:orders"),
                                allow(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
                                      f"arn:aws:dynamodb:us-east-1:{PROD}:table/orders"))},
          boundary=prod_boundary)
prod.role("payments-processor-lambda", trust({"Service": "lambda.amazonaws.com"}), attached=[LAMBDA_BASIC["Arn"]],
          inline={"payments": doc(allow("secretsmanager:GetSecretValue",
                                        f"arn:aws:secretsmanager:us-east-1:{PROD}:secret:payments/db-AbCdEf"),
                                  allow(["kms:Decrypt"], f"arn:aws:kms:us-east-1:{PROD}:key/"
                                        "22222222-aaaa-bbbb-cccc-000000000001"))},
          boundary=prod_boundary)
prod.role("etl-glue-job", trust({"Service": "glue.amazonaws.com"}),
          inline={"etl": doc(allow(["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
                                   ["arn:aws:s3:::acme-prod-customer-data", "arn:aws:s3:::acme-prod-customer-data/*"]))})
prod.role("web-ec2-role", trust({"Service": "ec2.amazonaws.com"}), attached=[SSM_CORE["Arn"]],
          profile="web-ec2-profile")
prod.role("break-glass-prod", trust({"AWS": f"arn:aws:iam::{MGMT}:role/break-glass-mgmt"},
                                    condition={"Bool": {"aws:MultiFactorAuthPresent": "true"}}),
          attached=[ADMIN["Arn"]], tags={"purpose": "break-glass"})
prod.slr("rds.amazonaws.com", "AWSServiceRoleForRDS", RDS_SLR)
prod.resource("arn:aws:s3:::acme-prod-customer-data", "AWS::S3::Bucket", doc(
    deny("s3:*", ["arn:aws:s3:::acme-prod-customer-data", "arn:aws:s3:::acme-prod-customer-data/*"],
         "TlsOnly", Principal="*", Condition={"Bool": {"aws:SecureTransport": "false"}}),
    allow(["s3:GetObject", "s3:PutObject"], "arn:aws:s3:::acme-prod-customer-data/*", "EtlJob",
          Principal={"AWS": f"arn:aws:iam::{PROD}:role/etl-glue-job"}),
    deny("s3:DeleteBucket", "arn:aws:s3:::acme-prod-customer-data", "NoDelete", Principal="*")),
    tags={"data-classification": "restricted"},
    properties={"PublicAccessBlock": {"BlockPublicPolicy": True, "RestrictPublicBuckets": True},
                "Encryption": "SSE-S3"})
prod.resource("arn:aws:s3:::acme-prod-artifacts", "AWS::S3::Bucket", None, tags={"purpose": "deploy"})
prod.resource(f"arn:aws:kms:us-east-1:{PROD}:key/22222222-aaaa-bbbb-cccc-000000000001", "AWS::KMS::Key", doc(
    allow("kms:*", "*", "EnableRootAccess", Principal={"AWS": f"arn:aws:iam::{PROD}:root"}),
    allow(["kms:Decrypt", "kms:DescribeKey"], "*", "PaymentsDecrypt",
          Principal={"AWS": f"arn:aws:iam::{PROD}:role/payments-processor-lambda"})),
    properties={"KeyManager": "CUSTOMER", "Alias": "alias/payments"})
prod.resource(f"arn:aws:secretsmanager:us-east-1:{PROD}:secret:payments/db-AbCdEf", "AWS::SecretsManager::Secret",
              doc(deny("secretsmanager:GetSecretValue", "*", "OnlyPaymentsLambda", Principal="*",
                       Condition={"StringNotEquals": {
                           "aws:PrincipalArn": f"arn:aws:iam::{PROD}:role/payments-processor-lambda"}})),
              tags={"data-classification": "restricted"})
prod.resource(f"arn:aws:sqs:us-east-1:{PROD}:orders", "AWS::SQS::Queue", doc(
    allow("sqs:SendMessage", f"arn:aws:sqs:us-east-1:{PROD}:orders", "FromOrderEvents",
          Principal={"Service": "sns.amazonaws.com"},
          Condition={"ArnEquals": {"aws:SourceArn": f"arn:aws:sns:us-east-1:{PROD}:order-events"}})))
prod.resource(f"arn:aws:sns:us-east-1:{PROD}:order-events", "AWS::SNS::Topic", doc(
    allow(["sns:Publish", "sns:Subscribe"], f"arn:aws:sns:us-east-1:{PROD}:order-events", "OrgPublish",
          Principal={"AWS": "*"}, Condition=in_org())))
prod.resource(f"arn:aws:lambda:us-east-1:{PROD}:function:orders-api", "AWS::Lambda::Function", doc(
    allow("lambda:InvokeFunction", f"arn:aws:lambda:us-east-1:{PROD}:function:orders-api", "ApiGateway",
          Principal={"Service": "apigateway.amazonaws.com"},
          Condition={"ArnLike": {"aws:SourceArn": f"arn:aws:execute-api:us-east-1:{PROD}:a1b2c3/*"}})),
    roleArn=f"arn:aws:iam::{PROD}:role/orders-api-lambda")
prod.gaps.append({"service": "kms", "operation": "GetKeyPolicy", "region": "eu-west-1",
                  "resource": f"arn:aws:kms:eu-west-1:{PROD}:key/22222222-aaaa-bbbb-cccc-000000000099",
                  "errorCode": "AccessDeniedException", "message": "key policy does not allow the auditor"})

# ---------------------------------------------------------------- acme-dev
dev = Account(DEV, "acme-dev")
dev.idps.append({"Arn": f"arn:aws:iam::{DEV}:oidc-provider/token.actions.githubusercontent.com", "Type": "OIDC"})
dev_boundary = dev.policy("dev-boundary", doc(
    allow(["lambda:*", "s3:*", "logs:*", "sqs:*", "sns:*", "ec2:Describe*", "cloudwatch:*", "dynamodb:*"],
          sid="DevServices"),
    deny(["iam:*", "organizations:*", "sts:AssumeRole"], sid="NoIdentityChanges")))
# The contractor's own tooling policy. v1 was what security approved; someone added v2 and, to "let contractors
# fix their own permissions", granted iam:CreatePolicyVersion on the policy itself.
tooling = dev.policy("contractor-tooling", doc(
    allow(["codebuild:StartBuild", "codebuild:BatchGetBuilds", "logs:GetLogEvents"], sid="Builds")), doc(
    allow(["codebuild:StartBuild", "codebuild:BatchGetBuilds", "logs:GetLogEvents"], sid="Builds"),
    allow(["iam:CreatePolicyVersion", "iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyVersions",
           "iam:SetDefaultPolicyVersion"], f"arn:aws:iam::{DEV}:policy/contractor-tooling", "SelfServiceTooling")))
data_eng = dev.policy("data-eng-access", doc(
    allow(["s3:*"], ["arn:aws:s3:::acme-dev-datalake", "arn:aws:s3:::acme-dev-datalake/*"], "Datalake"),
    allow(["glue:*", "athena:*"], sid="Analytics"),
    allow(["lambda:CreateFunction", "lambda:InvokeFunction", "lambda:UpdateFunctionCode", "lambda:GetFunction"],
          f"arn:aws:lambda:us-east-1:{DEV}:function:*", "Functions"),
    # Meant for lambda-basic-exec only.
    allow("iam:PassRole", f"arn:aws:iam::{DEV}:role/lambda-*", "PassLambdaRoles")))
ops = dev.policy("ops-access", doc(
    allow(["ec2:*", "cloudwatch:*", "logs:*"], sid="Operate"),
    allow(["ssm:SendCommand", "ssm:StartSession", "ssm:GetCommandInvocation"], sid="RunCommands"),
    allow("sts:AssumeRole", f"arn:aws:iam::{DEV}:role/ops-*", "OpsRoles")))
dev.group("developers", inline={"dev-workloads": doc(
    allow(["lambda:*", "logs:*", "cloudwatch:*", "sqs:*", "sns:*", "ec2:Describe*"], sid="Workloads"),
    allow("s3:*", ["arn:aws:s3:::acme-dev-*", "arn:aws:s3:::acme-dev-*/*"], "DevBuckets"),
    allow("iam:PassRole", f"arn:aws:iam::{DEV}:role/lambda-basic-exec", "PassBasicRole"))})
dev.group("data-eng", attached=[data_eng])
dev.group("ops", attached=[ops])
dev.group("security-audit", attached=[SECURITY_AUDIT["Arn"], READONLY["Arn"]])
dev.group("contractors", inline={"contractor-basics": doc(
    allow(["s3:GetObject", "s3:ListBucket"], ["arn:aws:s3:::acme-dev-artifacts", "arn:aws:s3:::acme-dev-artifacts/*"],
          "ReadArtifacts"),
    deny(["iam:CreateUser", "iam:CreateAccessKey"], sid="NoNewIdentities"))})
dev.group("admins", attached=[ADMIN["Arn"]])

dev.user("ext-contractor-jdoe", groups=["contractors"], attached=[tooling],
         tags={"team": "contractor", "vendor": "northwind-consulting"})
dev.user("mlee", groups=["developers", "data-eng"], tags={"team": "data"})
dev.user("data-hwang", groups=["data-eng"], tags={"team": "data"})
dev.user("dev-jwright", groups=["developers"], boundary=dev_boundary, tags={"team": "web"})
dev.user("sgupta", groups=["developers"], boundary=dev_boundary, tags={"team": "web"})
dev.user("intern-tkim", groups=["developers"], inline={"self-service": doc(
    allow(["iam:AttachUserPolicy", "iam:ListAttachedUserPolicies"],
          f"arn:aws:iam::{DEV}:user/${{aws:username}}", "ManageOwnPolicies"))}, tags={"team": "web"})
dev.user("helpdesk-rsingh", inline={"helpdesk": doc(
    allow(["iam:CreateAccessKey", "iam:UpdateAccessKey", "iam:DeleteAccessKey", "iam:ListAccessKeys",
           "iam:CreateLoginProfile", "iam:UpdateLoginProfile"], f"arn:aws:iam::{DEV}:user/*", "ResetCredentials"),
    allow(["iam:ListUsers", "iam:GetUser"], sid="FindUsers"))}, tags={"team": "it"})
dev.user("team-lead-akhan", groups=["developers"], inline={"team-management": doc(
    allow(["iam:AddUserToGroup", "iam:RemoveUserFromGroup", "iam:GetGroup"], f"arn:aws:iam::{DEV}:group/*",
          "ManageTeams"))}, tags={"team": "web"})
dev.user("oncall-bwu", groups=["ops"], tags={"team": "sre"})
dev.user("ops-cdiaz", groups=["ops"], tags={"team": "sre"})
dev.user("audit-fmoreau", groups=["security-audit"], tags={"team": "security"})
dev.user("admin-ppatel", groups=["admins"], tags={"team": "platform"})
dev.user("svc-metrics-export", inline={"metrics": doc(allow(["cloudwatch:GetMetricData", "cloudwatch:ListMetrics"]))},
         tags={"owner": "sre"})

dev.key("AKIAZCONTRACTOR7LEAK", "ext-contractor-jdoe", "2025-02-03T12:00:00Z", "2026-11-27T21:40:00Z", "iam")
dev.key("AKIADEVMLEE000000001", "mlee", "2026-06-01T08:00:00Z", "2026-11-26T10:00:00Z", "glue")
dev.key("AKIADEVHELPDESK00001", "helpdesk-rsingh", "2023-01-10T08:00:00Z", None, None)
dev.key("AKIADEVADMINPPATEL01", "admin-ppatel", "2021-07-19T08:00:00Z", "2025-01-15T08:00:00Z", "ec2")
dev.key("AKIADEVMETRICSOLD001", "svc-metrics-export", "2020-03-03T08:00:00Z", "2023-04-04T08:00:00Z",
        "monitoring", status="Inactive")

dev.role("OrganizationAccountAccessRole", trust({"AWS": f"arn:aws:iam::{MGMT}:root"}), attached=[ADMIN["Arn"]])
dev.role("ci-deployer", {"Version": V, "Statement": [
    {"Sid": "GitHubActions", "Effect": "Allow",
     "Principal": {"Federated": f"arn:aws:iam::{DEV}:oidc-provider/token.actions.githubusercontent.com"},
     "Action": "sts:AssumeRoleWithWebIdentity",
     "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                   "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*:ref:refs/heads/main"}}},
    # "Temporary, for debugging the pipeline": anyone in acme-dev whose identity policies allow it.
    {"Sid": "DebugFromDev", "Effect": "Allow", "Principal": {"AWS": DEV}, "Action": "sts:AssumeRole"}]},
    inline={"deploy": doc(
        allow("sts:AssumeRole", f"arn:aws:iam::{PROD}:role/acme-deploy", "ToProd"),
        allow(["s3:PutObject", "s3:GetObject"], ["arn:aws:s3:::acme-dev-artifacts/*", "arn:aws:s3:::acme-prod-artifacts/*"],
              "Artifacts"),
        allow(["lambda:UpdateFunctionCode"], f"arn:aws:lambda:us-east-1:{DEV}:function:*", "DeployDev"))},
    tags={"purpose": "ci"}, last_used="2026-11-27T22:13:00Z")
dev.role("lambda-basic-exec", trust({"Service": "lambda.amazonaws.com"}), attached=[LAMBDA_BASIC["Arn"]])
dev.role("lambda-admin-exec", trust({"Service": "lambda.amazonaws.com"}), attached=[ADMIN["Arn"]],
         tags={"note": "temporary-for-migration"})
dev.role("dev-break-glass", trust({"AWS": f"arn:aws:iam::{MGMT}:role/break-glass-mgmt"},
                                  condition={"Bool": {"aws:MultiFactorAuthPresent": "true"}}),
         attached=[ADMIN["Arn"]], tags={"purpose": "break-glass"})
dev.role("ops-automation", trust({"AWS": f"arn:aws:iam::{DEV}:root"}), inline={"automation": doc(
    allow(["iam:GetRole", "iam:UpdateAssumeRolePolicy", "iam:TagRole"], f"arn:aws:iam::{DEV}:role/dev-*",
          "ManageDevRoles"),
    allow(["ec2:StartInstances", "ec2:StopInstances"], sid="Schedule"))})
dev.role("ec2-admin-instance", trust({"Service": "ec2.amazonaws.com"}), attached=[ADMIN["Arn"], SSM_CORE["Arn"]],
         profile="ec2-admin-profile", tags={"note": "legacy-jumpbox"})
dev.role("ec2-app-instance", trust({"Service": "ec2.amazonaws.com"}), attached=[SSM_CORE["Arn"]],
         profile="ec2-app-profile")
dev.role("security-audit", trust({"AWS": f"arn:aws:iam::{MGMT}:role/security-audit-hub"}),
         attached=[SECURITY_AUDIT["Arn"], READONLY["Arn"]])
dev.slr("autoscaling.amazonaws.com", "AWSServiceRoleForAutoScaling", ASG_SLR)

dev.resource("arn:aws:s3:::acme-dev-artifacts", "AWS::S3::Bucket", doc(
    allow(["s3:GetObject"], "arn:aws:s3:::acme-dev-artifacts/*", "ProdDeployReads",
          Principal={"AWS": f"arn:aws:iam::{PROD}:role/acme-deploy"})), tags={"purpose": "ci"})
dev.resource("arn:aws:s3:::acme-dev-datalake", "AWS::S3::Bucket", None, tags={"team": "data"})
dev.resource(f"arn:aws:kms:us-east-1:{DEV}:key/33333333-aaaa-bbbb-cccc-000000000001", "AWS::KMS::Key", doc(
    allow("kms:*", "*", "EnableRootAccess", Principal={"AWS": f"arn:aws:iam::{DEV}:root"})),
    properties={"KeyManager": "CUSTOMER", "Alias": "alias/dev-data"})
dev.resource(f"arn:aws:lambda:us-east-1:{DEV}:function:nightly-report", "AWS::Lambda::Function", None,
             roleArn=f"arn:aws:iam::{DEV}:role/lambda-basic-exec")
dev.resource(f"arn:aws:ec2:us-east-1:{DEV}:instance/i-0adm1nb0x0000001", "AWS::EC2::Instance", None,
             tags={"Name": "legacy-jumpbox"}, instanceProfileArn=f"arn:aws:iam::{DEV}:instance-profile/ec2-admin-profile")
dev.resource(f"arn:aws:ec2:us-east-1:{DEV}:instance/i-0app0000000000002", "AWS::EC2::Instance", None,
             tags={"Name": "app-1"}, instanceProfileArn=f"arn:aws:iam::{DEV}:instance-profile/ec2-app-profile")
dev.gaps.append({"service": "s3", "operation": "GetBucketPolicy", "region": "us-east-1",
                 "resource": "arn:aws:s3:::acme-dev-scratch", "errorCode": "AccessDenied",
                 "message": "bucket policy denies s3:GetBucketPolicy to everyone but its owner"})

# ---------------------------------------------------------------- organization
def org_policy(pid, name, ptype, content, targets, aws_managed=False):
    kind = "service_control_policy" if ptype == "SERVICE_CONTROL_POLICY" else "resource_control_policy"
    owner = "aws" if aws_managed else MGMT
    return {"Id": pid, "Arn": f"arn:aws:organizations::{owner}:policy/{ORG}/{kind}/{pid}", "Name": name,
            "Type": ptype, "AwsManaged": aws_managed, "Content": json.dumps(content), "Targets": targets}


OU_WORK, OU_PROD, OU_DEV = "ou-acme-workloads", "ou-acme-prod", "ou-acme-dev"
# Region lock: NotAction keeps global services usable (IAM, Organizations, STS, CloudFront, Route 53, support).
REGION_LOCK = doc({
    "Sid": "DenyOutsideApprovedRegions", "Effect": "Deny",
    "NotAction": ["iam:*", "organizations:*", "sts:*", "cloudfront:*", "route53:*", "support:*", "budgets:*",
                  "ce:*", "aws-portal:*"],
    "Resource": "*",
    "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}}})
organization = {
    "id": ORG, "managementAccountId": MGMT,
    "roots": [{"Id": ROOT, "Name": "Root"}],
    "organizationalUnits": [{"Id": OU_WORK, "Name": "Workloads", "ParentId": ROOT},
                            {"Id": OU_PROD, "Name": "Prod", "ParentId": OU_WORK},
                            {"Id": OU_DEV, "Name": "Dev", "ParentId": OU_WORK}],
    "accounts": [{"Id": MGMT, "Name": "acme-mgmt", "Email": "aws-mgmt@acme.example", "Status": "ACTIVE",
                  "ParentId": ROOT},
                 {"Id": PROD, "Name": "acme-prod", "Email": "aws-prod@acme.example", "Status": "ACTIVE",
                  "ParentId": OU_PROD},
                 {"Id": DEV, "Name": "acme-dev", "Email": "aws-dev@acme.example", "Status": "ACTIVE",
                  "ParentId": OU_DEV}],
    "policies": [
        org_policy("p-FullAWSAccess", "FullAWSAccess", "SERVICE_CONTROL_POLICY", doc(allow("*")),
                   [ROOT, OU_WORK, OU_PROD, OU_DEV, MGMT, PROD, DEV], aws_managed=True),
        org_policy("p-regionlock01", "RegionLock", "SERVICE_CONTROL_POLICY", REGION_LOCK, [OU_WORK]),
        org_policy("p-protecttrail", "ProtectCloudTrail", "SERVICE_CONTROL_POLICY", doc(deny(
            ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail",
             "cloudtrail:PutEventSelectors"], "*", "ProtectOrgTrail")), [ROOT]),
        org_policy("p-denyleave01", "DenyLeaveOrganization", "SERVICE_CONTROL_POLICY", doc(deny(
            "organizations:LeaveOrganization", "*", "DenyLeave")), [ROOT]),
        org_policy("p-rcpperim01", "DataPerimeter", "RESOURCE_CONTROL_POLICY", doc(deny(
            ["s3:*", "sqs:*", "kms:*", "secretsmanager:*", "sts:AssumeRole"], "*", "EnforceOrgIdentities",
            Principal="*", Condition={"StringNotEqualsIfExists": {"aws:PrincipalOrgID": ORG},
                                      "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}})), [ROOT]),
    ],
    # ListDelegatedAdministrators: none. Organizations' delegated calls (ListAccounts, DescribePolicy, ...) are then
    # refused to the member accounts, whatever organizations:* their principals hold (docs/evaluation.md).
    "delegatedAdministrators": []}
accounts = [mgmt, prod, dev]
snapshot = {
    "format": "iamscope-snapshot", "version": 1, "collectedAt": "2026-11-28T07:00:00Z",
    "collectedBy": {"Account": MGMT, "Arn": f"arn:aws:iam::{MGMT}:user/security-auditor-nroy",
                    "UserId": uid("AIDA", MGMT + "security-auditor-nroy")},
    "tool": "iamscope 0.1.0 (sample, generated by generate.py)",
    "organization": organization,
    "accounts": [a.to_json(attached_arns(a)) for a in accounts],
}
# ---------------------------------------------------------------- credential reports (docs/review.md)
# What `aws iam get-credential-report` would give in each account (the CSV, base64-decoded): console passwords and
# MFA, which the snapshot does not hold, and the root users' credentials.
CR_HEADER = ("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
             "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
             "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
             "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
             "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated")


def cr_key(key):
    if key is None:
        return ["false", "N/A", "N/A", "N/A", "N/A"]
    created, used, service = key
    return ["true", created, used or "N/A", "us-east-1" if used else "N/A", service or "N/A"]


def cr_row(acct, user, password=None, mfa=False, keys=(None, None), created="2024-05-01T09:00:00+00:00"):
    arn = f"arn:aws:iam::{acct.id}:root" if user == "<root_account>" else acct.arn("user", user)
    if user == "<root_account>":
        pw_enabled, pw_used = "not_supported", password or "no_information"
    else:
        pw_enabled, pw_used = ("true", password or "no_information") if password is not None else ("false", "N/A")
    cells = [user, arn, created, pw_enabled, pw_used, "N/A", "N/A", "true" if mfa else "false"]
    cells += cr_key(keys[0]) + cr_key(keys[1]) + ["false", "N/A", "false", "N/A"]
    return ",".join(cells)


def credential_report(acct, rows):
    with open(f"credential-report-{acct.id}.csv", "w") as f:
        f.write(CR_HEADER + "\n" + "\n".join(rows) + "\n")


credential_report(mgmt, [
    cr_row(mgmt, "<root_account>", "2026-02-01T10:00:00+00:00", mfa=True, created="2020-01-01T00:00:00+00:00"),
    cr_row(mgmt, "org-admin-mchen", "2026-11-27T18:00:00+00:00", mfa=True,
           keys=(("2025-09-01T08:00:00+00:00", "2026-11-20T17:02:00+00:00", "organizations"), None)),
    # Finance signs in with a password only.
    cr_row(mgmt, "billing-lgarcia", "2026-11-25T09:30:00+00:00"),
    cr_row(mgmt, "security-auditor-nroy", "2026-11-26T08:00:00+00:00", mfa=True)])
credential_report(prod, [
    # Nobody enrolled the production root user in MFA.
    cr_row(prod, "<root_account>", created="2020-01-01T00:00:00+00:00"),
    cr_row(prod, "dba-okafor", "2026-11-20T14:00:00+00:00", mfa=True),
    cr_row(prod, "svc-legacy-batch", keys=(("2019-02-11T10:00:00+00:00", "2024-01-03T02:00:00+00:00", "s3"), None),
           created="2019-02-11T10:00:00+00:00")])
credential_report(dev, [
    # An access key created for the root user in 2019 "for the migration" is still active.
    cr_row(dev, "<root_account>", "2025-03-01T10:00:00+00:00", mfa=True,
           keys=(("2019-06-01T10:00:00+00:00", "2025-03-01T10:05:00+00:00", "s3"), None),
           created="2019-05-01T00:00:00+00:00"),
    cr_row(dev, "ext-contractor-jdoe", keys=(("2025-02-03T12:00:00+00:00", "2026-11-27T21:40:00+00:00", "iam"), None)),
    cr_row(dev, "mlee", "2026-11-26T09:00:00+00:00", mfa=True,
           keys=(("2026-06-01T08:00:00+00:00", "2026-11-26T10:00:00+00:00", "glue"), None)),
    cr_row(dev, "data-hwang", "2026-11-24T09:00:00+00:00", mfa=True),
    cr_row(dev, "dev-jwright", "2026-11-27T09:00:00+00:00", mfa=True),
    cr_row(dev, "sgupta", "2026-11-27T10:00:00+00:00", mfa=True),
    # The intern and the help desk sign in with passwords only.
    cr_row(dev, "intern-tkim", "2026-11-26T16:00:00+00:00"),
    cr_row(dev, "helpdesk-rsingh", "2026-11-27T11:00:00+00:00",
           keys=(("2023-01-10T08:00:00+00:00", None, None), None)),
    cr_row(dev, "team-lead-akhan", "2026-11-27T08:30:00+00:00", mfa=True),
    cr_row(dev, "oncall-bwu", "2026-11-27T03:10:00+00:00", mfa=True),
    cr_row(dev, "ops-cdiaz", "2026-11-26T22:00:00+00:00", mfa=True),
    cr_row(dev, "audit-fmoreau", "2026-11-02T10:00:00+00:00", mfa=True),
    cr_row(dev, "admin-ppatel", "2026-11-25T12:00:00+00:00", mfa=True,
           keys=(("2021-07-19T08:00:00+00:00", "2025-01-15T08:00:00+00:00", "ec2"), None)),
    cr_row(dev, "svc-metrics-export", created="2020-03-03T08:00:00+00:00")])

with open("snapshot.json", "w") as f:
    json.dump(snapshot, f, indent=2)
    f.write("\n")
print("principals:", sum(len(a.users) + len(a.groups) + len(a.roles) for a in accounts),
      "resources:", sum(len(a.resources) for a in accounts))
