#!/usr/bin/env python3
"""Writes sample-org-incident.json: the sample organization (../sample-org/snapshot.json) as a snapshot taken
during an incident would find it, after an attacker holding ext-contractor-jdoe's leaked key changed four things:

1. a new default version v3 of contractor-tooling (attached to ext-contractor-jdoe) allowing iam:* on *;
2. a new access key for svc-metrics-export (a second way back in);
3. an inline policy `debug` on svc-metrics-export allowing iam:UpdateAssumeRolePolicy on dev-break-glass (an
   administrator role): the user with the new key made able to take the role;
4. the trust policy of security-audit opened to account 999988887777, outside the organization, without an
   external id.

`iamscope diff ../sample-org/snapshot.json sample-org-incident.json` shows each change and what it bought.
Run from this directory: python3 make-incident.py
"""
import json

with open("../sample-org/snapshot.json") as f:
    snapshot = json.load(f)

snapshot["collectedAt"] = "2026-11-29T03:00:00Z"
dev = next(a for a in snapshot["accounts"] if a["accountId"] == "333333333333")
details = dev["authorizationDetails"]

policy = next(p for p in details["Policies"] if p["PolicyName"] == "contractor-tooling")
for v in policy["PolicyVersionList"]:
    v["IsDefaultVersion"] = False
policy["PolicyVersionList"].append({
    "Document": {"Version": "2012-10-17", "Statement": [
        {"Sid": "Builds", "Effect": "Allow", "Action": "iam:*", "Resource": "*"}]},
    "VersionId": "v3", "IsDefaultVersion": True, "CreateDate": "2026-11-29T02:14:00Z"})
policy["DefaultVersionId"] = "v3"

dev["accessKeys"].append({
    "AccessKeyId": "AKIAQ7ATTACKERKEY001", "UserName": "svc-metrics-export", "Status": "Active",
    "CreateDate": "2026-11-29T02:20:00Z"})

user = next(u for u in details["UserDetailList"] if u["UserName"] == "svc-metrics-export")
user.setdefault("UserPolicyList", []).append({"PolicyName": "debug", "PolicyDocument": {
    "Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": "iam:UpdateAssumeRolePolicy",
        "Resource": "arn:aws:iam::333333333333:role/dev-break-glass"}]}})

role = next(r for r in details["RoleDetailList"] if r["RoleName"] == "security-audit")
role["AssumeRolePolicyDocument"]["Statement"].append({
    "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999988887777:root"}, "Action": "sts:AssumeRole"})

with open("sample-org-incident.json", "w") as f:
    json.dump(snapshot, f, indent=1)
    f.write("\n")
