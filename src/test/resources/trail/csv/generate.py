#!/usr/bin/env python3
"""The sample organization's CloudTrail logs (policies-fixtures/sample-org/cloudtrail/) as CSV, in the two shapes
`iamscope trail --logs` reads (see README.md here). Deterministic: rerun (python3 generate.py) and commit both.

- athena.csv: the results of `SELECT * FROM cloudtrail_logs` over the table of the Athena User Guide, "Query AWS
  CloudTrail logs" / "Create a table for CloudTrail logs in Athena using manual partitioning": lower-case column
  names in the table's order, every value double-quoted ("" inside), a struct written {name=value, ...} with its
  fields in lower case and `null` for a field the record lacks, an array [..., ...]; requestparameters,
  responseelements and additionaleventdata are STRING columns holding the record's JSON; eventtime the record's text.
- lake.csv: the results of a CloudTrail Lake query (CloudTrail User Guide, "Supported SQL schemas for event data
  stores") selecting the columns by their record names (eventVersion, userIdentity, eventTime, ...): eventTime a
  timestamp written `2026-11-27 21:03:12.000`; userIdentity and resources as JSON; requestParameters and
  responseElements maps (map<string,string>) written {name=value, ...}, a nested object's value as JSON text.
  Quoted only where needed.
"""
import csv
import glob
import gzip
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "..", "..", "..", "policies-fixtures", "sample-org", "cloudtrail", "AWSLogs")

ATHENA_COLUMNS = ["eventversion", "useridentity", "eventtime", "eventsource", "eventname", "awsregion",
                  "sourceipaddress", "useragent", "errorcode", "errormessage", "requestparameters",
                  "responseelements", "additionaleventdata", "requestid", "eventid", "resources", "eventtype",
                  "apiversion", "readonly", "recipientaccountid", "serviceeventdetails", "sharedeventid",
                  "vpcendpointid"]
RECORD_NAMES = {"eventversion": "eventVersion", "useridentity": "userIdentity", "eventtime": "eventTime",
                "eventsource": "eventSource", "eventname": "eventName", "awsregion": "awsRegion",
                "sourceipaddress": "sourceIPAddress", "useragent": "userAgent", "errorcode": "errorCode",
                "errormessage": "errorMessage", "requestparameters": "requestParameters",
                "responseelements": "responseElements", "additionaleventdata": "additionalEventData",
                "requestid": "requestID", "eventid": "eventID", "resources": "resources", "eventtype": "eventType",
                "apiversion": "apiVersion", "readonly": "readOnly", "recipientaccountid": "recipientAccountId",
                "serviceeventdetails": "serviceEventDetails", "sharedeventid": "sharedEventID",
                "vpcendpointid": "vpcEndpointId"}
# The table's useridentity struct, in its order (the Athena DDL).
IDENTITY = ["type", "principalid", "arn", "accountid", "invokedby", "accesskeyid", "username", "onbehalfof",
            "sessioncontext"]
SESSION_CONTEXT = ["attributes", "sessionissuer", "ec2roledelivery", "webidfederationdata"]
ATTRIBUTES = ["mfaauthenticated", "creationdate"]
ISSUER = ["type", "principalid", "arn", "accountid", "username"]
RESOURCE = ["arn", "accountid", "type"]


def records():
    out = []
    for f in sorted(glob.glob(os.path.join(SAMPLE, "**", "*.json*"), recursive=True)):
        with (gzip.open(f, "rt") if f.endswith(".gz") else open(f)) as h:
            out.extend(json.load(h)["Records"])
    return sorted(out, key=lambda r: (r["eventTime"], r["eventID"]))


def lower(d):
    return {k.lower(): v for k, v in d.items()}


def struct(d, fields):
    """Athena's text of a struct: every field of the type, in its order; `null` when absent."""
    d = lower(d or {})
    parts = []
    for f in fields:
        v = d.get(f)
        if f == "sessioncontext" and v is not None:
            c = lower(v)
            v = struct({**c, "attributes": struct(c.get("attributes"), ATTRIBUTES) if c.get("attributes") else None,
                        "sessionissuer": struct(c.get("sessionissuer"), ISSUER) if c.get("sessionissuer") else None},
                       SESSION_CONTEXT)
        parts.append(f"{f}={'null' if v is None else v}")
    return "{" + ", ".join(parts) + "}"


def scalar(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dict, list)):
        return json.dumps(v, separators=(",", ":"))
    return str(v)


def athena(r):
    row = []
    for c in ATHENA_COLUMNS:
        v = r.get(RECORD_NAMES[c])
        if c == "useridentity":
            row.append(struct(v, IDENTITY))
        elif c == "resources":
            row.append("" if v is None else "[" + ", ".join(struct(x, RESOURCE) for x in v) + "]")
        else:
            row.append(scalar(v))
    return row


def lake_map(d):
    """A map<string,string>: an object's values are JSON text, a string as is."""
    if d is None:
        return ""
    return "{" + ", ".join(f"{k}={scalar(v)}" for k, v in d.items()) + "}"


def lake_json_lower(v):
    if isinstance(v, dict):
        return {k.lower(): lake_json_lower(x) for k, x in v.items()}
    if isinstance(v, list):
        return [lake_json_lower(x) for x in v]
    return v


def lake(r):
    row = []
    for c in ATHENA_COLUMNS:
        name = RECORD_NAMES[c]
        v = r.get(name)
        if name == "eventTime":
            row.append(v.replace("T", " ").replace("Z", ".000"))
        elif name in ("userIdentity", "resources"):
            row.append("" if v is None else json.dumps(lake_json_lower(v), separators=(",", ":")))
        elif name in ("requestParameters", "responseElements"):
            row.append(lake_map(v))
        else:
            row.append(scalar(v))
    return row


def main():
    rs = records()
    with open(os.path.join(HERE, "athena.csv"), "w", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        w.writerow(ATHENA_COLUMNS)
        for r in rs:
            w.writerow(athena(r))
    with open(os.path.join(HERE, "lake.csv"), "w", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        w.writerow([RECORD_NAMES[c] for c in ATHENA_COLUMNS])
        for r in rs:
            w.writerow(lake(r))


if __name__ == "__main__":
    main()
