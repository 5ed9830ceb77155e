#!/usr/bin/env python3
"""Writes the review's fixtures (docs/review.md): one small snapshot per case, positive and near-miss, and
cases.json, which ReviewFixturesTest reads. Deterministic. Run from this directory: python3 generate.py
"""
import json

A, B, OUT = "111111111111", "222222222222", "999999999999"
ORG = "o-fixture0001"
V = "2012-10-17"
NOW = "2026-11-28T00:00:00Z"
DOCS = {
    "trust": "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html",
    "principal": "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html",
    "oidc": "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html",
    "saml": "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html",
    "shared": "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html",
    "rcp": "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html",
    "scp": "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html",
    "root": "https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html",
    "mfa": "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html",
    "keys": "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    "unused": "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html",
    "passrole": "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html",
    "notaction": "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html",
    "inline": "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html",
    "cloudtrail": "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html",
    "logs": "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/iam-identity-based-access-control-cwl.html",
    "guardduty": "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html",
    "config": "https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html",
    "accounts": "https://docs.aws.amazon.com/whitepapers/latest/organizing-your-aws-environment/"
                "benefits-of-using-multiple-aws-accounts.html",
    "admin": "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html",
}
CASES = []


def doc(*statements):
    return {"Version": V, "Statement": list(statements)}


def stmt(effect, action, resource="*", **extra):
    s = {"Effect": effect}
    if action is not None:
        s["Action"] = action
    if resource is not None:
        s["Resource"] = resource
    s.update(extra)
    return s


ADMIN = {"PolicyName": "AdministratorAccess", "Arn": "arn:aws:iam::aws:policy/AdministratorAccess", "Path": "/",
         "DefaultVersionId": "v1", "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": True,
                                                          "Document": doc(stmt("Allow", "*"))}]}


def user(acct, name, inline=None, attached=(), groups=()):
    return {"UserName": name, "UserId": "AIDA" + name.upper().replace("-", "")[:12].ljust(12, "X"),
            "Arn": f"arn:aws:iam::{acct}:user/{name}", "Path": "/", "CreateDate": "2025-01-01T00:00:00Z",
            "UserPolicyList": [{"PolicyName": k, "PolicyDocument": v} for k, v in (inline or {}).items()],
            "AttachedManagedPolicies": [{"PolicyName": a.rsplit("/", 1)[1], "PolicyArn": a} for a in attached],
            "GroupList": list(groups), "Tags": []}


def role(acct, name, trust, inline=None, attached=(), last_used="absent", created="2025-01-01T00:00:00Z"):
    r = {"RoleName": name, "RoleId": "AROA" + name.upper().replace("-", "")[:12].ljust(12, "X"),
         "Arn": f"arn:aws:iam::{acct}:role/{name}", "Path": "/", "CreateDate": created,
         "AssumeRolePolicyDocument": trust,
         "RolePolicyList": [{"PolicyName": k, "PolicyDocument": v} for k, v in (inline or {}).items()],
         "AttachedManagedPolicies": [{"PolicyName": a.rsplit("/", 1)[1], "PolicyArn": a} for a in attached],
         "InstanceProfileList": [], "Tags": []}
    if last_used != "absent":
        r["RoleLastUsed"] = {"LastUsedDate": last_used, "Region": "us-east-1"} if last_used else {}
    return r


def group(acct, name, attached=()):
    return {"GroupName": name, "GroupId": "AGPA" + name.upper()[:12].ljust(12, "X"),
            "Arn": f"arn:aws:iam::{acct}:group/{name}", "Path": "/", "GroupPolicyList": [],
            "AttachedManagedPolicies": [{"PolicyName": a.rsplit("/", 1)[1], "PolicyArn": a} for a in attached]}


def account(acct, users=(), roles=(), groups=(), keys=(), resources=(), idps=()):
    return {"accountId": acct, "alias": "acct-" + acct[:1],
            "authorizationDetails": {"UserDetailList": list(users), "GroupDetailList": list(groups),
                                     "RoleDetailList": list(roles), "Policies": [ADMIN]},
            "accessKeys": list(keys), "identityProviders": list(idps), "resources": list(resources), "gaps": []}


def org(accounts, scps=(), rcps=()):
    policies = [{"Id": "p-full", "Arn": "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
                 "Name": "FullAWSAccess", "Type": "SERVICE_CONTROL_POLICY", "AwsManaged": True,
                 "Content": doc(stmt("Allow", "*")), "Targets": ["r-root"] + accounts}]
    for i, content in enumerate(scps):
        policies.append({"Id": f"p-scp{i}", "Arn": f"arn:aws:organizations::{A}:policy/{ORG}/service_control_policy/"
                         f"p-scp{i}", "Name": f"Guard{i}", "Type": "SERVICE_CONTROL_POLICY", "AwsManaged": False,
                         "Content": content, "Targets": ["r-root"]})
    for i, content in enumerate(rcps):
        policies.append({"Id": f"p-rcp{i}", "Arn": f"arn:aws:organizations::{A}:policy/{ORG}/resource_control_policy/"
                         f"p-rcp{i}", "Name": f"Perimeter{i}", "Type": "RESOURCE_CONTROL_POLICY", "AwsManaged": False,
                         "Content": content, "Targets": ["r-root"]})
    return {"id": ORG, "managementAccountId": A, "roots": [{"Id": "r-root", "Name": "Root"}],
            "organizationalUnits": [],
            "accounts": [{"Id": a, "Name": "acct-" + a[:1], "Email": f"{a}@example.com", "Status": "ACTIVE",
                          "ParentId": "r-root"} for a in accounts],
            "policies": policies}


def snapshot(name, accounts, organization=None):
    s = {"format": "iamscope-snapshot", "version": 1, "collectedAt": NOW,
         "collectedBy": {"Account": A, "Arn": f"arn:aws:iam::{A}:user/auditor", "UserId": "AIDAAUDITOR"},
         "tool": "review/generate.py", "accounts": accounts}
    if organization:
        s["organization"] = organization
    with open(name, "w") as f:
        json.dump(s, f, indent=1)
        f.write("\n")


def case(snap, code, subject, reported, why, docs, key=None, conditional=None, reports=()):
    c = {"snapshot": snap, "code": code, "subject": subject, "reported": reported, "why": why, "doc": DOCS[docs]}
    if key:
        c["key"] = key
    if conditional is not None:
        c["conditional"] = conditional
    if reports:
        c["credentialReports"] = list(reports)
    CASES.append(c)


def trusting(principal, condition=None, action="sts:AssumeRole"):
    s = {"Effect": "Allow", "Principal": principal, "Action": action}
    if condition:
        s["Condition"] = condition
    return doc(s)


# ---------------------------------------------------------------- trust
ROLE = f"arn:aws:iam::{A}:role/shared"
snapshot("trust-anyone.json", [account(A, roles=[role(A, "shared", trusting({"AWS": "*"}))])])
case("trust-anyone.json", "TRUST_ANYONE", ROLE, True, "{\"AWS\": \"*\"} lets any account's principals in", "principal")
snapshot("trust-anyone-org-only.json", [account(A, roles=[role(A, "shared", trusting(
    {"AWS": "*"}, {"StringEquals": {"aws:PrincipalOrgID": ORG}}))])], org([A]))
case("trust-anyone-org-only.json", "TRUST_ANYONE", ROLE, False,
     "aws:PrincipalOrgID is set by AWS, not the caller: an outsider's request has another (or none)", "principal")
snapshot("trust-anyone-external-id.json", [account(A, roles=[role(A, "shared", trusting(
    {"AWS": "*"}, {"StringEquals": {"sts:ExternalId": "abc"}}))])])
case("trust-anyone-external-id.json", "TRUST_ANYONE", ROLE, True,
     "the caller chooses sts:ExternalId: anyone who learns it gets in, so the finding is conditional on it",
     "principal", conditional=True)

snapshot("trust-foreign.json", [account(A, roles=[role(A, "shared", trusting({"AWS": f"arn:aws:iam::{OUT}:root"}))])],
         org([A]))
case("trust-foreign.json", "TRUST_NO_EXTERNAL_ID", ROLE, True, "an account outside the organization, no external id",
     "trust", key=f"arn:aws:iam::{OUT}:root")
snapshot("trust-foreign-role.json", [account(A, roles=[role(A, "shared", trusting(
    {"AWS": f"arn:aws:iam::{OUT}:role/partner-scanner"}))])], org([A]))
case("trust-foreign-role.json", "TRUST_NO_EXTERNAL_ID", ROLE, True,
     "a role of an account outside the organization, named by ARN: asked as that role's session", "trust",
     key=f"arn:aws:iam::{OUT}:role/partner-scanner")
snapshot("trust-foreign-external-id.json", [account(A, roles=[role(A, "shared", trusting(
    {"AWS": f"arn:aws:iam::{OUT}:root"}, {"StringEquals": {"sts:ExternalId": "acme-7f3a"}}))])], org([A]))
case("trust-foreign-external-id.json", "TRUST_NO_EXTERNAL_ID", ROLE, False, "the trust requires an external id",
     "trust")
case("trust-foreign-external-id.json", "TRUST_FOREIGN_ACCOUNT", ROLE, True,
     "still a third party with access: listed, low", "trust", conditional=True)
snapshot("trust-member-account.json", [account(A, roles=[role(A, "shared", trusting({"AWS": B}))])], org([A, B]))
case("trust-member-account.json", "TRUST_NO_EXTERNAL_ID", ROLE, False,
     "a member account of the organization (not in the snapshot) is not a third party", "trust")
case("trust-member-account.json", "TRUST_UNKNOWN_ACCOUNT", ROLE, False, "the organization says it is ours", "trust")
snapshot("trust-unknown.json", [account(A, roles=[role(A, "shared", trusting({"AWS": OUT}))])])
case("trust-unknown.json", "TRUST_UNKNOWN_ACCOUNT", ROLE, True,
     "no organization given: an account outside the snapshot may or may not be ours", "trust")

GH = f"arn:aws:iam::{A}:oidc-provider/token.actions.githubusercontent.com"
GH_AUD = {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}
for name, condition, codes in [
        ("oidc-no-sub.json", {"StringEquals": GH_AUD}, {"TRUST_OIDC_NO_SUB": True, "TRUST_OIDC_NO_AUD": False}),
        ("oidc-any-repo.json", {"StringEquals": GH_AUD, "StringLike": {
            "token.actions.githubusercontent.com:sub": "repo:*"}}, {"TRUST_OIDC_NO_SUB": True}),
        ("oidc-no-aud.json", {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/app:*"}},
         {"TRUST_OIDC_NO_SUB": False, "TRUST_OIDC_NO_AUD": True}),
        ("oidc-pinned.json", {"StringEquals": dict(GH_AUD, **{
            "token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/main"})},
         {"TRUST_OIDC_NO_SUB": False, "TRUST_OIDC_NO_AUD": False})]:
    snapshot(name, [account(A, roles=[role(A, "ci", trusting({"Federated": GH}, condition,
                                                              "sts:AssumeRoleWithWebIdentity"))],
                            idps=[{"Arn": GH, "Type": "OIDC"}])])
    for code, reported in codes.items():
        case(name, code, f"arn:aws:iam::{A}:role/ci", reported,
             "GitHub's token `sub` is repo:OWNER/REPO:...: without an owner any repository matches", "oidc")

SAML = f"arn:aws:iam::{A}:saml-provider/corp-idp"
snapshot("saml-no-aud.json", [account(A, roles=[role(A, "sso", trusting({"Federated": SAML}, None,
                                                                          "sts:AssumeRoleWithSAML"))])])
case("saml-no-aud.json", "TRUST_SAML_NO_AUD", f"arn:aws:iam::{A}:role/sso", True, "no SAML:aud condition", "saml")
snapshot("saml-aud.json", [account(A, roles=[role(A, "sso", trusting(
    {"Federated": SAML}, {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}},
    "sts:AssumeRoleWithSAML"))])])
case("saml-aud.json", "TRUST_SAML_NO_AUD", f"arn:aws:iam::{A}:role/sso", False, "SAML:aud is required", "saml")

# ---------------------------------------------------------------- resources open to outsiders
BUCKET = "arn:aws:s3:::fixture-data"


def bucket(policy):
    return {"arn": BUCKET, "type": "AWS::S3::Bucket", "region": "us-east-1", "policy": policy, "tags": {}}


snapshot("bucket-public.json", [account(A, resources=[bucket(doc(stmt(
    "Allow", ["s3:GetObject", "s3:ListBucket"], [BUCKET, BUCKET + "/*"], Principal="*")))])])
case("bucket-public.json", "RESOURCE_PUBLIC", BUCKET, True, "Principal * with no condition", "shared")
snapshot("bucket-org-only.json", [account(A, resources=[bucket(doc(stmt(
    "Allow", "s3:GetObject", BUCKET + "/*", Principal="*",
    Condition={"StringEquals": {"aws:PrincipalOrgID": ORG}})))])], org([A]))
case("bucket-org-only.json", "RESOURCE_PUBLIC", BUCKET, False, "only principals of the organization", "shared")
snapshot("bucket-vpce.json", [account(A, resources=[bucket(doc(stmt(
    "Allow", "s3:GetObject", BUCKET + "/*", Principal="*",
    Condition={"StringEquals": {"aws:SourceVpce": "vpce-0abc"}})))])])
case("bucket-vpce.json", "RESOURCE_PUBLIC", BUCKET, True,
     "a source condition the engine cannot decide: reported as conditional, never dropped", "shared",
     conditional=True)
# In a member account: RCPs do not apply to the management account's resources.
KEY = f"arn:aws:kms:us-east-1:{B}:key/11111111-2222-3333-4444-555555555555"
kms = {"arn": KEY, "type": "AWS::KMS::Key", "region": "us-east-1", "tags": {}, "policy": doc(
    stmt("Allow", "kms:*", "*", Principal={"AWS": f"arn:aws:iam::{B}:root"}),
    stmt("Allow", ["kms:Decrypt", "kms:DescribeKey"], "*", Principal={"AWS": f"arn:aws:iam::{OUT}:root"}))}
snapshot("kms-foreign.json", [account(B, resources=[kms])], org([A, B]))
case("kms-foreign.json", "RESOURCE_FOREIGN_ACCOUNT", KEY, True, "a key policy naming an account outside the organization",
     "shared", key=f"arn:aws:iam::{OUT}:root")
snapshot("kms-foreign-rcp.json", [account(B, resources=[kms])], org([A, B], rcps=[doc(stmt(
    "Deny", "kms:*", "*", Principal="*", Condition={"StringNotEqualsIfExists": {"aws:PrincipalOrgID": ORG},
                                                     "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}))]))
case("kms-foreign-rcp.json", "RESOURCE_FOREIGN_ACCOUNT", KEY, False,
     "an RCP denies identities outside the organization: the engine applies it", "rcp")
snapshot("kms-unknown.json", [account(B, resources=[kms])])
case("kms-unknown.json", "RESOURCE_UNKNOWN_ACCOUNT", KEY, True, "no organization given", "shared")

# ---------------------------------------------------------------- credentials
CR = ("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,"
      "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
      "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
      "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
      "cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n")


def key(kid, name, created, used=None, status="Active"):
    return {"AccessKeyId": kid, "UserName": name, "Status": status, "CreateDate": created, "LastUsedDate": used,
            "LastUsedService": "s3" if used else None, "LastUsedRegion": "us-east-1" if used else None}


snapshot("credentials.json", [account(A, users=[user(A, n) for n in ["old-key", "fresh-key", "idle-key", "two-keys",
                                                                      "rotating", "console", "console-mfa", "dormant"]],
                                      keys=[key("AKIAOLDKEY0000000001", "old-key", "2026-05-01T00:00:00Z",
                                                "2026-11-27T00:00:00Z"),
                                            key("AKIAFRESHKEY00000001", "fresh-key", "2026-10-30T00:00:00Z",
                                                "2026-11-27T00:00:00Z"),
                                            key("AKIAIDLEKEY000000001", "idle-key", "2026-06-01T00:00:00Z",
                                                "2026-07-01T00:00:00Z"),
                                            key("AKIATWOKEYS000000001", "two-keys", "2026-11-01T00:00:00Z",
                                                "2026-11-27T00:00:00Z"),
                                            key("AKIATWOKEYS000000002", "two-keys", "2026-11-10T00:00:00Z",
                                                "2026-11-27T00:00:00Z"),
                                            key("AKIAROTATING00000001", "rotating", "2026-11-01T00:00:00Z",
                                                "2026-11-27T00:00:00Z"),
                                            key("AKIAROTATING00000002", "rotating", "2026-11-10T00:00:00Z",
                                                "2026-11-27T00:00:00Z", status="Inactive")],
                                      roles=[role(A, "idle-role", trusting({"AWS": A}), last_used="2026-01-01T00:00:00Z"),
                                             role(A, "busy-role", trusting({"AWS": A}), last_used="2026-11-20T00:00:00Z"),
                                             role(A, "never-used", trusting({"AWS": A}), last_used=None),
                                             role(A, "not-collected", trusting({"AWS": A})),
                                             role(A, "new-role", trusting({"AWS": A}), last_used=None,
                                                  created="2026-11-01T00:00:00Z")])])
with open("credential-report.csv", "w") as f:
    f.write(CR)
    f.write(f"<root_account>,arn:aws:iam::{A}:root,2020-01-01T00:00:00+00:00,not_supported,N/A,N/A,N/A,false,true,"
            "2021-01-01T00:00:00+00:00,2026-11-01T00:00:00+00:00,us-east-1,iam,false,N/A,N/A,N/A,N/A,false,N/A,false,"
            "N/A\n")
    for name, password, mfa, last in [("console", "true", "false", "2026-11-20T00:00:00+00:00"),
                                      ("console-mfa", "true", "true", "2026-11-20T00:00:00+00:00"),
                                      ("dormant", "true", "true", "2026-01-10T00:00:00+00:00")]:
        f.write(f"{name},arn:aws:iam::{A}:user/{name},2025-01-01T00:00:00+00:00,{password},{last},N/A,N/A,{mfa},"
                "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n")
    f.write(f"nobody,arn:aws:iam::{A}:user/nobody,2025-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,false,N/A,N/A,"
            "N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n")
R = ["credential-report.csv"]
U = f"arn:aws:iam::{A}:user/"
case("credentials.json", "ROOT_ACCESS_KEY", f"arn:aws:iam::{A}:root", True, "the report's key 1 is active", "root",
     reports=R)
case("credentials.json", "ROOT_NO_MFA", f"arn:aws:iam::{A}:root", True, "mfa_active false for <root_account>", "root",
     reports=R)
case("credentials.json", "ROOT_ACCESS_KEY", f"arn:aws:iam::{A}:root", False, "without a report, unknown", "root")
case("credentials.json", "CONSOLE_NO_MFA", U + "console", True, "password enabled, no MFA", "mfa", reports=R)
case("credentials.json", "CONSOLE_NO_MFA", U + "console-mfa", False, "password with MFA", "mfa", reports=R)
case("credentials.json", "ACCESS_KEY_OLD", U + "old-key", True, "created 211 days before the snapshot", "keys")
case("credentials.json", "ACCESS_KEY_OLD", U + "fresh-key", False, "29 days old", "keys")
case("credentials.json", "ACCESS_KEY_UNUSED", U + "idle-key", True, "last used 150 days before the snapshot", "unused")
case("credentials.json", "ACCESS_KEY_UNUSED", U + "old-key", False, "used yesterday", "unused")
case("credentials.json", "USER_TWO_ACTIVE_KEYS", U + "two-keys", True, "both keys active", "keys")
case("credentials.json", "USER_TWO_ACTIVE_KEYS", U + "rotating", False, "the second key is inactive", "keys")
case("credentials.json", "PRINCIPAL_UNUSED", f"arn:aws:iam::{A}:role/idle-role", True, "RoleLastUsed 331 days ago",
     "unused")
case("credentials.json", "PRINCIPAL_UNUSED", f"arn:aws:iam::{A}:role/never-used", True,
     "RoleLastUsed empty: not used in the tracking period", "unused")
case("credentials.json", "PRINCIPAL_UNUSED", f"arn:aws:iam::{A}:role/busy-role", False, "used 8 days ago", "unused")
case("credentials.json", "PRINCIPAL_UNUSED", f"arn:aws:iam::{A}:role/not-collected", False,
     "no RoleLastUsed in the snapshot: unknown, not unused", "unused")
case("credentials.json", "PRINCIPAL_UNUSED", f"arn:aws:iam::{A}:role/new-role", False, "created 27 days ago",
     "unused")
case("credentials.json", "PRINCIPAL_UNUSED", U + "dormant", True, "password last used 322 days ago, no keys",
     "unused", reports=R)
case("credentials.json", "PRINCIPAL_UNUSED", U + "console", False, "signed in 8 days ago", "unused", reports=R)

# ---------------------------------------------------------------- risky grants
snapshot("risky-statements.json", [account(A, users=[
    user(A, "deployer", {"pass": doc(stmt("Allow", ["iam:PassRole", "iam:GetRole"]))}),
    user(A, "scoped", {"pass": doc(stmt("Allow", "iam:PassRole", f"arn:aws:iam::{A}:role/app-*"))}),
    user(A, "broad", {"broad": doc(stmt("Allow", None, None, NotAction="iam:*", Resource="*"))}),
    user(A, "fenced", {"fence": doc(stmt("Allow", "s3:GetObject"), stmt("Deny", None, None, NotAction="s3:*",
                                                                        Resource="*"))}),
    user(A, "hidden-admin", {"everything": doc(stmt("Allow", "*"))}),
    user(A, "visible-admin", attached=[ADMIN["Arn"]])])])
for code, subject, reported, why, docs in [
        ("PASSROLE_ANY_ROLE", U + "deployer", True, "iam:PassRole on *", "passrole"),
        ("PASSROLE_ANY_ROLE", U + "scoped", False, "iam:PassRole on role/app-* only", "passrole"),
        ("ALLOW_NOT_ACTION", U + "broad", True, "Allow with NotAction", "notaction"),
        ("ALLOW_NOT_ACTION", U + "fenced", False, "NotAction in a Deny takes away, it grants nothing", "notaction"),
        ("INLINE_ADMIN_POLICY", U + "hidden-admin", True, "an inline Allow * on *", "inline"),
        ("INLINE_ADMIN_POLICY", U + "visible-admin", False, "AdministratorAccess, a managed policy", "inline"),
        ("ADMIN_PRINCIPAL", U + "visible-admin", True, "admin-equivalent by its own permissions", "admin")]:
    case("risky-statements.json", code, subject, reported, why, docs)

TAMPER = doc(stmt("Allow", ["cloudtrail:StopLogging", "logs:DeleteLogGroup", "guardduty:DeleteDetector",
                            "config:StopConfigurationRecorder"]))
snapshot("tampering.json", [account(B, users=[user(B, "ops", {"ops": TAMPER}), user(B, "reader", {"r": doc(
    stmt("Allow", ["logs:Get*", "cloudtrail:LookupEvents"]))})])], org([A, B]))
snapshot("tampering-scp.json", [account(B, users=[user(B, "ops", {"ops": TAMPER})])], org([A, B], scps=[doc(stmt(
    "Deny", ["cloudtrail:StopLogging", "logs:DeleteLogGroup", "guardduty:DeleteDetector",
             "config:StopConfigurationRecorder"]))]))
for code, docs in [("CLOUDTRAIL_CAN_BE_STOPPED", "cloudtrail"), ("LOG_GROUPS_CAN_BE_DELETED", "logs"),
                   ("GUARDDUTY_CAN_BE_DISABLED", "guardduty"), ("CONFIG_CAN_BE_STOPPED", "config")]:
    case("tampering.json", code, f"arn:aws:iam::{B}:root", True, "a non-administrator holds the action", docs)
    case("tampering-scp.json", code, f"arn:aws:iam::{B}:root", False,
         "an SCP denies it: the principals it restricts are not listed", "scp")

# ---------------------------------------------------------------- escalation across accounts and from outside
snapshot("cross-account.json", [
    account(A, roles=[role(A, "ci", trusting({"AWS": A}), {"deploy": doc(stmt("Allow", "sts:AssumeRole",
                                                                             f"arn:aws:iam::{B}:role/deploy"))})]),
    account(B, roles=[role(B, "deploy", trusting({"AWS": f"arn:aws:iam::{A}:role/ci"}),
                           {"s3": doc(stmt("Allow", "s3:*"))})])])
case("cross-account.json", "CROSS_ACCOUNT_REACH", f"arn:aws:iam::{B}:role/deploy", True,
     "control of one account gives a principal of another", "accounts", key=f"{A} -> {B}")
snapshot("cross-account-from-management.json", [
    account(A, roles=[role(A, "ci", trusting({"AWS": A}), {"deploy": doc(stmt("Allow", "sts:AssumeRole",
                                                                             f"arn:aws:iam::{B}:role/deploy"))})]),
    account(B, roles=[role(B, "deploy", trusting({"AWS": f"arn:aws:iam::{A}:role/ci"}),
                           {"s3": doc(stmt("Allow", "s3:*"))})])], org([A, B]))
case("cross-account-from-management.json", "CROSS_ACCOUNT_REACH", f"arn:aws:iam::{B}:role/deploy", False,
     "the management account reaching its members is by design", "accounts")
snapshot("outsider-admin.json", [account(A, roles=[role(A, "vendor-admin", trusting(
    {"AWS": f"arn:aws:iam::{OUT}:root"}), attached=[ADMIN["Arn"]])])])
case("outsider-admin.json", "OUTSIDER_REACHES_ADMIN", f"arn:aws:iam::{A}:role/vendor-admin", True,
     "an account outside the snapshot can assume an administrator role", "trust", key=f"arn:aws:iam::{OUT}:root")

with open("cases.json", "w") as f:
    json.dump(CASES, f, indent=1)
    f.write("\n")
print(len(CASES), "cases")
