#!/usr/bin/env python3
"""CloudTrail logs of the sample organization's incident (docs/sample-org.md, docs/trail.md).

Deterministic: edit this script, rerun it (python3 generate.py), commit both. Writes the files under AWSLogs/ as
CloudTrail delivers them to S3 (AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/, each {"Records": [...]}, gzipped;
one file plain, as a responder who unzipped it would hand it over), and the test fixtures of
src/test/resources/trail/.

Record fields follow the CloudTrail User Guide:
- "CloudTrail record contents for management, data, and network activity events"
  https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
- "CloudTrail userIdentity element"
  https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
"""
import gzip
import hashlib
import io
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(HERE, "..", "..", "..", "src", "test", "resources", "trail")

MGMT, PROD, DEV = "111111111111", "222222222222", "333333333333"
ATTACKER_IP = "203.0.113.77"
ATTACKER_UA = "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 exe/x86_64.kali.2024"
DAY = "2026-11-27"


def user(account, name, key):
    # userIdentity with IAM user credentials (the userIdentity element page, "Examples").
    return {"type": "IAMUser", "principalId": "AIDA" + hashlib.sha1(name.encode()).hexdigest()[:16].upper(),
            "arn": f"arn:aws:iam::{account}:user/{name}", "accountId": account, "accessKeyId": key,
            "userName": name}


def session(account, role, name, key, created):
    # userIdentity with temporary security credentials: sessionContext.sessionIssuer is the role.
    role_id = "AROA" + hashlib.sha1(role.encode()).hexdigest()[:16].upper()
    return {"type": "AssumedRole", "principalId": f"{role_id}:{name}",
            "arn": f"arn:aws:sts::{account}:assumed-role/{role}/{name}", "accountId": account, "accessKeyId": key,
            "sessionContext": {
                "sessionIssuer": {"type": "Role", "principalId": role_id, "arn": f"arn:aws:iam::{account}:role/{role}",
                                  "accountId": account, "userName": role},
                "attributes": {"creationDate": created, "mfaAuthenticated": "false"}}}


SEQ = [0]


def event(time, who, source, name, region="us-east-1", request=None, response=None, error=None, resources=None,
          ip=ATTACKER_IP, ua=ATTACKER_UA, recipient=None, read_only=False, kind="AwsApiCall", category="Management"):
    SEQ[0] += 1
    r = {"eventVersion": "1.09", "userIdentity": who, "eventTime": f"{DAY}T{time}Z",
         "eventSource": f"{source}.amazonaws.com", "eventName": name, "awsRegion": region, "sourceIPAddress": ip,
         "userAgent": ua, "requestParameters": request, "responseElements": response,
         "requestID": hashlib.sha1(f"req{SEQ[0]}".encode()).hexdigest()[:32],
         "eventID": hashlib.sha1(f"evt{SEQ[0]}".encode()).hexdigest()[:32], "readOnly": read_only,
         "eventType": kind, "managementEvent": category == "Management",
         "recipientAccountId": recipient or who["accountId"], "eventCategory": category}
    if error:
        r["errorCode"] = error
        r["errorMessage"] = f"User: {who['arn']} is not authorized to perform: {source}:{name}"
        r["responseElements"] = None
    if resources:
        r["resources"] = [{"ARN": a, "accountId": a.split(":")[4] or (recipient or who["accountId"]),
                           "type": t} for a, t in resources]
    return r


def credentials(key, session_arn, role_id_name):
    return {"credentials": {"accessKeyId": key, "sessionToken": "IQoJb3JpZ2luX2VjE" + key,
                            "expiration": "Nov 28, 2026, 9:55:00 AM"},
            "assumedRoleUser": {"assumedRoleId": role_id_name, "arn": session_arn}}


def assume(time, who, account, role, name, key):
    arn = f"arn:aws:iam::{account}:role/{role}"
    return event(time, who, "sts", "AssumeRole", request={"roleArn": arn, "roleSessionName": name},
                 response=credentials(key, f"arn:aws:sts::{account}:assumed-role/{role}/{name}", f"AROA:{name}"),
                 resources=[(arn, "AWS::IAM::Role")], recipient=account)


LEAK = "AKIAZCONTRACTOR7LEAK"
contractor = user(DEV, "ext-contractor-jdoe", LEAK)
S_GLASS, S_CI, S_DEPLOY, NEW_KEY = "ASIAZDEVBREAKGLASS01", "ASIAZDEVCIDEPLOYER01", "ASIAZPRODACMEDEPLOY1", "AKIAZPPATELPERSIST01"
glass = session(DEV, "dev-break-glass", "jdoe-debug", S_GLASS, f"{DAY}T22:02:05Z")
ci = session(DEV, "ci-deployer", "pipeline-debug", S_CI, f"{DAY}T22:10:02Z")
deploy = session(PROD, "acme-deploy", "release-2211", S_DEPLOY, f"{DAY}T22:11:30Z")
ppatel = user(DEV, "admin-ppatel", NEW_KEY)
POLICY = f"arn:aws:iam::{DEV}:policy/contractor-tooling"
TRAIL = f"arn:aws:cloudtrail:us-east-1:{MGMT}:trail/acme-org-trail"
ADMIN_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {
    "AWS": f"arn:aws:iam::{DEV}:user/ext-contractor-jdoe"}, "Action": "sts:AssumeRole"}]})

# Noise: the organization's own work in the same hours, which must not be attributed to the attacker.
mlee = user(DEV, "mlee", "AKIADEVMLEE000000001")
ci_legit = {"type": "AssumedRole", "principalId": "AROACIDEPLOYER:GitHubActions",
            "arn": f"arn:aws:sts::{DEV}:assumed-role/ci-deployer/GitHubActions", "accountId": DEV,
            "accessKeyId": "ASIAZGITHUBACTIONS01",
            "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROACIDEPLOYER",
                                                 "arn": f"arn:aws:iam::{DEV}:role/ci-deployer", "accountId": DEV,
                                                 "userName": "ci-deployer"},
                               "attributes": {"creationDate": f"{DAY}T21:30:00Z", "mfaAuthenticated": "false"}}}
ORG_IP, ORG_UA = "198.51.100.10", "Boto3/1.34.0 Python/3.12.1 Linux/5.10 Botocore/1.34.0"

dev_east_1 = [
    event("21:30:00", ci_legit, "s3", "GetObject", request={"bucketName": "acme-dev-artifacts", "key": "build/app.zip"},
          resources=[("arn:aws:s3:::acme-dev-artifacts/build/app.zip", "AWS::S3::Object")], ip=ORG_IP, ua=ORG_UA,
          read_only=True, category="Data"),
    event("21:52:10", contractor, "sts", "GetCallerIdentity", read_only=True),
    event("21:52:40", contractor, "iam", "ListAttachedUserPolicies", request={"userName": "ext-contractor-jdoe"},
          error="AccessDenied", read_only=True),
    event("21:53:05", contractor, "iam", "GetPolicyVersion", request={"policyArn": POLICY, "versionId": "v2"},
          read_only=True),
    event("21:53:30", contractor, "iam", "ListUsers", error="AccessDenied", read_only=True),
    event("21:53:41", contractor, "secretsmanager", "ListSecrets", error="AccessDenied", read_only=True),
    event("21:55:00", contractor, "iam", "CreatePolicyVersion",
          request={"policyArn": POLICY, "setAsDefault": True,
                   "policyDocument": json.dumps({"Version": "2012-10-17", "Statement": [
                       {"Effect": "Allow", "Action": "*", "Resource": "*"}]})},
          response={"policyVersion": {"versionId": "v3", "isDefaultVersion": True,
                                      "createDate": "Nov 27, 2026, 9:55:00 PM"}}),
    event("21:56:10", contractor, "iam", "ListUsers", read_only=True),
    event("21:56:20", contractor, "iam", "ListRoles", read_only=True),
    event("21:58:00", contractor, "iam", "CreateAccessKey", request={"userName": "admin-ppatel"},
          error="AccessDenied"),
    event("22:01:30", contractor, "iam", "UpdateAssumeRolePolicy",
          request={"roleName": "dev-break-glass", "policyDocument": ADMIN_TRUST}),
    assume("22:02:05", contractor, DEV, "dev-break-glass", "jdoe-debug", S_GLASS),
    event("22:03:00", glass, "iam", "CreateAccessKey", request={"userName": "admin-ppatel"},
          response={"accessKey": {"userName": "admin-ppatel", "accessKeyId": NEW_KEY, "status": "Active",
                                  "createDate": "Nov 27, 2026, 10:03:00 PM"}}),
    event("22:04:00", glass, "cloudtrail", "StopLogging", request={"name": TRAIL}, error="AccessDenied",
          recipient=DEV),
    event("22:04:20", glass, "cloudtrail", "PutEventSelectors",
          request={"trailName": TRAIL}, error="AccessDenied", recipient=DEV),
    event("22:06:00", ppatel, "s3", "ListBuckets", read_only=True),
    event("22:06:30", ppatel, "iam", "CreateLoginProfile", request={"userName": "admin-ppatel",
                                                                    "passwordResetRequired": False},
          response={"loginProfile": {"userName": "admin-ppatel", "createDate": "Nov 27, 2026, 10:06:30 PM",
                                     "passwordResetRequired": False}}),
    assume("22:10:02", contractor, DEV, "ci-deployer", "pipeline-debug", S_CI),
    assume("22:11:30", ci, PROD, "acme-deploy", "release-2211", S_DEPLOY),
    event("22:40:00", mlee, "glue", "GetJobs", ip=ORG_IP, ua=ORG_UA, read_only=True),
]

# Probing a region the RegionLock SCP denies: the plain (unzipped) file.
dev_west_2 = [
    event("21:54:00", contractor, "ec2", "DescribeInstances", region="us-west-2", error="Client.UnauthorizedOperation",
          read_only=True),
    event("21:54:02", contractor, "ec2", "DescribeInstances", region="us-west-2", error="Client.UnauthorizedOperation",
          read_only=True),
]

DATA = "arn:aws:s3:::acme-prod-customer-data"
prod_east_1 = [
    event("22:12:00", deploy, "s3", "ListObjectsV2", request={"bucketName": "acme-prod-customer-data"},
          resources=[(DATA, "AWS::S3::Bucket")], read_only=True, category="Data"),
    event("22:12:40", deploy, "s3", "GetObject", request={"bucketName": "acme-prod-customer-data",
                                                          "key": "exports/customers.csv"},
          resources=[(DATA + "/exports/customers.csv", "AWS::S3::Object"), (DATA, "AWS::S3::Bucket")],
          read_only=True, category="Data"),
    event("22:13:10", deploy, "s3", "GetObject", request={"bucketName": "acme-prod-customer-data",
                                                          "key": "exports/orders.csv"},
          resources=[(DATA + "/exports/orders.csv", "AWS::S3::Object"), (DATA, "AWS::S3::Bucket")],
          read_only=True, category="Data"),
    event("22:14:00", deploy, "secretsmanager", "GetSecretValue",
          request={"secretId": f"arn:aws:secretsmanager:us-east-1:{PROD}:secret:payments/stripe-key"},
          error="AccessDenied", read_only=True),
]

# Test fixture: a hop the graph does not predict. acme-deploy's session assumes break-glass-prod, which requires
# MFA the stolen session cannot have: a trust policy edited since the snapshot, or a path the graph misses.
unpredicted = [
    assume("22:20:00", deploy, PROD, "break-glass-prod", "oops", "ASIAZPRODBREAKGLASS1"),
    event("22:21:00", session(PROD, "break-glass-prod", "oops", "ASIAZPRODBREAKGLASS1", f"{DAY}T22:20:00Z"),
          "iam", "ListRoles", read_only=True),
]

# Test fixture: the password the attacker set for admin-ppatel used. A failed, then a successful console sign-in
# ("AWS Management Console sign-in events": no access key, responseElements.ConsoleLogin), calls in that console
# session (sessionCredentialFromConsole), an instance launched with ec2-admin-profile, and that instance's role
# session (EC2 names it after the instance: "CloudTrail userIdentity element", ec2RoleDelivery) calling AWS. The
# organization's own instance of the same role and mlee's console session are in the same file, not the attacker's.
INSTANCE, OTHER_INSTANCE = "i-0a1b2c3d4e5f60718", "i-0fedcba9876543210"
S_CONSOLE, S_INSTANCE = "ASIAZPPATELCONSOLE01", "ASIAZEC2ADMININST001"
ADMIN_PROFILE = f"arn:aws:iam::{DEV}:instance-profile/ec2-admin-profile"


def console_user(account, name, key):
    # userIdentity of a console session's call: the user's ARN, a temporary key, sessionContext.attributes.
    who = user(account, name, key)
    who["sessionContext"] = {"attributes": {"creationDate": f"{DAY}T22:15:00Z", "mfaAuthenticated": "false"}}
    return who


def sign_in(time, name, success, ip=ATTACKER_IP):
    who = user(DEV, name, None)
    del who["accessKeyId"]
    r = event(time, who, "signin", "ConsoleLogin", ip=ip, ua="Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Firefox/120.0",
              response={"ConsoleLogin": "Success" if success else "Failure"}, kind="AwsConsoleSignIn")
    r["additionalEventData"] = {"LoginTo": "https://console.aws.amazon.com/console/home", "MobileVersion": "No",
                                "MFAUsed": "No"}
    if not success:
        r["errorMessage"] = "Failed authentication"
    return r


def from_console(r):
    r["sessionCredentialFromConsole"] = "true"
    return r


def instance_session(instance, key):
    who = session(DEV, "ec2-admin-instance", instance, key, f"{DAY}T22:18:00Z")
    who["sessionContext"]["ec2RoleDelivery"] = "2.0"
    return who


ppatel_console = console_user(DEV, "admin-ppatel", S_CONSOLE)
console_and_instance = [
    sign_in("22:14:40", "admin-ppatel", False),
    sign_in("22:15:00", "admin-ppatel", True),
    from_console(event("22:15:30", ppatel_console, "iam", "ListUsers", read_only=True)),
    from_console(event("22:17:00", ppatel_console, "ec2", "RunInstances",
                       request={"instancesSet": {"items": [{"imageId": "ami-0abcdef1234567890", "minCount": 1,
                                                            "maxCount": 1}]},
                                "instanceType": "t3.micro", "iamInstanceProfile": {"name": "ec2-admin-profile"}},
                       response={"reservationId": "r-0123456789abcdef0", "ownerId": DEV, "instancesSet": {
                           "items": [{"instanceId": INSTANCE, "imageId": "ami-0abcdef1234567890",
                                      "iamInstanceProfile": {"arn": ADMIN_PROFILE, "id": "AIPAZEC2ADMINPROFILE"}}]}})),
    event("22:19:00", instance_session(INSTANCE, S_INSTANCE), "sts", "GetCallerIdentity", read_only=True),
    event("22:19:30", instance_session(INSTANCE, S_INSTANCE), "iam", "CreateUser",
          request={"userName": "svc-backup2"}),
    event("22:19:40", instance_session(OTHER_INSTANCE, "ASIAZEC2ADMINORG0001"), "s3", "ListBuckets", ip=ORG_IP,
          ua=ORG_UA, read_only=True),
    from_console(event("22:20:00", console_user(DEV, "mlee", "ASIAZMLEECONSOLE0001"), "glue", "GetJobs", ip=ORG_IP,
                       read_only=True)),
]


def name(account, region, time, gz=True):
    stamp = DAY.replace("-", "") + "T" + time.replace(":", "")[:4] + "Z"
    digest = hashlib.sha1(f"{account}{region}{time}".encode()).hexdigest()[:16]
    return f"{account}_CloudTrail_{region}_{stamp}_{digest}.json" + (".gz" if gz else "")


def write(root, account, region, records, gz=True):
    folder = os.path.join(root, "AWSLogs", account, "CloudTrail", region, *DAY.split("-"))
    os.makedirs(folder, exist_ok=True)
    body = json.dumps({"Records": records}, indent=None, separators=(",", ":")).encode()
    path = os.path.join(folder, name(account, region, records[0]["eventTime"][11:19], gz))
    if gz:
        buf = io.BytesIO()
        with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as f:
            f.write(body)
        body = buf.getvalue()
    with open(path, "wb") as f:
        f.write(body)


def main():
    shutil.rmtree(os.path.join(HERE, "AWSLogs"), ignore_errors=True)
    write(HERE, DEV, "us-east-1", dev_east_1[:10])
    write(HERE, DEV, "us-east-1", dev_east_1[10:])
    write(HERE, DEV, "us-west-2", dev_west_2, gz=False)
    write(HERE, PROD, "us-east-1", prod_east_1)
    shutil.rmtree(os.path.join(TESTS, "unpredicted"), ignore_errors=True)
    write(os.path.join(TESTS, "unpredicted"), PROD, "us-east-1", unpredicted)
    shutil.rmtree(os.path.join(TESTS, "console"), ignore_errors=True)
    write(os.path.join(TESTS, "console"), DEV, "us-east-1", console_and_instance, gz=False)


if __name__ == "__main__":
    main()
