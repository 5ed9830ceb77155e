#!/usr/bin/env python3
"""Writes the credential-context fixtures: one account, a user `attacker` (its long-term keys stolen) and at
most one role it may assume; each snapshot puts a guard keyed on the credential (aws:TokenIssueTime,
aws:MultiFactorAuthPresent) on the user or on the role. cases.json says whether the attacker reaches admin
and why (IAM User Guide, AWS global condition context keys). Run from this directory."""
import json

ACCOUNT = "111111111111"
DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html"
KC = "https://repost.aws/knowledge-center/mfa-iam-user-aws-cli"
ADMIN = {"Effect": "Allow", "Action": "*", "Resource": "*"}


def doc(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


def deny(condition):
    return {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": condition}


def user(statements):
    return {"UserName": "attacker", "UserId": "AIDAATTACKERXXXX", "Arn": f"arn:aws:iam::{ACCOUNT}:user/attacker",
            "Path": "/", "CreateDate": "2025-01-01T00:00:00Z",
            "UserPolicyList": [{"PolicyName": "inline", "PolicyDocument": doc(*statements)}],
            "AttachedManagedPolicies": [], "GroupList": [], "Tags": []}


def role(statements, compute=False):
    """The role `guarded`: assumable by the attacker, or (compute) by EC2 through an instance profile."""
    principal = {"Service": "ec2.amazonaws.com"} if compute else {"AWS": f"arn:aws:iam::{ACCOUNT}:user/attacker"}
    trust = doc({"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"})
    profiles = [{"InstanceProfileName": "guarded", "InstanceProfileId": "AIPAGUARDEDXXXXX",
                 "Arn": f"arn:aws:iam::{ACCOUNT}:instance-profile/guarded", "Path": "/", "Roles": []}] if compute else []
    return {"RoleName": "guarded", "RoleId": "AROAGUARDEDXXXXX", "Arn": f"arn:aws:iam::{ACCOUNT}:role/guarded",
            "Path": "/", "CreateDate": "2025-01-01T00:00:00Z", "AssumeRolePolicyDocument": trust,
            "RolePolicyList": [{"PolicyName": "inline", "PolicyDocument": doc(*statements)}],
            "AttachedManagedPolicies": [], "InstanceProfileList": profiles, "Tags": []}


def snapshot(user_statements, role_statements=None, compute=False):
    return {"format": "iamscope-snapshot", "version": 1, "collectedAt": "2026-01-01T00:00:00Z",
            "collectedBy": {"Account": ACCOUNT, "Arn": f"arn:aws:iam::{ACCOUNT}:user/auditor",
                            "UserId": "AIDAAUDITOR"},
            "tool": "graph/credential-context/generate.py",
            "accounts": [{"accountId": ACCOUNT, "alias": "work", "authorizationDetails": {
                "UserDetailList": [user(user_statements)], "GroupDetailList": [],
                "RoleDetailList": [] if role_statements is None else [role(role_statements, compute)],
                "Policies": []},
                "accessKeys": [], "identityProviders": [], "resources": [], "gaps": []}]}


ASSUME = {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": f"arn:aws:iam::{ACCOUNT}:role/*"}
TOKEN_PRESENT = {"Effect": "Allow", "Action": "*", "Resource": "*",
                 "Condition": {"Null": {"aws:TokenIssueTime": "false"}}}
MFA_IF_EXISTS = deny({"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}})
MFA_BOOL = deny({"Bool": {"aws:MultiFactorAuthPresent": "false"}})
MFA_NULL = deny({"Null": {"aws:MultiFactorAuthPresent": "true"}})
# ec2-run-instances-pass-role: the attacker launches an instance with the role's profile and uses its session.
PASS_TO_EC2 = [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": f"arn:aws:iam::{ACCOUNT}:role/guarded"},
               {"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*"}]

CASES = [
    ("role-token-issue-time.json", snapshot([ASSUME], [TOKEN_PRESENT]), True, DOC,
     "the role allows everything when aws:TokenIssueTime exists: every role session carries it, so the"
     " attacker reaches admin through the role"),
    ("user-token-issue-time.json", snapshot([TOKEN_PRESENT]), False, DOC,
     "the same Allow on the user: long-term access keys carry no aws:TokenIssueTime"),
    ("role-deny-unless-mfa-ifexists.json", snapshot([ASSUME], [ADMIN, MFA_IF_EXISTS]), False, DOC,
     "a session assumed with stolen user keys has aws:MultiFactorAuthPresent false: the Deny applies"),
    ("user-deny-unless-mfa-ifexists.json", snapshot([ADMIN, MFA_IF_EXISTS]), False, KC,
     "long-term keys carry no aws:MultiFactorAuthPresent; BoolIfExists on a missing key is true: the Deny applies"),
    ("role-deny-mfa-bool.json", snapshot([ASSUME], [ADMIN, MFA_BOOL]), False, DOC,
     "Bool without IfExists: the role session's key is present and false, the Deny applies"),
    ("user-deny-mfa-bool.json", snapshot([ADMIN, MFA_BOOL]), True, KC,
     "Bool without IfExists on the missing key is false: long-term keys escape this Deny"),
    ("role-deny-mfa-null.json", snapshot([ASSUME], [ADMIN, MFA_NULL]), True, DOC,
     "Null true denies only when the key is missing; the role session has it (false): the Deny does not apply"),
    ("user-deny-mfa-null.json", snapshot([ADMIN, MFA_NULL]), False, DOC,
     "long-term keys lack aws:MultiFactorAuthPresent: Null true holds, the Deny applies"),
    ("compute-token-issue-time.json", snapshot(PASS_TO_EC2, [TOKEN_PRESENT], compute=True), True, DOC,
     "an instance profile's role session is temporary credentials too: aws:TokenIssueTime exists"),
    ("compute-deny-mfa-bool.json", snapshot(PASS_TO_EC2, [ADMIN, MFA_BOOL], compute=True), False, DOC,
     "a session on compute carries no MFA: aws:MultiFactorAuthPresent is false and the Deny applies"),
]

cases = []
for name, snap, admin, source, why in CASES:
    with open(name, "w") as f:
        json.dump(snap, f, indent=1)
        f.write("\n")
    cases.append({"snapshot": name, "from": f"arn:aws:iam::{ACCOUNT}:user/attacker", "admin": admin,
                  "source": source, "why": why})
with open("cases.json", "w") as f:
    json.dump(cases, f, indent=1)
    f.write("\n")
