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
        self.policies = [{"PolicyName": "AdministratorAccess", "Arn": ADMIN_ARN, "Path": "/",
                          "DefaultVersionId": "v1", "PolicyVersionList": [
                              {"VersionId": "v1", "IsDefaultVersion": True, "Document": doc(EVERYTHING)}]}]
        self.org = None

    def user(self, name, statements=(), groups=(), boundary=None, attached=()):
        u = {"UserName": name, "UserId": "AIDA" + name.upper().replace("-", "")[:12].ljust(12, "X"),
             "Arn": IAM + "user/" + name, "Path": "/", "CreateDate": "2025-01-01T00:00:00Z",
             "UserPolicyList": [{"PolicyName": "inline", "PolicyDocument": doc(list(statements))}] if statements else [],
             "AttachedManagedPolicies": [{"PolicyName": a.split("/")[-1], "PolicyArn": a} for a in attached],
             "GroupList": list(groups), "Tags": []}
        if boundary:
            u["PermissionsBoundary"] = {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": boundary}
        self.users.append(u)
        return self

    def role(self, name, trust, statements=(), profile=False, boundary=None, attached=(), trust_condition=None):
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
             "Tags": []}
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
                   "Policies": self.policies}, "accessKeys": [], "identityProviders": [],
                   "resources": self.resources, "gaps": []}]}
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
