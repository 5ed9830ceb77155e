#!/usr/bin/env python3
"""Writes the Terraform plans `iamscope check` is tested on, in the shape of `terraform show -json PLANFILE`
(Terraform's documented "JSON Output Format": format_version, resource_changes with change.actions / before /
after / after_unknown, and configuration.root_module.resources with each expression's references). They change
account 333333333333 (acme-dev) of the sample organization (../sample-org/snapshot.json):

- tf-adds-escalation.json: a new managed policy (iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction),
  a new role `reporting` trusting user audit-fmoreau, and the policy attached to it by a reference (its ARN is
  unknown until apply): audit-fmoreau can then pass lambda-admin-exec to a function and become admin. Fails.
- tf-removes-escalation.json: deletes intern-tkim's inline policy `self-service` (its way to admin). Passes.
- tf-harmless.json: a new role trusting EC2 with read-only S3 access, no one able to pass it. Passes.
- tf-unknown-trust.json: a new role with AdministratorAccess whose trust policy is unknown until apply (built
  from a data source): who can assume it is unknown, so the report makes it conditional, never "no one".
Run from this directory: python3 make-plans.py
"""
import json

ACCOUNT = "333333333333"


def plan(changes, config_resources):
    return {
        "format_version": "1.2",
        "terraform_version": "1.9.8",
        "resource_changes": changes,
        "configuration": {"provider_config": {"aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws"}},
                          "root_module": {"resources": config_resources}},
    }


def change(address, rtype, actions, before, after, after_unknown):
    return {"address": address, "mode": "managed", "type": rtype, "name": address.split(".")[1],
            "provider_name": "registry.terraform.io/hashicorp/aws",
            "change": {"actions": actions, "before": before, "after": after, "after_unknown": after_unknown,
                       "before_sensitive": False if before is None else {}, "after_sensitive": {}}}


def config(address, rtype, expressions):
    return {"address": address, "mode": "managed", "type": rtype, "name": address.split(".")[1],
            "provider_config_key": "aws", "expressions": expressions, "schema_version": 0}


def doc(*statements):
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def write(name, p):
    with open(name, "w") as f:
        json.dump(p, f, indent=1)
        f.write("\n")


tools = doc({"Sid": "DeployFunctions", "Effect": "Allow",
             "Action": ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"})
trust_audit = doc({"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:user/audit-fmoreau"},
                   "Action": "sts:AssumeRole"})
write("tf-adds-escalation.json", plan([
    change("aws_iam_policy.deploy_tools", "aws_iam_policy", ["create"], None,
           {"name": "deploy-tools", "path": "/", "description": "reporting deploys", "policy": tools, "tags": None},
           {"arn": True, "id": True, "policy_id": True, "tags_all": True}),
    change("aws_iam_role.reporting", "aws_iam_role", ["create"], None,
           {"name": "reporting", "path": "/", "assume_role_policy": trust_audit, "max_session_duration": 3600,
            "permissions_boundary": None, "tags": None},
           {"arn": True, "id": True, "unique_id": True, "inline_policy": True, "managed_policy_arns": True,
            "tags_all": True}),
    change("aws_iam_role_policy_attachment.reporting_tools", "aws_iam_role_policy_attachment", ["create"], None,
           {"role": "reporting"}, {"id": True, "policy_arn": True}),
], [
    config("aws_iam_policy.deploy_tools", "aws_iam_policy", {"name": {"constant_value": "deploy-tools"}}),
    config("aws_iam_role.reporting", "aws_iam_role", {"name": {"constant_value": "reporting"}}),
    config("aws_iam_role_policy_attachment.reporting_tools", "aws_iam_role_policy_attachment", {
        "role": {"references": ["aws_iam_role.reporting.name", "aws_iam_role.reporting"]},
        "policy_arn": {"references": ["aws_iam_policy.deploy_tools.arn", "aws_iam_policy.deploy_tools"]}}),
]))

with open("../sample-org/snapshot.json") as f:
    snapshot = json.load(f)
dev = next(a for a in snapshot["accounts"] if a["accountId"] == ACCOUNT)
intern = next(u for u in dev["authorizationDetails"]["UserDetailList"] if u["UserName"] == "intern-tkim")
self_service = next(p for p in intern["UserPolicyList"] if p["PolicyName"] == "self-service")
write("tf-removes-escalation.json", plan([
    change("aws_iam_user_policy.intern_self_service", "aws_iam_user_policy", ["delete"],
           {"id": "intern-tkim:self-service", "name": "self-service", "user": "intern-tkim",
            "policy": json.dumps(self_service["PolicyDocument"])}, None, {}),
], []))

write("tf-harmless.json", plan([
    change("aws_iam_role.thumbnails", "aws_iam_role", ["create"], None,
           {"name": "thumbnails", "path": "/service/", "assume_role_policy": doc(
               {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}),
            "inline_policy": [{"name": "read-images", "policy": doc(
                {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::acme-dev-images/*"})}],
            "permissions_boundary": None, "tags": {"team": "media"}},
           {"arn": True, "id": True, "unique_id": True, "managed_policy_arns": True, "tags_all": True}),
], [config("aws_iam_role.thumbnails", "aws_iam_role", {"name": {"constant_value": "thumbnails"}})]))

write("tf-unknown-trust.json", plan([
    change("aws_iam_role.break_glass_v2", "aws_iam_role", ["create"], None,
           {"name": "break-glass-v2", "path": "/", "permissions_boundary": None, "tags": None},
           {"arn": True, "assume_role_policy": True, "id": True, "unique_id": True, "inline_policy": True,
            "managed_policy_arns": True, "tags_all": True}),
    change("aws_iam_role_policy_attachment.break_glass_v2_admin", "aws_iam_role_policy_attachment", ["create"],
           None, {"role": "break-glass-v2", "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"},
           {"id": True}),
], [config("aws_iam_role.break_glass_v2", "aws_iam_role", {
    "name": {"constant_value": "break-glass-v2"},
    "assume_role_policy": {"references": ["data.aws_iam_policy_document.break_glass_trust.json",
                                          "data.aws_iam_policy_document.break_glass_trust"]}})]))

with open("tf-malformed.json", "w") as f:
    f.write('{"format_version": "1.2", "resource_changes": [{"address": "aws_iam_role.x", "mode": "managed",\n')
