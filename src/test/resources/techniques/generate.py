#!/usr/bin/env python3
"""Writes one positive and at least one near-miss snapshot per escalation technique (docs/techniques.md).

Each technique gets a directory <id>/ with snapshots and cases.json: [{"snapshot", "from", "to", "reported",
"admin"}]: whether the technique's edge from `from` to `to` is reported, and the final verdict, whether `from`
can reach admin at all (for a positive case whose verdict is yes, the shortest path to admin starts with the
technique).
The attacker is user/attacker (role/attacker for role techniques) of account 111111111111. Deterministic:
edit this script, rerun it (python3 generate.py), commit both.
"""
import copy
import json
import os
import shutil

ACCT = "111111111111"
IAM = f"arn:aws:iam::{ACCT}:"
ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess"
EVERYTHING = [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
MFA = {"Bool": {"aws:MultiFactorAuthPresent": "true"}}


def doc(statements):
    return {"Version": "2012-10-17", "Statement": statements}


def allow(actions, resource="*", condition=None):
    s = {"Effect": "Allow", "Action": actions, "Resource": resource}
    if condition:
        s["Condition"] = condition
    return s


def deny(actions, resource="*"):
    return {"Effect": "Deny", "Action": actions, "Resource": resource}


class Snap:
    def __init__(self):
        self.users, self.roles, self.groups, self.resources = [], [], [], []
        self.keys, self.keys_listed, self.gaps = [], True, []
        self.policies = [{"PolicyName": "AdministratorAccess", "Arn": ADMIN_ARN, "Path": "/",
                          "DefaultVersionId": "v1", "PolicyVersionList": [
                              {"VersionId": "v1", "IsDefaultVersion": True, "Document": doc(EVERYTHING)}]}]
        self.org = None

    def user(self, name, statements=(), groups=(), boundary=None, attached=(), tags=None):
        u = {"UserName": name, "UserId": "AIDA" + name.upper().replace("-", "")[:12].ljust(12, "X"),
             "Arn": IAM + "user/" + name, "Path": "/", "CreateDate": "2025-01-01T00:00:00Z",
             "UserPolicyList": [{"PolicyName": "inline", "PolicyDocument": doc(list(statements))}] if statements else [],
             "AttachedManagedPolicies": [{"PolicyName": a.split("/")[-1], "PolicyArn": a} for a in attached],
             "GroupList": list(groups), "Tags": [{"Key": k, "Value": v} for k, v in (tags or {}).items()]}
        if boundary:
            u["PermissionsBoundary"] = {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": boundary}
        self.users.append(u)
        return self

    def role(self, name, trust, statements=(), profile=False, boundary=None, attached=(), trust_condition=None,
             tags=None):
        st = {"Effect": "Allow", "Principal": trust, "Action": "sts:AssumeRole"}
        if trust_condition:
            st["Condition"] = trust_condition
        r = {"RoleName": name, "RoleId": "AROA" + name.upper().replace("-", "")[:12].ljust(12, "X"),
             "Arn": IAM + "role/" + name, "Path": "/", "CreateDate": "2025-01-01T00:00:00Z",
             "AssumeRolePolicyDocument": doc([st]),
             "RolePolicyList": [{"PolicyName": "inline", "PolicyDocument": doc(list(statements))}] if statements else [],
             "AttachedManagedPolicies": [{"PolicyName": a.split("/")[-1], "PolicyArn": a} for a in attached],
             "InstanceProfileList": [{"InstanceProfileName": name, "InstanceProfileId": "AIPA" + name.upper()[:12],
                                      "Arn": IAM + "instance-profile/" + name, "Path": "/", "Roles": []}] if profile else [],
             "Tags": [{"Key": k, "Value": v} for k, v in (tags or {}).items()]}
        if boundary:
            r["PermissionsBoundary"] = {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": boundary}
        self.roles.append(r)
        return self

    def group(self, name, statements=(), attached=()):
        self.groups.append({"GroupName": name, "GroupId": "AGPA" + name.upper()[:12].ljust(12, "X"),
                            "Arn": IAM + "group/" + name, "Path": "/",
                            "GroupPolicyList": [{"PolicyName": "inline", "PolicyDocument": doc(list(statements))}] if statements else [],
                            "AttachedManagedPolicies": [{"PolicyName": a.split("/")[-1], "PolicyArn": a} for a in attached]})
        return self

    def policy(self, name, *versions, default=0):
        arn = IAM + "policy/" + name
        self.policies.append({"PolicyName": name, "Arn": arn, "Path": "/", "DefaultVersionId": f"v{default + 1}",
                              "PolicyVersionList": [{"VersionId": f"v{i + 1}", "IsDefaultVersion": i == default,
                                                     "Document": doc(v)} for i, v in enumerate(versions)]})
        return self

    def resource(self, arn, type_, **kw):
        r = {"arn": arn, "type": type_, "region": "us-east-1", "policy": None, "tags": kw.pop("tags", {})}
        r.update(kw)
        self.resources.append(r)
        return self

    def key(self, user, status="Active"):
        """An access key of `user` (active or inactive: both count towards IAM's two keys per user)."""
        n = len(self.keys) + 1
        self.keys.append({"AccessKeyId": f"AKIA{user.upper().replace('-', '')[:10]}{n:06d}", "UserName": user,
                          "Status": status, "CreateDate": "2025-01-01T00:00:00Z"})
        return self

    def gap(self, service, operation, resource=None):
        """A call that failed while collecting: what it would have returned is unknown."""
        self.gaps.append({"service": service, "operation": operation, "region": None, "resource": resource,
                          "errorCode": "AccessDenied", "message": "not authorized"})
        return self

    def keys_not_listed(self):
        """No `accessKeys` field: the keys were not collected (an authorization-details export)."""
        self.keys_listed = False
        return self

    def scp_deny(self, actions):
        full = {"Id": "p-FullAWSAccess", "Arn": "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
                "Name": "FullAWSAccess", "Type": "SERVICE_CONTROL_POLICY", "AwsManaged": True,
                "Content": doc(EVERYTHING), "Targets": ["r-root"]}
        guard = {"Id": "p-guard", "Arn": "arn:aws:organizations::999999999999:policy/o-test/service_control_policy/p-guard",
                 "Name": "Guard", "Type": "SERVICE_CONTROL_POLICY", "AwsManaged": False,
                 "Content": doc([deny(actions)]), "Targets": ["r-root"]}
        self.org = {"id": "o-test", "managementAccountId": "999999999999", "roots": [{"Id": "r-root", "Name": "Root"}],
                    "organizationalUnits": [],
                    "accounts": [{"Id": ACCT, "Name": "work", "Email": "w@example.com", "Status": "ACTIVE", "ParentId": "r-root"},
                                 {"Id": "999999999999", "Name": "mgmt", "Email": "m@example.com", "Status": "ACTIVE", "ParentId": "r-root"}],
                    "policies": [full, guard]}
        return self

    def json(self):
        out = {"format": "iamscope-snapshot", "version": 1, "collectedAt": "2026-01-01T00:00:00Z",
               "collectedBy": {"Account": ACCT, "Arn": IAM + "user/auditor", "UserId": "AIDAAUDITOR"},
               "tool": "techniques/generate.py",
               "accounts": [{"accountId": ACCT, "alias": "work", "authorizationDetails": {
                   "UserDetailList": self.users, "GroupDetailList": self.groups, "RoleDetailList": self.roles,
                   "Policies": self.policies}, "accessKeys": self.keys, "identityProviders": [],
                   "resources": self.resources, "gaps": self.gaps}]}
        if not self.keys_listed:
            del out["accounts"][0]["accessKeys"]
        if self.org:
            out["organization"] = self.org
        return out


ATTACKER = IAM + "user/attacker"
ROLE_ATTACKER = IAM + "role/attacker"
ROOT = IAM + "root"
CASES = {}


def case(tid, name, snap, frm, to, reported, why=None, conditional=None, admin=None):
    """`admin`: whether `frm` can reach admin at all; by default, whenever the edge is reported."""
    CASES.setdefault(tid, []).append((name, snap, frm, to, reported, why, conditional,
                                      reported if admin is None else admin))


def technique(tid, positive, near_misses, frm=ATTACKER, to=ROOT, admin=True):
    """A positive case and its near misses; `admin`: whether the positive's attacker reaches admin (a near miss
    never does)."""
    case(tid, "positive", positive, frm, to, True, admin=admin)
    for name, snap in near_misses.items():
        case(tid, "near-miss-" + name, snap, frm, to, False)


# --- Policies onto oneself -------------------------------------------------------------------------------------
def own_policy(extra_condition=None, boundary=None):
    s = Snap().policy("attacker-policy", [allow(["iam:CreatePolicyVersion"], IAM + "policy/attacker-policy", extra_condition)])
    if boundary:
        s.policy("tight", [allow("iam:*")])
    return s.user("attacker", attached=[IAM + "policy/attacker-policy"], boundary=IAM + "policy/tight" if boundary else None)


technique("iam-create-policy-version", own_policy(),
          {"mfa-condition": own_policy(MFA), "boundary": own_policy(boundary=True)})


def versions(broader):
    v2 = [allow("*")] if broader else [allow("s3:GetObject")]
    return Snap().policy("attacker-policy", [allow("iam:SetDefaultPolicyVersion", IAM + "policy/attacker-policy")], v2) \
        .user("attacker", attached=[IAM + "policy/attacker-policy"])


technique("iam-set-default-policy-version", versions(True), {"no-broader-version": versions(False)})

technique("iam-attach-user-policy", Snap().user("attacker", [allow("iam:AttachUserPolicy", IAM + "user/attacker")]),
          {"policy-arn-condition": Snap().user("attacker", [allow("iam:AttachUserPolicy", IAM + "user/attacker",
                                                                   {"ArnEquals": {"iam:PolicyARN": "arn:aws:iam::aws:policy/ReadOnlyAccess"}})])})
technique("iam-put-user-policy", Snap().user("attacker", [allow("iam:PutUserPolicy", IAM + "user/attacker")]),
          {"explicit-deny": Snap().user("attacker", [allow("iam:PutUserPolicy", IAM + "user/attacker"), deny("iam:PutUserPolicy")])})
technique("iam-attach-group-policy",
          Snap().group("team").user("attacker", [allow("iam:AttachGroupPolicy", IAM + "group/team")], groups=["team"]),
          {"other-group-only": Snap().group("team").group("other")
              .user("attacker", [allow("iam:AttachGroupPolicy", IAM + "group/other")], groups=["team"])})
technique("iam-put-group-policy",
          Snap().group("team").user("attacker", [allow("iam:PutGroupPolicy", IAM + "group/team")], groups=["team"]),
          {"mfa-condition": Snap().group("team").user("attacker", [allow("iam:PutGroupPolicy", IAM + "group/team", MFA)],
                                                      groups=["team"])})


def role_policy(action, trusted=True, boundary=False):
    s = Snap().user("attacker", [allow(action, IAM + "role/*"), allow("sts:AssumeRole", IAM + "role/*")])
    if boundary:
        s.policy("tight", [allow("s3:*")])
    return s.role("plain", {"AWS": ATTACKER if trusted else IAM + "user/someone-else"}, [allow("s3:ListBucket")],
                  boundary=IAM + "policy/tight" if boundary else None)


technique("iam-attach-role-policy", role_policy("iam:AttachRolePolicy"),
          {"cannot-assume": role_policy("iam:AttachRolePolicy", trusted=False)}, to=IAM + "role/plain")
technique("iam-put-role-policy", role_policy("iam:PutRolePolicy"),
          {"role-boundary": role_policy("iam:PutRolePolicy", boundary=True)}, to=IAM + "role/plain")


def join(boundary=False):
    s = Snap().group("admins", attached=[ADMIN_ARN])
    if boundary:
        s.policy("tight", [allow("*")], )
        s.policies[-1]["PolicyVersionList"][0]["Document"] = doc([allow(["iam:AddUserToGroup", "s3:*"])])
    return s.user("attacker", [allow("iam:AddUserToGroup", IAM + "group/admins")],
                  boundary=IAM + "policy/tight" if boundary else None)


technique("iam-add-user-to-group", join(), {"boundary": join(True)}, to=IAM + "group/admins")


# Combined moves on one target (checklist rows 68-70): a policy write on a role the attacker makes assumable by
# rewriting its trust; a policy write on another user whose credentials it can then obtain; joining a group whose
# policies let a member make itself admin (iam:* on *), for itself or for a user whose credentials it obtains.
def trust_then_write(action, assume_denied=False):
    stmts = [allow(action, IAM + "role/target"), allow("iam:UpdateAssumeRolePolicy", IAM + "role/target")]
    if assume_denied:
        stmts.append(deny("sts:AssumeRole"))
    return Snap().role("target", {"AWS": IAM + "user/someone-else"}, [allow("s3:ListBucket")]).user("attacker", stmts)


for tid, action in [("iam-attach-role-policy", "iam:AttachRolePolicy"), ("iam-put-role-policy", "iam:PutRolePolicy")]:
    case(tid, "positive-after-trust-rewrite", trust_then_write(action), ATTACKER, IAM + "role/target", True,
         "the role trusts someone else: the attacker rewrites its trust, then writes a policy onto it")
    case(tid, "near-miss-trust-rewrite-assume-denied", trust_then_write(action, assume_denied=True), ATTACKER,
         IAM + "role/target", False)


def version_after_trust_rewrite(assume_denied=False):
    stmts = [allow("iam:CreatePolicyVersion", IAM + "policy/target-policy"),
             allow("iam:UpdateAssumeRolePolicy", IAM + "role/target")]
    if assume_denied:
        stmts.append(deny("sts:AssumeRole"))
    return Snap().policy("target-policy", [allow("s3:ListBucket")]) \
        .role("target", {"AWS": IAM + "user/someone-else"}, attached=[IAM + "policy/target-policy"]) \
        .user("attacker", stmts)


case("iam-create-policy-version", "positive-role-after-trust-rewrite", version_after_trust_rewrite(), ATTACKER,
     IAM + "role/target", True)
case("iam-create-policy-version", "near-miss-role-after-trust-rewrite-assume-denied",
     version_after_trust_rewrite(True), ATTACKER, IAM + "role/target", False)


def write_other_user(action, credentials, policy_holder=False):
    s = Snap().user("attacker", [allow(action, IAM + ("policy/victim-policy" if policy_holder else "user/victim"))]
                    + ([allow(credentials, IAM + "user/victim")] if credentials else []))
    if policy_holder:
        s.policy("victim-policy", [allow("s3:ListBucket")])
        return s.user("victim", attached=[IAM + "policy/victim-policy"])
    return s.user("victim")


case("iam-attach-user-policy", "positive-other-user", write_other_user("iam:AttachUserPolicy", "iam:CreateAccessKey"),
     ATTACKER, IAM + "user/victim", True)
case("iam-attach-user-policy", "near-miss-other-user-no-credentials", write_other_user("iam:AttachUserPolicy", None),
     ATTACKER, IAM + "user/victim", False)
case("iam-put-user-policy", "positive-other-user", write_other_user("iam:PutUserPolicy", "iam:CreateLoginProfile"),
     ATTACKER, IAM + "user/victim", True)
case("iam-put-user-policy", "near-miss-other-user-no-credentials", write_other_user("iam:PutUserPolicy", None),
     ATTACKER, IAM + "user/victim", False)
case("iam-create-policy-version", "positive-other-user",
     write_other_user("iam:CreatePolicyVersion", "iam:UpdateLoginProfile", policy_holder=True),
     ATTACKER, IAM + "user/victim", True)
case("iam-create-policy-version", "near-miss-other-user-no-credentials",
     write_other_user("iam:CreatePolicyVersion", None, policy_holder=True), ATTACKER, IAM + "user/victim", False)


def join_iam_star(boundary=False):
    s = Snap().group("iam-admins", [allow("iam:*")])
    if boundary:
        s.policy("tight", [allow(["iam:AddUserToGroup", "s3:*"])])
    return s.user("attacker", [allow("iam:AddUserToGroup", IAM + "group/iam-admins")],
                  boundary=IAM + "policy/tight" if boundary else None)


case("iam-add-user-to-group", "positive-iam-star-group", join_iam_star(), ATTACKER, IAM + "group/iam-admins", True,
     "iam:* on * is not admin by the admin check's actions, but a member can attach AdministratorAccess to itself")
case("iam-add-user-to-group", "near-miss-iam-star-group-boundary", join_iam_star(True), ATTACKER,
     IAM + "group/iam-admins", False)


def join_other(credentials=True):
    stmts = [allow("iam:AddUserToGroup", IAM + "group/admins")]
    if credentials:
        stmts.append(allow("iam:CreateAccessKey", IAM + "user/victim"))
    return Snap().group("admins", attached=[ADMIN_ARN]).user("victim") \
        .role("attacker", {"Service": "ec2.amazonaws.com"}, stmts)


case("iam-add-user-to-group", "positive-other-user", join_other(), ROLE_ATTACKER, IAM + "user/victim", True,
     "a role cannot join a group, but it can put a user whose access key it creates into one")
case("iam-add-user-to-group", "near-miss-other-user-no-credentials", join_other(False), ROLE_ATTACKER,
     IAM + "user/victim", False)


# --- Permissions boundaries ------------------------------------------------------------------------------------
def bounded(kind, action, boundary_allows, condition=False):
    """The attacker holds admin-equivalent policies under a boundary that allows `boundary_allows` only.

    With `condition`, its own policies deny the boundary change unless the new boundary is `tight` (so putting
    AdministratorAccess as boundary is refused).
    """
    s = Snap().policy("tight", [allow(boundary_allows)])
    stmts = [allow("*")]
    if condition:
        stmts.append({"Effect": "Deny", "Action": action, "Resource": "*",
                      "Condition": {"StringNotEquals": {"iam:PermissionsBoundary": IAM + "policy/tight"}}})
    if kind == "user":
        return s.user("attacker", stmts, boundary=IAM + "policy/tight")
    return s.role("attacker", {"Service": "ec2.amazonaws.com"}, stmts, boundary=IAM + "policy/tight")


for kind, verb in [("user", "Delete"), ("role", "Delete"), ("user", "Put"), ("role", "Put")]:
    action = f"iam:{verb}{kind.capitalize()}PermissionsBoundary"
    tid = f"iam-{verb.lower()}-{kind}-permissions-boundary"
    frm = ATTACKER if kind == "user" else ROLE_ATTACKER
    misses = {"boundary-blocks-it": bounded(kind, action, ["s3:*"])}
    if verb == "Put":
        misses["permissions-boundary-condition"] = bounded(kind, action, [action, "s3:*"], condition=True)
    technique(tid, bounded(kind, action, [action, "s3:*"]), misses, frm=frm)


# --- Other principals ------------------------------------------------------------------------------------------
def other_user(action, resource=IAM + "user/*", extra=(), scp=None, condition=None):
    s = Snap().user("victim").user("attacker", [allow(action, resource, condition)] + list(extra))
    if scp:
        s.scp_deny(scp)
    return s


technique("iam-create-access-key", other_user("iam:CreateAccessKey"),
          {"self-only": other_user("iam:CreateAccessKey", IAM + "user/${aws:username}"),
           "scp": other_user("iam:CreateAccessKey", scp=["iam:CreateAccessKey"])}, to=IAM + "user/victim", admin=False)
case("iam-create-access-key", "positive-not-resource",
     Snap().user("victim").user("attacker", [{"Effect": "Allow", "Action": "iam:CreateAccessKey",
                                              "NotResource": IAM + "user/attacker"}]),
     ATTACKER, IAM + "user/victim", True,
     "an Allow with NotResource grants every resource but those listed: the pre-filter must not drop it", admin=False)
# IAM allows two access keys per user, inactive ones included: a third needs one deleted first
# (iam-delete-and-create-access-key). One key leaves a slot; keys not collected leave the count unknown, and the
# edge is kept (it assumes a free slot rather than dropping a path on a guess).
case("iam-create-access-key", "near-miss-victim-has-two-keys",
     other_user("iam:CreateAccessKey").key("victim").key("victim", "Inactive"), ATTACKER, IAM + "user/victim", False,
     "the victim holds two keys (one inactive): CreateAccessKey alone fails on IAM's quota", admin=False)
case("iam-create-access-key", "positive-victim-has-one-key", other_user("iam:CreateAccessKey").key("victim"),
     ATTACKER, IAM + "user/victim", True, admin=False)
case("iam-create-access-key", "positive-keys-listing-failed",
     other_user("iam:CreateAccessKey").key("victim").key("victim", "Inactive")
     .gap("iam", "ListAccessKeys", IAM + "user/victim"), ATTACKER, IAM + "user/victim", True,
     "listing the victim's keys failed (a gap): the count is unknown, and the edge assumes a free slot",
     admin=False)
case("iam-create-access-key", "positive-keys-not-listed",
     other_user("iam:CreateAccessKey").keys_not_listed(), ATTACKER, IAM + "user/victim", True,
     "the account's keys were not collected: the edge assumes a free slot", admin=False)


def full_victim(actions, extra=(), inactive=True):
    """A victim holding two access keys (the second inactive, which counts all the same)."""
    return other_user(actions, extra=extra).key("victim").key("victim", "Inactive" if inactive else "Active")


technique("iam-delete-and-create-access-key", full_victim(["iam:CreateAccessKey", "iam:DeleteAccessKey"]),
          {"no-delete": full_victim(["iam:CreateAccessKey"]),
           "delete-denied": full_victim(["iam:CreateAccessKey", "iam:DeleteAccessKey"],
                                        extra=[deny("iam:DeleteAccessKey", IAM + "user/victim")])},
          to=IAM + "user/victim", admin=False)
case("iam-delete-and-create-access-key", "positive-two-active-keys",
     full_victim(["iam:CreateAccessKey", "iam:DeleteAccessKey"], inactive=False), ATTACKER, IAM + "user/victim", True,
     admin=False)
# With a free slot (or an unknown count) CreateAccessKey alone does it: iam-create-access-key's edge, not this one.
case("iam-delete-and-create-access-key", "near-miss-one-key",
     other_user(["iam:CreateAccessKey", "iam:DeleteAccessKey"]).key("victim"), ATTACKER, IAM + "user/victim", False,
     "one key leaves a free slot: iam-create-access-key reports the user", admin=False)
case("iam-delete-and-create-access-key", "near-miss-keys-not-listed",
     other_user(["iam:CreateAccessKey", "iam:DeleteAccessKey"]).keys_not_listed(), ATTACKER, IAM + "user/victim",
     False, "keys not collected: iam-create-access-key reports the user, assuming a free slot", admin=False)
technique("iam-create-login-profile", other_user("iam:CreateLoginProfile"),
          {"explicit-deny": other_user("iam:CreateLoginProfile", extra=[deny("iam:CreateLoginProfile", IAM + "user/victim")])},
          to=IAM + "user/victim", admin=False)
technique("iam-update-login-profile", other_user("iam:UpdateLoginProfile"),
          {"mfa-condition": other_user("iam:UpdateLoginProfile", condition=MFA)}, to=IAM + "user/victim", admin=False)


def trust_rewrite(extra=()):
    return Snap().role("target", {"AWS": IAM + "user/someone-else"}, attached=[ADMIN_ARN]) \
        .user("attacker", [allow("iam:UpdateAssumeRolePolicy", IAM + "role/target")] + list(extra))


technique("iam-update-assume-role-policy", trust_rewrite(),
          {"assume-denied": trust_rewrite([deny("sts:AssumeRole")])}, to=IAM + "role/target")


# --- Passing a role to a service -------------------------------------------------------------------------------
def pass_role(service, actions, profile=False, passed_to=None, trust_service=None, role_name="svc-role",
              pass_resource=None, trust_condition=None):
    cond = {"StringEquals": {"iam:PassedToService": passed_to}} if passed_to else None
    return Snap().role(role_name, {"Service": trust_service or service}, attached=[ADMIN_ARN], profile=profile,
                       trust_condition=trust_condition) \
        .user("attacker", [allow("iam:PassRole", pass_resource or IAM + "role/svc-role", cond), allow(actions)])


SVC_ROLE = IAM + "role/svc-role"
PASS = [
    ("ec2-run-instances-pass-role", "ec2.amazonaws.com", ["ec2:RunInstances"], True,
     {"passed-to-other-service": dict(passed_to="lambda.amazonaws.com"), "no-instance-profile": dict(profile=False)}),
    ("lambda-create-function-invoke", "lambda.amazonaws.com", ["lambda:CreateFunction", "lambda:InvokeFunction"], False,
     {"missing-invoke": dict(actions=["lambda:CreateFunction"])}),
    ("lambda-create-function-event-source", "lambda.amazonaws.com",
     ["lambda:CreateFunction", "lambda:CreateEventSourceMapping"], False,
     {"role-trusts-ec2": dict(trust_service="ec2.amazonaws.com")}),
    ("glue-create-dev-endpoint", "glue.amazonaws.com", ["glue:CreateDevEndpoint"], False,
     {"missing-create": dict(actions=["glue:GetDevEndpoint"])}),
    ("cloudformation-create-stack", "cloudformation.amazonaws.com", ["cloudformation:CreateStack"], False,
     {"passed-to-other-service": dict(passed_to="ec2.amazonaws.com")}),
    ("datapipeline-create-pipeline", "datapipeline.amazonaws.com",
     ["datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], False,
     {"missing-definition": dict(actions=["datapipeline:CreatePipeline"])}),
    ("sagemaker-create-notebook-instance", "sagemaker.amazonaws.com",
     ["sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"], False,
     {"missing-presigned-url": dict(actions=["sagemaker:CreateNotebookInstance"])}),
    ("sagemaker-create-training-job", "sagemaker.amazonaws.com", ["sagemaker:CreateTrainingJob"], False,
     {"role-trusts-lambda": dict(trust_service="lambda.amazonaws.com")}),
    ("sagemaker-create-processing-job", "sagemaker.amazonaws.com", ["sagemaker:CreateProcessingJob"], False,
     {"pass-other-role": dict(pass_resource=IAM + "role/other-*")}),
    ("codebuild-create-project", "codebuild.amazonaws.com", ["codebuild:CreateProject", "codebuild:StartBuild"], False,
     {"missing-start-build": dict(actions=["codebuild:CreateProject"])}),
    ("ecs-run-task", "ecs-tasks.amazonaws.com", ["ecs:RegisterTaskDefinition", "ecs:RunTask"], False,
     {"trust-source-account": dict(trust_condition={"StringEquals": {"aws:SourceAccount": "222222222222"}})}),
    ("ecs-create-service", "ecs-tasks.amazonaws.com", ["ecs:RegisterTaskDefinition", "ecs:CreateService"], False,
     {"missing-create-service": dict(actions=["ecs:RegisterTaskDefinition"])}),
    ("states-create-state-machine", "states.amazonaws.com", ["states:CreateStateMachine", "states:StartExecution"], False,
     {"missing-start": dict(actions=["states:CreateStateMachine"])}),
    ("autoscaling-create-launch-configuration", "ec2.amazonaws.com",
     ["autoscaling:CreateLaunchConfiguration", "autoscaling:CreateAutoScalingGroup"], True,
     {"no-instance-profile": dict(profile=False)}),
    ("apprunner-create-service", "tasks.apprunner.amazonaws.com", ["apprunner:CreateService"], False,
     {"role-trusts-lambda": dict(trust_service="lambda.amazonaws.com"),
      "missing-create": dict(actions=["apprunner:DescribeService"])}),
    ("bedrock-agentcore-code-interpreter", "bedrock-agentcore.amazonaws.com",
     ["bedrock-agentcore:CreateCodeInterpreter", "bedrock-agentcore:StartCodeInterpreterSession",
      "bedrock-agentcore:InvokeCodeInterpreter"], False,
     {"missing-invoke": dict(actions=["bedrock-agentcore:CreateCodeInterpreter",
                                      "bedrock-agentcore:StartCodeInterpreterSession"]),
      "role-trusts-lambda": dict(trust_service="lambda.amazonaws.com")}),
    ("bedrock-agentcore-agent-runtime", "bedrock-agentcore.amazonaws.com",
     ["bedrock-agentcore:CreateAgentRuntime", "bedrock-agentcore:InvokeAgentRuntime"], False,
     {"missing-invoke": dict(actions=["bedrock-agentcore:CreateAgentRuntime"]),
      "role-trusts-ecs-tasks": dict(trust_service="ecs-tasks.amazonaws.com")}),
]
for tid, service, actions, profile, misses in PASS:
    near = {}
    for name, kw in misses.items():
        args = dict(service=service, actions=actions, profile=profile)
        args.update(kw)
        near[name] = pass_role(**args)
    technique(tid, pass_role(service, actions, profile=profile), near, to=SVC_ROLE)

# App Runner's iam:PassedToService value is not documented: a PassRole limited to another service is still
# possible (conditional on the key), never dropped.
case("apprunner-create-service", "passed-to-other-service-still-possible",
     pass_role("tasks.apprunner.amazonaws.com", ["apprunner:CreateService"], passed_to="lambda.amazonaws.com"),
     ATTACKER, SVC_ROLE, True, conditional=True)
# The trust policy AgentCore's guide recommends: the source account is the role's, the source ARN is whatever the
# attacker creates, so unknown: the edge stays, conditional on it.
case("bedrock-agentcore-code-interpreter", "documented-trust-policy-conditional",
     pass_role("bedrock-agentcore.amazonaws.com", ["bedrock-agentcore:CreateCodeInterpreter",
               "bedrock-agentcore:StartCodeInterpreterSession", "bedrock-agentcore:InvokeCodeInterpreter"],
               trust_condition={"StringEquals": {"aws:SourceAccount": ACCT},
                                "ArnLike": {"aws:SourceArn": f"arn:aws:bedrock-agentcore:us-east-1:{ACCT}:*"}}),
     ATTACKER, SVC_ROLE, True, conditional=True)

# The same trust policy on an agent runtime's execution role: conditional on the runtime's ARN, never dropped.
case("bedrock-agentcore-agent-runtime", "documented-trust-policy-conditional",
     pass_role("bedrock-agentcore.amazonaws.com", ["bedrock-agentcore:CreateAgentRuntime",
               "bedrock-agentcore:InvokeAgentRuntime"],
               trust_condition={"StringEquals": {"aws:SourceAccount": ACCT},
                                "ArnLike": {"aws:SourceArn": f"arn:aws:bedrock-agentcore:us-east-1:{ACCT}:*"}}),
     ATTACKER, SVC_ROLE, True, conditional=True)

# --- Existing resources that run with a role -------------------------------------------------------------------
FN = f"arn:aws:lambda:us-east-1:{ACCT}:function:fn"


def function(resource=FN):
    return Snap().role("svc-role", {"Service": "lambda.amazonaws.com"}, attached=[ADMIN_ARN]) \
        .resource(FN, "AWS::Lambda::Function", roleArn=SVC_ROLE) \
        .user("attacker", [allow("lambda:UpdateFunctionCode", resource)])


technique("lambda-update-function-code", function(),
          {"other-function-only": function(f"arn:aws:lambda:us-east-1:{ACCT}:function:other")}, to=SVC_ROLE)



def function_policy(principal):
    """A function whose own policy lets `principal` (here or not) replace its code; no identity policy anywhere."""
    policy = doc([{"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "lambda:UpdateFunctionCode",
                   "Resource": FN}])
    return Snap().role("svc-role", {"Service": "lambda.amazonaws.com"}, attached=[ADMIN_ARN]) \
        .resource(FN, "AWS::Lambda::Function", roleArn=SVC_ROLE, policy=policy) \
        .user("attacker")


# A resource policy alone grants the action (same account: a policy naming the caller's ARN suffices).
case("lambda-update-function-code", "positive-function-policy", function_policy(ATTACKER), ATTACKER, SVC_ROLE, True)
case("lambda-update-function-code", "near-miss-function-policy-names-another-user",
     function_policy(IAM + "user/someone-else"), ATTACKER, SVC_ROLE, False)

EP = f"arn:aws:glue:us-east-1:{ACCT}:devEndpoint/ep"


def endpoint(extra=()):
    return Snap().role("svc-role", {"Service": "glue.amazonaws.com"}, attached=[ADMIN_ARN]) \
        .resource(EP, "AWS::Glue::DevEndpoint", roleArn=SVC_ROLE) \
        .user("attacker", [allow("glue:UpdateDevEndpoint")] + list(extra))


technique("glue-update-dev-endpoint", endpoint(), {"explicit-deny": endpoint([deny("glue:UpdateDevEndpoint", EP)])},
          to=SVC_ROLE)

INSTANCE = f"arn:aws:ec2:us-east-1:{ACCT}:instance/i-0123456789abcdef0"


def instance(action, condition=None, extra=()):
    return Snap().role("svc-role", {"Service": "ec2.amazonaws.com"}, attached=[ADMIN_ARN], profile=True) \
        .resource(INSTANCE, "AWS::EC2::Instance", instanceProfileArn=IAM + "instance-profile/svc-role",
                  tags={"env": "prod"}) \
        .user("attacker", [allow(action, "*", condition)] + list(extra))


technique("ssm-send-command", instance("ssm:SendCommand"),
          {"resource-tag-condition": instance("ssm:SendCommand", {"StringEquals": {"aws:ResourceTag/env": "dev"}})},
          to=SVC_ROLE)
technique("ssm-start-session", instance("ssm:StartSession"), {"mfa-condition": instance("ssm:StartSession", MFA)},
          to=SVC_ROLE)
technique("ec2-instance-connect-send-ssh-public-key", instance("ec2-instance-connect:SendSSHPublicKey"),
          {"explicit-deny": instance("ec2-instance-connect:SendSSHPublicKey",
                                     extra=[deny("ec2-instance-connect:SendSSHPublicKey", INSTANCE)])}, to=SVC_ROLE)

technique("ec2-modify-instance-user-data",
          instance(["ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances"]),
          {"cannot-start": instance(["ec2:ModifyInstanceAttribute", "ec2:StopInstances"])}, to=SVC_ROLE)

TASK = f"arn:aws:ecs:us-east-1:{ACCT}:task/web/0123456789abcdef0123456789abcdef"
CLUSTER = f"arn:aws:ecs:us-east-1:{ACCT}:cluster/web"


def task(resource=(TASK, CLUSTER), exec_enabled=True, extra=()):
    props = {"clusterArn": CLUSTER, "enableExecuteCommand": exec_enabled, "lastStatus": "RUNNING"}
    return Snap().role("svc-role", {"Service": "ecs-tasks.amazonaws.com"}, attached=[ADMIN_ARN]) \
        .resource(TASK, "AWS::ECS::Task", roleArn=SVC_ROLE, properties=props) \
        .user("attacker", [allow("ecs:ExecuteCommand", list(resource))] + list(extra))


# ECS authorizes ExecuteCommand on the task and on its cluster: allowing only the task is not enough.
technique("ecs-execute-command", task(),
          {"task-only-not-cluster": task(resource=(TASK,)),
           "exec-disabled": task(exec_enabled=False)}, to=SVC_ROLE)

SERVICE = f"arn:aws:ecs:us-east-1:{ACCT}:service/web/api"


def ecs_service(update_resource=SERVICE, service=True, passed_to=None, condition=None):
    """A running service to point at the attacker's task definition, and a passable role trusting ECS tasks."""
    s = pass_role("ecs-tasks.amazonaws.com", ["ecs:RegisterTaskDefinition"], passed_to=passed_to)
    s.users[-1]["UserPolicyList"][0]["PolicyDocument"]["Statement"].append(
        allow("ecs:UpdateService", update_resource, condition))
    if service:
        s.resource(SERVICE, "AWS::ECS::Service", properties={
            "clusterArn": CLUSTER, "taskDefinitionArn": f"arn:aws:ecs:us-east-1:{ACCT}:task-definition/web:3",
            "status": "ACTIVE"})
    return s


# UpdateService is authorized on the service: an account without one, or a policy naming another, gives nothing.
technique("ecs-update-service", ecs_service(),
          {"no-service": ecs_service(service=False),
           "other-service-only": ecs_service(update_resource=SERVICE.replace("/api", "/other")),
           "passed-to-other-service": ecs_service(passed_to="lambda.amazonaws.com")}, to=SVC_ROLE)
# Allowed only from an address the stolen keys may or may not be used from: reported, conditional on it.
case("ecs-update-service", "source-ip-conditional",
     ecs_service(condition={"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}), ATTACKER, SVC_ROLE, True,
     conditional=True)

PROJECT = f"arn:aws:codebuild:us-east-1:{ACCT}:project/build"


def project(condition=None, extra=(), action="codebuild:StartBuild"):
    return Snap().role("svc-role", {"Service": "codebuild.amazonaws.com"}, attached=[ADMIN_ARN]) \
        .resource(PROJECT, "AWS::CodeBuild::Project", roleArn=SVC_ROLE) \
        .user("attacker", [allow(action, PROJECT, condition)] + list(extra))


# A batch build is its own action: StartBuild alone does not start one.
technique("codebuild-start-build-batch", project(action="codebuild:StartBuildBatch"),
          {"start-build-only": project()}, to=SVC_ROLE)
# That near miss still reaches the role, through codebuild-start-build: the batch edge alone is absent.
CASES["codebuild-start-build-batch"][-1] = CASES["codebuild-start-build-batch"][-1][:-1] + (True,)
technique("codebuild-start-build", project(),
          {"other-project-only": Snap().role("svc-role", {"Service": "codebuild.amazonaws.com"}, attached=[ADMIN_ARN])
              .resource(PROJECT, "AWS::CodeBuild::Project", roleArn=SVC_ROLE)
              .user("attacker", [allow("codebuild:StartBuild", PROJECT.replace("/build", "/other"))]),
           "explicit-deny": project(extra=[deny("codebuild:StartBuild", PROJECT)])}, to=SVC_ROLE)

APPRUNNER_SERVICE = f"arn:aws:apprunner:us-east-1:{ACCT}:service/web/8fe1e10304f84fd2b0df550fe98a71fa"


def apprunner_service(update_resource=APPRUNNER_SERVICE, instance_role=True, condition=None, scp=None):
    """An App Runner service running with an instance role; the attacker may update services, no iam:PassRole."""
    s = Snap().role("svc-role", {"Service": "tasks.apprunner.amazonaws.com"}, attached=[ADMIN_ARN]) \
        .resource(APPRUNNER_SERVICE, "AWS::AppRunner::Service", properties={"Status": "RUNNING"},
                  **({"roleArn": SVC_ROLE} if instance_role else {})) \
        .user("attacker", [allow("apprunner:UpdateService", update_resource, condition)])
    if scp:
        s.scp_deny(scp)
    return s


# UpdateService is authorized on the service: a policy naming another service gives nothing, nor does a service
# without an instance role (its code runs with no role's credentials), nor an SCP denying the action.
technique("apprunner-update-service", apprunner_service(),
          {"other-service-only": apprunner_service(update_resource=APPRUNNER_SERVICE.replace("/web/", "/other/")),
           "scp": apprunner_service(scp=["apprunner:UpdateService"]),
           "no-instance-role": apprunner_service(instance_role=False)}, to=SVC_ROLE)
# Allowed only from an address the stolen keys may or may not be used from: reported, conditional on it.
case("apprunner-update-service", "source-ip-conditional",
     apprunner_service(condition={"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}), ATTACKER, SVC_ROLE, True,
     conditional=True)
# A policy naming the service's ARN pattern with a wildcard for the id (as the Service Authorization Reference's
# ARN format service/${ServiceName}/${ServiceId} invites): definite.
case("apprunner-update-service", "positive-name-pattern",
     apprunner_service(update_resource=f"arn:aws:apprunner:us-east-1:{ACCT}:service/web/*"), ATTACKER, SVC_ROLE,
     True, conditional=False)

# --- Swapping the role of an instance profile -------------------------------------------------------------------
WEB_PROFILE = IAM + "instance-profile/web-role"


def profile_swap(code=("ssm:SendCommand",), swap=("iam:RemoveRoleFromInstanceProfile", "iam:AddRoleToInstanceProfile"),
                 trust="ec2.amazonaws.com", pass_resource=SVC_ROLE, pass_condition=None, run=False, instance=True,
                 empty_profile=False, svc_profile=False):
    """An instance using profile web-role (holding the weak role web-role, or no role at all), an admin role
    svc-role that trusts `trust` and is in no profile; the attacker may run code on the instance (`code`), change
    the profile (`swap`), pass svc-role and, with `run`, launch instances."""
    s = Snap().role("svc-role", {"Service": trust}, attached=[ADMIN_ARN], profile=svc_profile)
    if not empty_profile:
        s.role("web-role", {"Service": "ec2.amazonaws.com"}, [allow("s3:ListBucket")], profile=True)
    if instance:
        s.resource(INSTANCE, "AWS::EC2::Instance", instanceProfileArn=WEB_PROFILE)
    statements = [allow(list(swap), IAM + "instance-profile/*")] if swap else []
    statements.append(allow("iam:PassRole", pass_resource, pass_condition))
    if code:
        statements.append(allow(list(code)))
    if run:
        statements.append(allow("ec2:RunInstances"))
    return s.user("attacker", statements)


# The profile holds one role at most: the weak one must come out before the admin role goes in. Any way of running
# code on the instance will do; the role must trust EC2 and be passable.
technique("iam-instance-profile-role-swap", profile_swap(),
          {"no-remove": profile_swap(swap=("iam:AddRoleToInstanceProfile",)),
           "no-code-execution": profile_swap(code=("ssm:GetParameter",)),
           "role-trusts-lambda": profile_swap(trust="lambda.amazonaws.com"),
           "pass-other-role": profile_swap(pass_resource=IAM + "role/other-*")}, to=SVC_ROLE)
case("iam-instance-profile-role-swap", "positive-empty-profile",
     profile_swap(swap=("iam:AddRoleToInstanceProfile",), empty_profile=True), ATTACKER, SVC_ROLE, True,
     "the instance's profile holds no role: adding one needs no removal")
case("iam-instance-profile-role-swap", "positive-start-session", profile_swap(code=("ssm:StartSession",)),
     ATTACKER, SVC_ROLE, True)
# AWS does not document iam:PassedToService for AddRoleToInstanceProfile: a PassRole limited to EC2 is kept,
# conditional on the key.
case("iam-instance-profile-role-swap", "passed-to-service-conditional",
     profile_swap(pass_condition={"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}), ATTACKER,
     SVC_ROLE, True, conditional=True)

technique("iam-instance-profile-role-swap-run-instances", profile_swap(code=(), run=True, instance=False),
          {"no-run-instances": profile_swap(code=(), instance=False),
           "no-add": profile_swap(code=(), run=True, instance=False,
                                  swap=("iam:RemoveRoleFromInstanceProfile",))}, to=SVC_ROLE)
# A role already in a profile needs no swap: ec2-run-instances-pass-role launches it (the attacker still gets it).
case("iam-instance-profile-role-swap-run-instances", "near-miss-role-in-a-profile",
     profile_swap(code=(), run=True, instance=False, svc_profile=True), ATTACKER, SVC_ROLE, False,
     "svc-role is in an instance profile: ec2-run-instances-pass-role reaches it", admin=True)

# --- Changing tags to satisfy or escape attribute-based conditions --------------------------------------------
ADMINS_TAG = {"StringEquals": {"aws:PrincipalTag/team": "admins"}}
QUARANTINED = {"StringEquals": {"aws:PrincipalTag/quarantine": "true"}}
SELF_USER = IAM + "user/${aws:username}"


def tag_self(tag=("iam:TagUser",), tag_resource=SELF_USER, tag_condition=None, extra=()):
    """Everything is allowed to members of team `admins`; the attacker is in no team and may tag itself."""
    return Snap().user("attacker", [allow("*", "*", ADMINS_TAG), allow(list(tag), tag_resource, tag_condition)]
                       + list(extra))


# Setting its own team tag makes the Allow's condition its own choice: admin, conditional on the tag's value.
technique("iam-tag-user", tag_self(),
          {"tag-keys-limited": tag_self(tag_condition={"ForAllValues:StringEquals": {"aws:TagKeys": ["cost-center"]}}),
           "other-user-only": tag_self(tag_resource=IAM + "user/someone-else"),
           "tag-denied": tag_self(extra=[deny("iam:TagUser")])})
CASES["iam-tag-user"][0] = CASES["iam-tag-user"][0][:6] + (True, True)
# The tagging request may set only `dev`, the Allow asks for `admins`: the two keys are not linked, so the edge is
# kept, conditional on both (a reader sees they disagree); never a definite path.
case("iam-tag-user", "request-tag-limited-conditional",
     tag_self(tag_condition={"StringEquals": {"aws:RequestTag/team": "dev"}}), ATTACKER, ROOT, True,
     "aws:RequestTag/team and aws:PrincipalTag/team are not linked: conditional on both", conditional=True)


def tagged_trust(tag=True):
    """A role that members of team `platform` of the account may assume; the attacker may assume roles and tag
    itself."""
    statements = [allow("sts:AssumeRole")] + ([allow("iam:TagUser", SELF_USER)] if tag else [])
    return Snap().role("team-role", {"AWS": ROOT}, attached=[ADMIN_ARN],
                       trust_condition={"StringEquals": {"aws:PrincipalTag/team": "platform"}}) \
        .user("attacker", statements)


case("iam-tag-user", "positive-assume-role", tagged_trust(), ATTACKER, IAM + "role/team-role", True,
     "the trust policy asks for a principal tag the attacker may set", conditional=True, admin=True)
case("iam-tag-user", "near-miss-assume-role-no-tagging", tagged_trust(tag=False), ATTACKER, IAM + "role/team-role",
     False, admin=False)
# Other techniques asked again for the tagged attacker: ssm:SendCommand only for team ops.
case("iam-tag-user", "positive-other-technique",
     instance("ssm:SendCommand", {"StringEquals": {"aws:PrincipalTag/team": "ops"}},
              extra=[allow("iam:TagUser", SELF_USER)]), ATTACKER, SVC_ROLE, True, conditional=True, admin=True)


def quarantined_user(untag_denied=False, untag_condition=None):
    """The attacker may do anything but is tagged quarantine=true, and a Deny on that tag stops everything (but
    removing the tag, unless `untag_denied`)."""
    quarantine = {"Effect": "Deny", "Resource": "*", "Condition": QUARANTINED}
    quarantine["Action" if untag_denied else "NotAction"] = "*" if untag_denied else "iam:UntagUser"
    return Snap().user("attacker", [allow("*"), quarantine, allow("iam:UntagUser", SELF_USER, untag_condition)],
                       tags={"quarantine": "true"})


# Removing the tag makes the key absent: the Deny no longer applies, definitely.
technique("iam-untag-user", quarantined_user(),
          {"deny-covers-untag": quarantined_user(untag_denied=True)})
CASES["iam-untag-user"][0] = CASES["iam-untag-user"][0][:6] + (False, True)
case("iam-untag-user", "near-miss-other-key-only",
     Snap().user("attacker", [allow("*"), {"Effect": "Deny", "NotAction": ["iam:UntagUser"], "Resource": "*",
                                           "Condition": QUARANTINED},
                              {"Effect": "Deny", "Action": "iam:UntagUser", "Resource": "*",
                               "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["quarantine"]}}}],
                 tags={"quarantine": "true"}), ATTACKER, ROOT, False, admin=False)


def tag_role_self(extra=()):
    return Snap().role("attacker", {"Service": "ec2.amazonaws.com"},
                       [allow("*", "*", ADMINS_TAG), allow("iam:TagRole", ROLE_ATTACKER)] + list(extra))


technique("iam-tag-role", tag_role_self(), {"tag-denied": tag_role_self([deny("iam:TagRole")])}, frm=ROLE_ATTACKER)
CASES["iam-tag-role"][0] = CASES["iam-tag-role"][0][:6] + (True, True)


def tag_assumable(tag_resource=IAM + "role/plain"):
    """A role the attacker can assume that may do anything once tagged team=admins; the attacker may tag it."""
    return Snap().role("plain", {"AWS": ATTACKER}, [allow("*", "*", ADMINS_TAG)]) \
        .user("attacker", [allow("sts:AssumeRole", IAM + "role/plain"), allow("iam:TagRole", tag_resource)])


case("iam-tag-role", "positive-assumable-role", tag_assumable(), ATTACKER, IAM + "role/plain", True,
     "tagging a role it can assume makes that role admin-equivalent", conditional=True, admin=True)
case("iam-tag-role", "near-miss-assumable-role-other-role-only", tag_assumable(IAM + "role/other"), ATTACKER,
     IAM + "role/plain", False, admin=False)


def quarantined_role(untag_denied=False):
    quarantine = {"Effect": "Deny", "Resource": "*", "Condition": QUARANTINED}
    quarantine["Action" if untag_denied else "NotAction"] = "*" if untag_denied else "iam:UntagRole"
    return Snap().role("attacker", {"Service": "ec2.amazonaws.com"},
                       [allow("*"), quarantine, allow("iam:UntagRole", ROLE_ATTACKER)], tags={"quarantine": "true"})


technique("iam-untag-role", quarantined_role(), {"deny-covers-untag": quarantined_role(untag_denied=True)},
          frm=ROLE_ATTACKER)
CASES["iam-untag-role"][0] = CASES["iam-untag-role"][0][:6] + (False, True)

# Resources: the technique's action is allowed only on resources tagged env=dev; this one is tagged env=prod, and the
# attacker may retag it with its service's tag action (conditional on the value it sets).
DEV_ONLY = {"StringEquals": {"aws:ResourceTag/env": "dev"}}
CREATE_ONLY = {"StringEquals": {"ec2:CreateAction": "RunInstances"}}
for inner, actions in [("ssm-send-command", ["ssm:SendCommand"]), ("ssm-start-session", ["ssm:StartSession"]),
                       ("ec2-instance-connect-send-ssh-public-key", ["ec2-instance-connect:SendSSHPublicKey"]),
                       ("ec2-modify-instance-user-data",
                        ["ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances"])]:
    tid = "tag-then-" + inner
    # Tags only when launching an instance (ec2:CreateAction is absent when tagging an existing one).
    technique(tid, instance(actions, DEV_ONLY, extra=[allow("ec2:CreateTags")]),
              {"tag-on-create-only": instance(actions, DEV_ONLY, extra=[allow("ec2:CreateTags", "*", CREATE_ONLY)])},
              to=SVC_ROLE)
    CASES[tid][0] = CASES[tid][0][:6] + (True, True)
# Allowed as it is: the technique's own edge, not this one (the attacker still reaches the role).
case("tag-then-ssm-send-command", "near-miss-allowed-as-it-is",
     instance("ssm:SendCommand", extra=[allow("ec2:CreateTags")]), ATTACKER, SVC_ROLE, False, admin=True)
# A Deny on the tag the instance has, escaped by removing it (ec2:DeleteTags): conditional, the key being unknown.
case("tag-then-ssm-send-command", "positive-delete-tags",
     instance("ssm:SendCommand", extra=[{"Effect": "Deny", "Action": "ssm:SendCommand", "Resource": "*",
                                         "Condition": {"StringEquals": {"aws:ResourceTag/env": "prod"}}},
                                        allow("ec2:DeleteTags")]), ATTACKER, SVC_ROLE, True, conditional=True)


def tagged_function(tag=("lambda:TagResource",), tag_condition=None):
    return Snap().role("svc-role", {"Service": "lambda.amazonaws.com"}, attached=[ADMIN_ARN]) \
        .resource(FN, "AWS::Lambda::Function", roleArn=SVC_ROLE, tags={"env": "prod"}) \
        .user("attacker", [allow("lambda:UpdateFunctionCode", FN, DEV_ONLY), allow(list(tag), FN, tag_condition)])


technique("tag-then-lambda-update-function-code", tagged_function(),
          {"tag-keys-limited": tagged_function(tag_condition={"ForAllValues:StringEquals": {"aws:TagKeys": ["owner"]}}),
           "no-tagging": tagged_function(tag=("lambda:ListTags",))}, to=SVC_ROLE)
CASES["tag-then-lambda-update-function-code"][0] = CASES["tag-then-lambda-update-function-code"][0][:6] + (True, True)


def tagged_endpoint(extra=()):
    return Snap().role("svc-role", {"Service": "glue.amazonaws.com"}, attached=[ADMIN_ARN]) \
        .resource(EP, "AWS::Glue::DevEndpoint", roleArn=SVC_ROLE, tags={"env": "prod"}) \
        .user("attacker", [allow("glue:UpdateDevEndpoint", "*", DEV_ONLY), allow("glue:TagResource")] + list(extra))


technique("tag-then-glue-update-dev-endpoint", tagged_endpoint(),
          {"tag-denied": tagged_endpoint([deny("glue:TagResource", EP)])}, to=SVC_ROLE)
CASES["tag-then-glue-update-dev-endpoint"][0] = CASES["tag-then-glue-update-dev-endpoint"][0][:6] + (True, True)


def tagged_task(cluster_condition=False):
    """ECS Exec is authorized on the task and on its cluster; the attacker may retag the task only."""
    props = {"clusterArn": CLUSTER, "enableExecuteCommand": True, "lastStatus": "RUNNING"}
    return Snap().role("svc-role", {"Service": "ecs-tasks.amazonaws.com"}, attached=[ADMIN_ARN]) \
        .resource(TASK, "AWS::ECS::Task", roleArn=SVC_ROLE, properties=props, tags={"env": "prod"}) \
        .user("attacker", [allow("ecs:ExecuteCommand", TASK, DEV_ONLY),
                           allow("ecs:ExecuteCommand", CLUSTER, DEV_ONLY if cluster_condition else None),
                           allow("ecs:TagResource", TASK)])


# Only the task is retagged: a condition on the cluster's tags still fails.
technique("tag-then-ecs-execute-command", tagged_task(), {"cluster-tag-condition": tagged_task(True)}, to=SVC_ROLE)
CASES["tag-then-ecs-execute-command"][0] = CASES["tag-then-ecs-execute-command"][0][:6] + (True, True)


def tagged_apprunner(tag="apprunner:TagResource"):
    return Snap().role("svc-role", {"Service": "tasks.apprunner.amazonaws.com"}, attached=[ADMIN_ARN]) \
        .resource(APPRUNNER_SERVICE, "AWS::AppRunner::Service", roleArn=SVC_ROLE, properties={"Status": "RUNNING"},
                  tags={"env": "prod"}) \
        .user("attacker", [allow("apprunner:UpdateService", APPRUNNER_SERVICE, DEV_ONLY), allow(tag)])


technique("tag-then-apprunner-update-service", tagged_apprunner(),
          {"no-tagging": tagged_apprunner("apprunner:ListTagsForResource")}, to=SVC_ROLE)
CASES["tag-then-apprunner-update-service"][0] = CASES["tag-then-apprunner-update-service"][0][:6] + (True, True)

# --- New principals made administrators ------------------------------------------------------------------------
BOUNDARY_REQUIRED = {"StringEquals": {"iam:PermissionsBoundary": IAM + "policy/tight"}}
READ_ONLY_ONLY = {"ArnEquals": {"iam:PolicyARN": "arn:aws:iam::aws:policy/ReadOnlyAccess"}}


def new_user(create_condition=None, grant=("iam:AttachUserPolicy",), grant_condition=None,
             credentials=("iam:CreateAccessKey",)):
    # Users named new-* only: a grant on every user would cover the attacker itself (iam-attach-user-policy).
    statements = [allow("iam:CreateUser", IAM + "user/new-*", create_condition),
                  allow(list(grant), IAM + "user/new-*", grant_condition)]
    if credentials:
        statements.append(allow(list(credentials)))
    return Snap().user("attacker", statements)


technique("iam-create-user-with-policy", new_user(),
          {"boundary-required": new_user(create_condition=BOUNDARY_REQUIRED),
           "no-credentials": new_user(credentials=()),
           "read-only-policy-only": new_user(grant_condition=READ_ONLY_ONLY)})


def new_role(create_condition=None, grant=("iam:PutRolePolicy",), extra=()):
    return Snap().user("attacker", [allow("iam:CreateRole", "*", create_condition), allow(list(grant))] + list(extra))


technique("iam-create-role-with-policy", new_role(),
          {"boundary-required": new_role(create_condition=BOUNDARY_REQUIRED),
           "assume-denied": new_role(extra=[deny("sts:AssumeRole")])})

# --- Existing compute taken over: stacks, stack sets, notebooks, interpreters, launch templates, jobs, functions -
STACK = f"arn:aws:cloudformation:us-east-1:{ACCT}:stack/app/5b1c9a40-0d1e-11ef-9c1a-0a1b2c3d4e5f"
TEMPLATE_FROM_BUCKET = {"StringLike": {"cloudformation:TemplateUrl": "https://s3.amazonaws.com/approved-templates/*"}}


def stack(actions=("cloudformation:UpdateStack",), resource=STACK, status="UPDATE_COMPLETE", role=True,
          condition=None, scp=None):
    """A stack with a service role trusting CloudFormation; the attacker may act on it, and passes no role."""
    s = Snap().role("svc-role", {"Service": "cloudformation.amazonaws.com"}, attached=[ADMIN_ARN]) \
        .resource(STACK, "AWS::CloudFormation::Stack", properties={"StackName": "app", "StackStatus": status},
                  **({"roleArn": SVC_ROLE} if role else {})) \
        .user("attacker", [allow(list(actions), resource, condition)])
    if scp:
        s.scp_deny(scp)
    return s


# UpdateStack is authorized on the stack; the stack's role is used without iam:PassRole (CloudFormation User Guide).
technique("cloudformation-update-stack", stack(),
          {"other-stack-only": stack(resource=STACK.replace("stack/app/", "stack/other/")),
           "no-service-role": stack(role=False),
           "rollback-complete": stack(status="ROLLBACK_COMPLETE")}, to=SVC_ROLE)
# The template URL is the attacker's to choose: a policy limiting it makes the edge conditional, never drops it.
case("cloudformation-update-stack", "template-url-condition-conditional", stack(condition=TEMPLATE_FROM_BUCKET),
     ATTACKER, SVC_ROLE, True, conditional=True)
CHANGE_SET = ("cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet")
technique("cloudformation-change-set", stack(actions=CHANGE_SET),
          {"missing-execute": stack(actions=("cloudformation:CreateChangeSet",)),
           "scp": stack(actions=CHANGE_SET, scp=["cloudformation:ExecuteChangeSet"])}, to=SVC_ROLE)

STACK_SET = f"arn:aws:cloudformation:us-east-1:{ACCT}:stackset/baseline:4f2a8c1e-0b3d-4e5f-8a9b-0c1d2e3f4a5b"
SS_ADMIN = "AWSCloudFormationStackSetAdministrationRole"
SS_EXEC = IAM + "role/AWSCloudFormationStackSetExecutionRole"


def stack_set(admin_name=SS_ADMIN, pass_admin=False, exec_trusts_admin=True, accounts=(ACCT,)):
    """A self-managed stack set with an instance in this account: its administration role assumes the execution role."""
    admin = IAM + "role/" + admin_name
    statements = [allow("cloudformation:UpdateStackSet", STACK_SET)]
    if pass_admin:
        statements.append(allow("iam:PassRole", admin,
                                {"StringEquals": {"iam:PassedToService": "cloudformation.amazonaws.com"}}))
    return Snap().role(admin_name, {"Service": "cloudformation.amazonaws.com"},
                       [allow("sts:AssumeRole", "arn:aws:iam::*:role/AWSCloudFormationStackSetExecutionRole")]) \
        .role("AWSCloudFormationStackSetExecutionRole",
              {"AWS": admin if exec_trusts_admin else IAM + "role/someone-else"}, attached=[ADMIN_ARN]) \
        .resource(STACK_SET, "AWS::CloudFormation::StackSet", roleArn=admin,
                  properties={"StackSetName": "baseline", "Status": "ACTIVE", "PermissionModel": "SELF_MANAGED",
                              "ExecutionRoleName": "AWSCloudFormationStackSetExecutionRole",
                              "StackInstanceAccounts": list(accounts)}) \
        .user("attacker", statements)


# With the default administration role no role is passed; a customized one must be passed again on every update.
technique("cloudformation-update-stack-set", stack_set(),
          {"customized-administration-role-not-passable": stack_set(admin_name="stackset-admin"),
           "execution-role-does-not-trust-administration-role": stack_set(exec_trusts_admin=False),
           "no-stack-instance-here": stack_set(accounts=("222222222222",))}, to=SS_EXEC)
case("cloudformation-update-stack-set", "positive-customized-administration-role-passed",
     stack_set(admin_name="stackset-admin", pass_admin=True), ATTACKER, SS_EXEC, True)
# Service-managed: StackSets' service-linked role assumes the stacksets-exec-* roles it created; nothing is passed.
case("cloudformation-update-stack-set", "positive-service-managed",
     Snap().role("stacksets-exec-0a1b2c3d4e5f", {"AWS": "arn:aws:iam::999999999999:root"}, attached=[ADMIN_ARN])
     .resource(STACK_SET, "AWS::CloudFormation::StackSet",
               properties={"StackSetName": "baseline", "Status": "ACTIVE", "PermissionModel": "SERVICE_MANAGED",
                           "StackInstanceAccounts": [ACCT]})
     .user("attacker", [allow("cloudformation:UpdateStackSet", STACK_SET)]),
     ATTACKER, IAM + "role/stacksets-exec-0a1b2c3d4e5f", True)

NOTEBOOK = f"arn:aws:sagemaker:us-east-1:{ACCT}:notebook-instance/research"


LCC_CREATE = "sagemaker:CreateNotebookInstanceLifecycleConfig"


def notebook(actions, status="InService", condition=None, extra=(), resource=NOTEBOOK):
    """A notebook instance running with a role that trusts SageMaker; the attacker may act on notebooks (and create
    lifecycle configurations, a resource type of their own); `condition` is on the notebook actions."""
    statements = [allow([a for a in actions if a != LCC_CREATE], resource, condition)]
    if LCC_CREATE in actions:
        statements.append(allow(LCC_CREATE, f"arn:aws:sagemaker:us-east-1:{ACCT}:notebook-instance-lifecycle-config/*"))
    return Snap().role("svc-role", {"Service": "sagemaker.amazonaws.com"}, attached=[ADMIN_ARN]) \
        .resource(NOTEBOOK, "AWS::SageMaker::NotebookInstance", roleArn=SVC_ROLE,
                  properties={"NotebookInstanceName": "research", "NotebookInstanceStatus": status}) \
        .user("attacker", statements + list(extra))


URL = "sagemaker:CreatePresignedNotebookInstanceUrl"
technique("sagemaker-create-presigned-notebook-url", notebook([URL]),
          {"stopped-cannot-start": notebook([URL], status="Stopped"),
           "explicit-deny": notebook([URL], extra=[deny(URL, NOTEBOOK)]),
           "other-notebook-only": notebook([URL], resource=NOTEBOOK.replace("/research", "/other"))}, to=SVC_ROLE)
case("sagemaker-create-presigned-notebook-url", "positive-stopped-and-started",
     notebook([URL, "sagemaker:StartNotebookInstance"], status="Stopped"), ATTACKER, SVC_ROLE, True)

LCC = ["sagemaker:CreateNotebookInstanceLifecycleConfig", "sagemaker:StopNotebookInstance",
       "sagemaker:UpdateNotebookInstance", "sagemaker:StartNotebookInstance"]
technique("sagemaker-notebook-lifecycle-config", notebook(LCC),
          {"cannot-stop": notebook([a for a in LCC if a != "sagemaker:StopNotebookInstance"]),
           "cannot-create-config": notebook(LCC[1:])}, to=SVC_ROLE)
# A stopped notebook needs no stop; RootAccess is the attacker's to choose: conditional.
case("sagemaker-notebook-lifecycle-config", "positive-already-stopped",
     notebook([a for a in LCC if a != "sagemaker:StopNotebookInstance"], status="Stopped"), ATTACKER, SVC_ROLE, True)
case("sagemaker-notebook-lifecycle-config", "root-access-condition-conditional",
     notebook([a for a in LCC if a != "sagemaker:UpdateNotebookInstance"],
              extra=[allow("sagemaker:UpdateNotebookInstance", NOTEBOOK,
                           {"StringEquals": {"sagemaker:RootAccess": "Disabled"}})]),
     ATTACKER, SVC_ROLE, True, conditional=True)

INTERPRETER = f"arn:aws:bedrock-agentcore:us-east-1:{ACCT}:code-interpreter-custom/analysis_ci-a1B2c3D4e5"
SESSION = ["bedrock-agentcore:StartCodeInterpreterSession", "bedrock-agentcore:InvokeCodeInterpreter"]


def interpreter(actions=SESSION, resource=INTERPRETER, status="READY"):
    """A custom AgentCore code interpreter with an execution role; the attacker may start sessions and run code."""
    return Snap().role("svc-role", {"Service": "bedrock-agentcore.amazonaws.com"}, attached=[ADMIN_ARN]) \
        .resource(INTERPRETER, "AWS::BedrockAgentCore::CodeInterpreter", roleArn=SVC_ROLE,
                  properties={"name": "analysis_ci", "status": status}) \
        .user("attacker", [allow(list(actions), resource)])


technique("bedrock-agentcore-code-interpreter-session", interpreter(),
          {"missing-invoke": interpreter(actions=SESSION[:1]),
           "other-interpreter-only": interpreter(resource=INTERPRETER.replace("analysis_ci-", "other_ci-")),
           "deleting": interpreter(status="DELETING")}, to=SVC_ROLE)

LAUNCH_TEMPLATE = f"arn:aws:ec2:us-east-1:{ACCT}:launch-template/lt-0a1b2c3d4e5f67890"
ASG = (f"arn:aws:autoscaling:us-east-1:{ACCT}:autoScalingGroup:6d4a1f3e-2b5c-4d6e-8f70-9a1b2c3d4e5f"
       ":autoScalingGroupName/web")


def launch_group(version="$Latest", actions=("ec2:CreateLaunchTemplateVersion",), max_size=4, profile=True,
                 by_name=False):
    """An Auto Scaling group launching a template; an EC2 role in an instance profile; no iam:PassRole."""
    spec = {"LaunchTemplateName": "web"} if by_name else {"LaunchTemplateId": "lt-0a1b2c3d4e5f67890"}
    if version is not None:
        spec["Version"] = version
    s = Snap().role("svc-role", {"Service": "ec2.amazonaws.com"}, attached=[ADMIN_ARN], profile=profile) \
        .resource(ASG, "AWS::AutoScaling::AutoScalingGroup",
                  properties={"AutoScalingGroupName": "web", "LaunchTemplate": spec, "MinSize": 1,
                              "MaxSize": max_size, "DesiredCapacity": 1}) \
        .user("attacker", [allow(list(actions), LAUNCH_TEMPLATE)])
    if by_name:
        s.resource(LAUNCH_TEMPLATE, "AWS::EC2::LaunchTemplate",
                   properties={"LaunchTemplateName": "web", "DefaultVersionNumber": 3, "LatestVersionNumber": 3})
    return s


# A group at $Latest launches a new version as soon as it exists; at $Default it must be made the default.
technique("ec2-launch-template-new-version", launch_group(),
          {"default-version-not-modifiable": launch_group(version="$Default"),
           "fixed-version": launch_group(version="3"),
           "group-cannot-launch": launch_group(max_size=0),
           "no-instance-profile": launch_group(profile=False)}, to=SVC_ROLE)
case("ec2-launch-template-new-version", "positive-default-version",
     launch_group(version=None, actions=("ec2:CreateLaunchTemplateVersion", "ec2:ModifyLaunchTemplate")),
     ATTACKER, SVC_ROLE, True)
case("ec2-launch-template-new-version", "positive-template-by-name", launch_group(by_name=True), ATTACKER, SVC_ROLE,
     True)

JOB = f"arn:aws:glue:us-east-1:{ACCT}:job/nightly-etl"


def glue_job(start=("glue:StartJobRun",), job=True, passed_to=None):
    """An existing Glue job (its own role is a plain one) and a passable admin role that trusts Glue."""
    s = pass_role("glue.amazonaws.com", ["glue:GetJob"], passed_to=passed_to) \
        .role("etl-role", {"Service": "glue.amazonaws.com"}, [allow("s3:ListBucket")])
    s.users[-1]["UserPolicyList"][0]["PolicyDocument"]["Statement"].append(
        allow(["glue:UpdateJob"] + [a for a in start if a != "glue:CreateTrigger"], JOB))
    if "glue:CreateTrigger" in start:
        s.users[-1]["UserPolicyList"][0]["PolicyDocument"]["Statement"].append(allow("glue:CreateTrigger"))
    if job:
        s.resource(JOB, "AWS::Glue::Job", roleArn=IAM + "role/etl-role", properties={"Name": "nightly-etl"})
    return s


# UpdateJob rewrites the whole job, its role passed again; then the job must run: started, or by a new trigger.
technique("glue-update-job", glue_job(),
          {"cannot-start": glue_job(start=()),
           "no-job": glue_job(job=False),
           "passed-to-other-service": glue_job(passed_to="lambda.amazonaws.com")}, to=SVC_ROLE)
case("glue-update-job", "positive-trigger", glue_job(start=("glue:CreateTrigger",)), ATTACKER, SVC_ROLE, True)

FN_ROLE = IAM + "role/fn-role"


def lambda_swap(code=("lambda:UpdateFunctionCode",), package="Zip", passed_to=None):
    """A function running with a plain role; the attacker may switch it to an admin role that trusts Lambda."""
    s = pass_role("lambda.amazonaws.com", ["lambda:GetFunction"], passed_to=passed_to) \
        .role("fn-role", {"Service": "lambda.amazonaws.com"}, [allow("s3:ListBucket")]) \
        .resource(FN, "AWS::Lambda::Function", roleArn=FN_ROLE, properties={"PackageType": package})
    statements = s.users[-1]["UserPolicyList"][0]["PolicyDocument"]["Statement"]
    statements.append(allow(["lambda:UpdateFunctionConfiguration"] + [a for a in code if a.endswith("Code")], FN))
    if "lambda:GetLayerVersion" in code:
        statements.append(allow("lambda:GetLayerVersion"))
    return s


technique("lambda-update-function-configuration-role", lambda_swap(),
          {"no-new-code": lambda_swap(code=()),
           "container-image-layer-only": lambda_swap(code=("lambda:GetLayerVersion",), package="Image"),
           "passed-to-other-service": lambda_swap(passed_to="ec2.amazonaws.com")}, to=SVC_ROLE)
case("lambda-update-function-configuration-role", "positive-layer-instead-of-code",
     lambda_swap(code=("lambda:GetLayerVersion",)), ATTACKER, SVC_ROLE, True)


def layered(get_layer=True, package="Zip", condition=None, layers="*", publish=False):
    """A function running with an admin role; the attacker may add a layer (of `layers`) to it."""
    statements = [allow("lambda:UpdateFunctionConfiguration", FN, condition)]
    if get_layer:
        statements.append(allow("lambda:GetLayerVersion", layers))
    if publish:
        statements.append(allow("lambda:PublishLayerVersion", layers.rsplit(":", 1)[0]))
    return Snap().role("svc-role", {"Service": "lambda.amazonaws.com"}, attached=[ADMIN_ARN]) \
        .resource(FN, "AWS::Lambda::Function", roleArn=SVC_ROLE, properties={"PackageType": package}) \
        .user("attacker", statements)


# The layer must be the attacker's: in an account it owns, or published here; a vendor's layers give nothing.
OWN_LAYERS = f"arn:aws:lambda:us-east-1:{ACCT}:layer:*:*"
technique("lambda-update-function-configuration-layer", layered(),
          {"no-layer-permission": layered(get_layer=False),
           "container-image": layered(package="Image"),
           "vendor-layers-only": layered(layers="arn:aws:lambda:us-east-1:123456789012:layer:*:*"),
           "own-layers-cannot-publish": layered(layers=OWN_LAYERS)}, to=SVC_ROLE)
case("lambda-update-function-configuration-layer", "positive-published-here",
     layered(layers=OWN_LAYERS, publish=True), ATTACKER, SVC_ROLE, True)
# Layers limited to the account's own: the attacker's layer would have to be published here: conditional.
case("lambda-update-function-configuration-layer", "layer-condition-conditional",
     layered(condition={"ForAllValues:StringLike": {"lambda:Layer": f"arn:aws:lambda:*:{ACCT}:layer:*:*"}}),
     ATTACKER, SVC_ROLE, True, conditional=True)
case("lambda-update-function-configuration-layer", "positive-function-policy",
     Snap().role("svc-role", {"Service": "lambda.amazonaws.com"}, attached=[ADMIN_ARN])
     .resource(FN, "AWS::Lambda::Function", roleArn=SVC_ROLE, properties={"PackageType": "Zip"},
               policy=doc([{"Effect": "Allow", "Principal": {"AWS": ATTACKER},
                            "Action": "lambda:UpdateFunctionConfiguration", "Resource": FN}]))
     .user("attacker", [allow("lambda:GetLayerVersion")]), ATTACKER, SVC_ROLE, True)

# --- Techniques that create something new: pass-role rows ------------------------------------------------------
def service_linked(snap, service, name):
    """Adds the service-linked role `name` of `service` (path /aws-service-role/SERVICE/) to the snapshot."""
    snap.role(name, {"Service": service})
    r = snap.roles[-1]
    r["Path"] = f"/aws-service-role/{service}/"
    r["Arn"] = IAM + f"role/aws-service-role/{service}/{name}"
    return snap


SPOT_SLR = ("spot.amazonaws.com", "AWSServiceRoleForEC2Spot")


def spot(slr=True, create_slr=None, profile=True):
    """A Spot request with a passable instance-profile role; the Spot service-linked role present, or creatable."""
    s = pass_role("ec2.amazonaws.com", ["ec2:RequestSpotInstances"], profile=profile)
    if slr:
        service_linked(s, *SPOT_SLR)
    if create_slr:
        s.users[-1]["UserPolicyList"][0]["PolicyDocument"]["Statement"].append(
            allow("iam:CreateServiceLinkedRole", "*", {"StringEquals": {"iam:AWSServiceName": create_slr}}))
    return s


# EC2 Spot needs its service-linked role: without it, and without the right to create it, no Spot Instance.
technique("ec2-request-spot-instances", spot(),
          {"no-service-linked-role": spot(slr=False),
           "creates-other-service-linked-role": spot(slr=False, create_slr="autoscaling.amazonaws.com"),
           "no-instance-profile": spot(profile=False)}, to=SVC_ROLE)
case("ec2-request-spot-instances", "positive-creates-service-linked-role",
     spot(slr=False, create_slr="spot.amazonaws.com"), ATTACKER, SVC_ROLE, True)

NEW_PASS = [
    ("lambda-create-function-add-permission", "lambda.amazonaws.com",
     ["lambda:CreateFunction", "lambda:AddPermission"], False,
     {"missing-add-permission": dict(actions=["lambda:CreateFunction", "lambda:GetPolicy"]),
      "role-trusts-glue": dict(trust_service="glue.amazonaws.com")}),
    ("glue-create-job-start-job-run", "glue.amazonaws.com", ["glue:CreateJob", "glue:StartJobRun"], False,
     {"missing-start-job-run": dict(actions=["glue:CreateJob"]),
      "passed-to-other-service": dict(passed_to="lambda.amazonaws.com")}),
    ("glue-create-job-create-trigger", "glue.amazonaws.com", ["glue:CreateJob", "glue:CreateTrigger"], False,
     {"missing-trigger": dict(actions=["glue:CreateJob", "glue:GetTrigger"]),
      "role-trusts-lambda": dict(trust_service="lambda.amazonaws.com")}),
    ("codebuild-create-project-batch", "codebuild.amazonaws.com",
     ["codebuild:CreateProject", "codebuild:StartBuildBatch"], False,
     {"missing-start-build-batch": dict(actions=["codebuild:CreateProject"]),
      "pass-other-role": dict(pass_resource=IAM + "role/other-*")}),
]
for tid, service, actions, profile, misses in NEW_PASS:
    near = {}
    for name, kw in misses.items():
        args = dict(service=service, actions=actions, profile=profile)
        args.update(kw)
        near[name] = pass_role(**args)
    technique(tid, pass_role(service, actions, profile=profile), near, to=SVC_ROLE)

# The function policy's principal is the attacker's to pick: a policy limiting it makes the edge conditional.
_limited = pass_role("lambda.amazonaws.com", ["lambda:CreateFunction"])
_limited.users[-1]["UserPolicyList"][0]["PolicyDocument"]["Statement"].append(
    allow("lambda:AddPermission", "*", {"StringEquals": {"lambda:Principal": "events.amazonaws.com"}}))
case("lambda-create-function-add-permission", "principal-condition-conditional", _limited, ATTACKER, SVC_ROLE, True,
     conditional=True)

# --- Passing a role whose request names it: the key AWS sets to the role or its profile --------------------------
SVC_PROFILE = IAM + "instance-profile/svc-role"


def passing(service, statements, profile=False, extra_roles=()):
    """A passable admin role trusting `service`; the attacker may pass it and has `statements` besides."""
    s = Snap().role("svc-role", {"Service": service}, attached=[ADMIN_ARN], profile=profile)
    for name in extra_roles:
        s.role(name, {"Service": service}, profile=profile)
    return s.user("attacker", [allow("iam:PassRole", SVC_ROLE)] + list(statements))


NO_PROFILE = {"Null": {"ec2:InstanceProfile": "true"}}
OTHER_PROFILE = {"ArnEquals": {"ec2:InstanceProfile": IAM + "instance-profile/other"}}
# RunInstances allowed only for instances launched without a profile: launching one with the role's is refused.
case("ec2-run-instances-pass-role", "near-miss-launch-without-profile-only",
     passing("ec2.amazonaws.com", [allow("ec2:RunInstances", "*", NO_PROFILE)], profile=True),
     ATTACKER, SVC_ROLE, False)
case("ec2-run-instances-pass-role", "near-miss-other-profile-only",
     passing("ec2.amazonaws.com", [allow("ec2:RunInstances", "*", OTHER_PROFILE)], profile=True),
     ATTACKER, SVC_ROLE, False)
case("cloudformation-create-stack", "near-miss-role-arn-condition",
     passing("cloudformation.amazonaws.com", [allow("cloudformation:CreateStack", "*",
                                                    {"ArnEquals": {"cloudformation:RoleArn": IAM + "role/other"}})]),
     ATTACKER, SVC_ROLE, False)
case("cloudformation-create-stack", "positive-role-arn-condition",
     passing("cloudformation.amazonaws.com", [allow("cloudformation:CreateStack", "*",
                                                    {"ArnEquals": {"cloudformation:RoleArn": SVC_ROLE}})]),
     ATTACKER, SVC_ROLE, True, conditional=False)
case("codebuild-create-project", "near-miss-service-role-condition",
     passing("codebuild.amazonaws.com", [allow("codebuild:StartBuild"), allow(
         "codebuild:CreateProject", "*", {"ArnEquals": {"codebuild:serviceRole": IAM + "role/other"}})]),
     ATTACKER, SVC_ROLE, False)

# --- EC2: launch templates and instance profile associations ------------------------------------------------------
REQUIRE_TEMPLATE = {"ArnLike": {"ec2:LaunchTemplate": f"arn:aws:ec2:*:{ACCT}:launch-template/*"}}


def launch_template(create=True, run_condition=REQUIRE_TEMPLATE, profile=True):
    statements = [allow("ec2:RunInstances", "*", run_condition)]
    if create:
        statements.append(allow("ec2:CreateLaunchTemplate"))
    return passing("ec2.amazonaws.com", statements, profile=profile)


# RunInstances only with a launch template: ec2-run-instances-pass-role cannot launch, a template of the
# attacker's can. Its profile is still the passed role's: a condition on another profile refuses it.
technique("ec2-create-launch-template", launch_template(),
          {"no-create-launch-template": launch_template(create=False),
           "other-profile-only": launch_template(run_condition=dict(REQUIRE_TEMPLATE, **OTHER_PROFILE)),
           "no-instance-profile": launch_template(profile=False)}, to=SVC_ROLE)
case("ec2-create-launch-template", "positive-template-parameters-only",
     launch_template(run_condition=dict(REQUIRE_TEMPLATE, Bool={"ec2:IsLaunchTemplateResource": "true"})),
     ATTACKER, SVC_ROLE, True, conditional=False)
OTHER_NEW_PROFILE = {"ArnEquals": {"ec2:NewInstanceProfile": IAM + "instance-profile/other"}}


def associate_new(associate_condition=None, launch=True):
    """A new instance launched without a profile (the only launch allowed), then given the role's profile."""
    statements = [allow("ec2:AssociateIamInstanceProfile", "*", associate_condition)]
    if launch:
        statements.append(allow("ec2:RunInstances", "*", NO_PROFILE))
    return passing("ec2.amazonaws.com", statements, profile=True)


def on_instance(action, way_in=("ssm:SendCommand",), instance_profile=None, extra=(), condition=None):
    """An instance of the account (with `instance_profile`'s role, app-role, or none) and the attacker's way in."""
    statements = [allow(action, "*", condition)]
    if way_in:
        statements.append(allow(list(way_in), INSTANCE))
    s = passing("ec2.amazonaws.com", statements + list(extra), profile=True,
                extra_roles=("app-role",) if instance_profile else ())
    kw = {"instanceProfileArn": IAM + "instance-profile/app-role"} if instance_profile else {}
    return s.resource(INSTANCE, "AWS::EC2::Instance", tags={}, properties={"State": "running"}, **kw)


technique("ec2-associate-iam-instance-profile", associate_new(),
          {"other-new-profile-only": associate_new(associate_condition=OTHER_NEW_PROFILE),
           "no-instance": associate_new(launch=False),
           "existing-no-way-in": on_instance("ec2:AssociateIamInstanceProfile", way_in=()),
           "existing-with-profile-not-disassociated": on_instance("ec2:AssociateIamInstanceProfile",
                                                                   instance_profile=True)}, to=SVC_ROLE)
case("ec2-associate-iam-instance-profile", "positive-existing-instance",
     on_instance("ec2:AssociateIamInstanceProfile"), ATTACKER, SVC_ROLE, True)
case("ec2-associate-iam-instance-profile", "positive-existing-instance-disassociated",
     on_instance("ec2:AssociateIamInstanceProfile", instance_profile=True,
                 extra=[allow("ec2:DisassociateIamInstanceProfile", INSTANCE)]), ATTACKER, SVC_ROLE, True)
APP_PROFILE_ONLY = {"ArnEquals": {"ec2:InstanceProfile": IAM + "instance-profile/other"}}
technique("ec2-replace-iam-instance-profile-association",
          on_instance("ec2:ReplaceIamInstanceProfileAssociation", way_in=("ssm:StartSession",), instance_profile=True),
          {"current-profile-condition": on_instance("ec2:ReplaceIamInstanceProfileAssociation",
                                                    way_in=("ssm:StartSession",), instance_profile=True,
                                                    condition=APP_PROFILE_ONLY),
           "no-way-in": on_instance("ec2:ReplaceIamInstanceProfileAssociation", way_in=(), instance_profile=True),
           "instance-without-profile": on_instance("ec2:ReplaceIamInstanceProfileAssociation",
                                                   way_in=("ssm:StartSession",))}, to=SVC_ROLE)
case("ec2-replace-iam-instance-profile-association", "positive-user-data",
     on_instance("ec2:ReplaceIamInstanceProfileAssociation", instance_profile=True,
                 way_in=("ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances")),
     ATTACKER, SVC_ROLE, True)

# --- New policies and groups -------------------------------------------------------------------------------------
TEAM_POLICIES = IAM + "policy/team/*"
TEAM_ONLY = {"ArnLike": {"iam:PolicyARN": TEAM_POLICIES}}


def create_attach(create=TEAM_POLICIES, attach=("iam:AttachUserPolicy", IAM + "user/attacker"), condition=TEAM_ONLY,
                  boundary=False, groups=(), extra=()):
    """Attaching is allowed only for the team's policies (AdministratorAccess is not one): a new one will do."""
    statements = [allow(attach[0], attach[1], condition)] if attach else []
    if create:
        statements.append(allow("iam:CreatePolicy", create))
    s = Snap()
    if boundary:
        s.policy("tight", [allow("iam:*")])
    for g in groups:
        s.group(g)
    return s.user("attacker", statements + list(extra), groups=list(groups),
                  boundary=IAM + "policy/tight" if boundary else None)


technique("iam-create-policy-attach", create_attach(),
          {"create-elsewhere-only": create_attach(create=IAM + "policy/sandbox/*"),
           "no-attach": create_attach(attach=None),
           "aws-managed-policy-only": create_attach(create="*", condition=READ_ONLY_ONLY),
           "boundary": create_attach(boundary=True)})
case("iam-create-policy-attach", "positive-own-group",
     create_attach(attach=("iam:AttachGroupPolicy", IAM + "group/team"), groups=("team",)), ATTACKER, ROOT, True)
case("iam-create-policy-attach", "positive-role-it-can-assume",
     create_attach(attach=("iam:AttachRolePolicy", IAM + "role/*"), extra=[allow("sts:AssumeRole", IAM + "role/*")])
     .role("plain", {"AWS": ATTACKER}, [allow("s3:ListBucket")]), ATTACKER, IAM + "role/plain", True)


def new_group(add=IAM + "group/new-*", grant=("iam:AttachGroupPolicy",), grant_condition=None, boundary=False,
              role=False, new_user=False):
    """A group of the attacker's making, with a policy it writes, and a user it holds in it."""
    statements = [allow("iam:CreateGroup", IAM + "group/new-*"), allow(list(grant), IAM + "group/new-*", grant_condition),
                  allow("iam:AddUserToGroup" if add else "iam:GetGroup", add or IAM + "group/new-*")]
    if new_user:
        statements += [allow("iam:CreateUser", IAM + "user/new-*"), allow("iam:CreateAccessKey", IAM + "user/new-*")]
    s = Snap()
    if boundary:
        s.policy("tight", [allow("iam:*")])
    if role:
        return s.role("attacker", {"Service": "ec2.amazonaws.com"}, statements)
    return s.user("attacker", statements, boundary=IAM + "policy/tight" if boundary else None)


technique("iam-create-group-with-policy", new_group(),
          {"no-add-to-group": new_group(add=None),
           "read-only-policy-only": new_group(grant_condition=READ_ONLY_ONLY),
           "other-groups-only": new_group(add=IAM + "group/existing-*"),
           "boundary-and-no-new-user": new_group(boundary=True)})
case("iam-create-group-with-policy", "positive-inline-policy", new_group(grant=("iam:PutGroupPolicy",)),
     ATTACKER, ROOT, True)
# A role cannot be a group member: it creates a user for the group, and that user's access key.
case("iam-create-group-with-policy", "positive-role-new-user", new_group(role=True, new_user=True),
     ROLE_ATTACKER, ROOT, True)
case("iam-create-group-with-policy", "near-miss-role-no-new-user", new_group(role=True), ROLE_ATTACKER, ROOT, False)

# --- Existing resources turned to a passed role: CodeBuild projects, ECS container instances, launch configs ------
def update_project(start="codebuild:StartBuild", project=True, condition=None):
    """A project running with a weak role; the attacker may switch it to svc-role and start a build."""
    s = passing("codebuild.amazonaws.com", [allow("codebuild:UpdateProject", PROJECT, condition)]
                + ([allow(start, PROJECT)] if start else []), extra_roles=("low-role",))
    if project:
        s.resource(PROJECT, "AWS::CodeBuild::Project", roleArn=IAM + "role/low-role")
    return s


technique("codebuild-update-project", update_project(),
          {"no-project": update_project(project=False),
           "no-start-build": update_project(start=None),
           "service-role-condition": update_project(
               condition={"ArnEquals": {"codebuild:serviceRole": IAM + "role/low-role"}})}, to=SVC_ROLE)
case("codebuild-update-project", "positive-batch", update_project(start="codebuild:StartBuildBatch"), ATTACKER,
     SVC_ROLE, True)

CONTAINER_INSTANCE = f"arn:aws:ecs:us-east-1:{ACCT}:container-instance/web/0123456789abcdef0123456789abcdef"


def start_task(instance=True, condition=None):
    s = passing("ecs-tasks.amazonaws.com", [allow("ecs:RegisterTaskDefinition"), allow("ecs:StartTask", "*", condition)])
    if instance:
        s.resource(CONTAINER_INSTANCE, "AWS::ECS::ContainerInstance", properties={"clusterArn": CLUSTER})
    return s


# StartTask places the task on a container instance the request names: none in the account, no task.
technique("ecs-start-task", start_task(),
          {"no-container-instance": start_task(instance=False),
           "other-cluster-only": start_task(
               condition={"ArnEquals": {"ecs:cluster": f"arn:aws:ecs:us-east-1:{ACCT}:cluster/other"}})},
          to=SVC_ROLE)

EXEC_ROLE = IAM + "role/AWSCloudFormationStackSetExecutionRole"


def stack_set(admin="AWSCloudFormationStackSetAdministrationRole", pass_admin=False, assume=IAM + "role/*",
              exec_path="/", instances=True):
    """An administration role trusting CloudFormation, an execution role (admin) trusting the account."""
    s = Snap().role(admin, {"Service": "cloudformation.amazonaws.com"}, [allow("sts:AssumeRole", assume)]) \
        .role("AWSCloudFormationStackSetExecutionRole", {"AWS": ROOT}, attached=[ADMIN_ARN])
    if exec_path != "/":
        s.roles[-1]["Path"] = exec_path
        s.roles[-1]["Arn"] = IAM + "role" + exec_path + "AWSCloudFormationStackSetExecutionRole"
    statements = [allow("cloudformation:CreateStackSet"),
                  allow("cloudformation:CreateStackInstances" if instances else "cloudformation:DescribeStackSet")]
    if pass_admin:
        statements.append(allow("iam:PassRole", IAM + "role/" + admin,
                                {"StringEquals": {"iam:PassedToService": "cloudformation.amazonaws.com"}}))
    return s.user("attacker", statements)


# The default administration role is used without being passed; another one must be passed.
technique("cloudformation-create-stack-set", stack_set(),
          {"custom-administration-role-not-passed": stack_set(admin="stackset-admin"),
           "administration-role-cannot-assume": stack_set(assume=IAM + "role/other"),
           "execution-role-with-path": stack_set(exec_path="/cfn/"),
           "no-stack-instances": stack_set(instances=False)}, to=EXEC_ROLE)
case("cloudformation-create-stack-set", "positive-custom-administration-role-passed",
     stack_set(admin="stackset-admin", pass_admin=True), ATTACKER, EXEC_ROLE, True)

LAUNCH_CONFIGURATION = (f"arn:aws:autoscaling:us-east-1:{ACCT}:launchConfiguration:"
                        "11111111-2222-3333-4444-555555555555:launchConfigurationName/web-lc")
ASG_SLR = ("autoscaling.amazonaws.com", "AWSServiceRoleForAutoScaling")


def launch_configuration(way_in=("ssm:SendCommand",), slr=True, configuration=True, condition=None):
    """An existing launch configuration with svc-role's profile; the attacker may create groups and get in."""
    statements = [allow("autoscaling:CreateAutoScalingGroup", "*", condition)]
    if way_in:
        statements.append(allow(list(way_in)))
    s = Snap().role("svc-role", {"Service": "ec2.amazonaws.com"}, attached=[ADMIN_ARN], profile=True) \
        .user("attacker", statements)
    if slr:
        service_linked(s, *ASG_SLR)
    if configuration:
        s.resource(LAUNCH_CONFIGURATION, "AWS::AutoScaling::LaunchConfiguration", instanceProfileArn=SVC_PROFILE)
    return s


technique("autoscaling-existing-launch-configuration", launch_configuration(),
          {"no-way-in": launch_configuration(way_in=()),
           "no-service-linked-role": launch_configuration(slr=False),
           "no-launch-configuration": launch_configuration(configuration=False),
           "other-configuration-only": launch_configuration(
               condition={"StringEquals": {"autoscaling:LaunchConfigurationName": "other-lc"}})}, to=SVC_ROLE)

# The new user's name is the attacker's: created anywhere, granted on new-* only, it is named new-*.
case("iam-create-user-with-policy", "positive-name-the-grant-allows",
     Snap().user("attacker", [allow("iam:CreateUser"), allow("iam:AttachUserPolicy", IAM + "user/new-*"),
                              allow("iam:CreateAccessKey")]), ATTACKER, ROOT, True)

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for tid, cases in CASES.items():
        d = os.path.join(here, tid)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        listing = []
        for name, snap, frm, to, reported, why, conditional, admin in cases:
            with open(os.path.join(d, name + ".json"), "w") as f:
                json.dump(snap.json(), f, indent=1)
                f.write("\n")
            entry = {"snapshot": name + ".json", "from": frm, "to": to, "reported": reported, "admin": admin}
            if why:
                entry["why"] = why
            if conditional is not None:
                entry["conditional"] = conditional
            listing.append(entry)
        with open(os.path.join(d, "cases.json"), "w") as f:
            json.dump(listing, f, indent=1)
            f.write("\n")
    print(len(CASES), "techniques,", sum(len(c) for c in CASES.values()), "snapshots")
