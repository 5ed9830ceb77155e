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
- tf-opens-resources.json: resource-based policies: bucket acme-dev-datalake readable by anyone, function
  nightly-report invocable by account 999999999999, a new queue `exports` (its URL unknown until apply, found
  through the reference) writable by that account, a new KMS key with AWS's default key policy. Fails on the
  function only: the organization's RCP DataPerimeter keeps outsiders away from S3 and SQS whatever the
  resource policies say.
- tf-removes-rcp.json: the same bucket policy, and the RCP DataPerimeter deleted (with its attachment to the
  root): the bucket is then readable by anyone. Fails.
- public-buckets.json: not a plan but the base the next three are checked on, account 444455556666 (acme-web, no
  organization) with two buckets readable by anyone: acme-web-site under S3 Block Public Access
  (RestrictPublicBuckets and BlockPublicPolicy on: S3 ignores its public policy for everyone outside the account)
  and acme-web-downloads with none (public).
- tf-removes-public-access-block.json: deletes acme-web-site's aws_s3_bucket_public_access_block: the bucket is then
  readable by anyone. Fails.
- tf-adds-public-access-block.json: an aws_s3_account_public_access_block with restrict_public_buckets: both buckets
  restricted, acme-web-downloads's finding resolved. Passes.
- tf-unknown-public-access-block.json: acme-web-site's block replaced by one whose restrict_public_buckets is unknown
  until apply: the bucket is public conditional on terraform:aws_s3_bucket_public_access_block.site.
  restrict_public_buckets. Fails.
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

public_read = doc({"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                   "Resource": "arn:aws:s3:::acme-dev-datalake/*"})
partner_send = doc({"Sid": "PartnerSend", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"},
                    "Action": "sqs:SendMessage", "Resource": f"arn:aws:sqs:us-east-1:{ACCOUNT}:exports"})
opens = plan([
    change("aws_s3_bucket_policy.datalake", "aws_s3_bucket_policy", ["create"], None,
           {"bucket": "acme-dev-datalake", "policy": public_read}, {"id": True}),
    change("aws_lambda_permission.partner_invoke", "aws_lambda_permission", ["create"], None,
           {"action": "lambda:InvokeFunction", "function_name": "nightly-report", "principal": "999999999999",
            "statement_id": "PartnerInvoke", "qualifier": None, "source_arn": None, "source_account": None,
            "principal_org_id": None, "function_url_auth_type": None, "event_source_token": None},
           {"id": True}),
    change("aws_sqs_queue.exports", "aws_sqs_queue", ["create"], None,
           {"name": "exports", "fifo_queue": False, "tags": None},
           {"arn": True, "id": True, "policy": True, "url": True, "tags_all": True}),
    change("aws_sqs_queue_policy.exports", "aws_sqs_queue_policy", ["create"], None,
           {"policy": partner_send}, {"id": True, "queue_url": True}),
    change("aws_kms_key.exports", "aws_kms_key", ["create"], None,
           {"description": "exports", "enable_key_rotation": True, "tags": None},
           {"arn": True, "id": True, "key_id": True, "policy": True, "tags_all": True}),
], [
    config("aws_s3_bucket_policy.datalake", "aws_s3_bucket_policy", {
        "bucket": {"constant_value": "acme-dev-datalake"}, "policy": {"constant_value": public_read}}),
    config("aws_lambda_permission.partner_invoke", "aws_lambda_permission", {
        "function_name": {"constant_value": "nightly-report"}, "principal": {"constant_value": "999999999999"}}),
    config("aws_sqs_queue.exports", "aws_sqs_queue", {"name": {"constant_value": "exports"}}),
    config("aws_sqs_queue_policy.exports", "aws_sqs_queue_policy", {
        "queue_url": {"references": ["aws_sqs_queue.exports.id", "aws_sqs_queue.exports"]},
        "policy": {"constant_value": partner_send}}),
    config("aws_kms_key.exports", "aws_kms_key", {"description": {"constant_value": "exports"}}),
])
opens["configuration"]["provider_config"]["aws"]["expressions"] = {"region": {"constant_value": "us-east-1"}}
write("tf-opens-resources.json", opens)

perimeter = next(p for p in snapshot["organization"]["policies"] if p["Id"] == "p-rcpperim01")
write("tf-removes-rcp.json", plan([
    opens["resource_changes"][0],
    change("aws_organizations_policy.data_perimeter", "aws_organizations_policy", ["delete"],
           {"id": "p-rcpperim01", "arn": perimeter["Arn"], "name": perimeter["Name"],
            "type": "RESOURCE_CONTROL_POLICY", "content": perimeter["Content"] if isinstance(perimeter["Content"], str)
            else json.dumps(perimeter["Content"])}, None, {}),
    change("aws_organizations_policy_attachment.data_perimeter_root", "aws_organizations_policy_attachment",
           ["delete"], {"id": "r-acme:p-rcpperim01", "policy_id": "p-rcpperim01", "target_id": "r-acme"},
           None, {}),
], [opens["configuration"]["root_module"]["resources"][0]]))

WEB = "444455556666"


def public_read(bucket):
    return {"Version": "2012-10-17", "Statement": [{"Sid": "PublicRead", "Effect": "Allow", "Principal": "*",
                                                    "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/*"}]}


BLOCK_ALL = {"BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True,
             "RestrictPublicBuckets": True}
write("public-buckets.json", {
    "format": "iamscope-snapshot", "version": 1, "collectedAt": "2026-11-28T07:00:00Z",
    "tool": "iamscope 0.1.0 (sample, generated by make-plans.py)",
    "accounts": [{"accountId": WEB, "alias": "acme-web",
                  "authorizationDetails": {"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [],
                                           "Policies": []},
                  "resources": [
                      {"arn": "arn:aws:s3:::acme-web-site", "type": "AWS::S3::Bucket", "region": "us-east-1",
                       "policy": public_read("acme-web-site"), "tags": {}, "properties": {"PublicAccessBlock": BLOCK_ALL}},
                      {"arn": "arn:aws:s3:::acme-web-downloads", "type": "AWS::S3::Bucket", "region": "us-east-1",
                       "policy": public_read("acme-web-downloads"), "tags": {}}],
                  "gaps": []}]})
site_block = {"bucket": "acme-web-site", "block_public_acls": True, "ignore_public_acls": True,
              "block_public_policy": True, "restrict_public_buckets": True}
write("tf-removes-public-access-block.json", plan([
    change("aws_s3_bucket_public_access_block.site", "aws_s3_bucket_public_access_block", ["delete"],
           dict(site_block, id="acme-web-site"), None, {}),
], [config("aws_s3_bucket_public_access_block.site", "aws_s3_bucket_public_access_block",
           {"bucket": {"constant_value": "acme-web-site"}})]))
write("tf-adds-public-access-block.json", plan([
    change("aws_s3_account_public_access_block.this", "aws_s3_account_public_access_block", ["create"], None,
           {"account_id": None, "block_public_acls": True, "ignore_public_acls": True, "block_public_policy": True,
            "restrict_public_buckets": True}, {"account_id": True, "id": True}),
], [config("aws_s3_account_public_access_block.this", "aws_s3_account_public_access_block",
           {"restrict_public_buckets": {"constant_value": True}})]))
write("tf-unknown-public-access-block.json", plan([
    change("aws_s3_bucket_public_access_block.site", "aws_s3_bucket_public_access_block", ["update"],
           dict(site_block, id="acme-web-site"),
           {"bucket": "acme-web-site", "block_public_acls": True, "ignore_public_acls": True,
            "block_public_policy": True}, {"restrict_public_buckets": True}),
], [config("aws_s3_bucket_public_access_block.site", "aws_s3_bucket_public_access_block", {
    "bucket": {"constant_value": "acme-web-site"},
    "restrict_public_buckets": {"references": ["var.restrict_public"]}})]))

with open("tf-malformed.json", "w") as f:
    f.write('{"format_version": "1.2", "resource_changes": [{"address": "aws_iam_role.x", "mode": "managed",\n')
