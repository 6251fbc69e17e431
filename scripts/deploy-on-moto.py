#!/usr/bin/env python3
"""Creates CloudFormation stacks on a running moto server and reports what moto made of each.

Reads from stdin a JSON object:

    {"endpoint": "http://127.0.0.1:PORT", "region": "us-east-1",
     "stacks": [{"label": "...", "templatePath": "/tmp/....yaml",
                 "parameters": {"Name": {"value": "..."} | {"existing": "vpcId"}}}, ...]}

On an emptied moto (its /moto-api/reset), it creates what a starter stack expects to exist in the account (a
VPC, private and public subnets, an ACM certificate, an SSM parameter holding an AMI id: see create_existing).
Then, one stack at a time, it fills the parameters that name one of those ({"existing": NAME}), creates the
stack with fake credentials, waits for it to leave CREATE_IN_PROGRESS, lists the resources moto created and
deletes the stack. Nothing is sent to AWS: every client points at the endpoint.

moto creates the resource types it models and skips the others, so the template is adapted to that first,
and the adaptations are reported with the stack:

- a Fn::GetAtt of a resource moto skips, or of an attribute moto does not answer, would fail the whole
  stack, so it becomes a stand-in value of the attribute's form (STAND_INS);
- moto resolves an SSM parameter type's Default before the value given, and holds few public AMI
  parameters, so those Defaults are dropped (the value given, an SSM parameter this script creates, is used);
- a property moto requires and AWS does not (MOTO_REQUIRED_PROPERTIES) is given, when absent, the value AWS
  uses without it, and reported as a stand-in.

Prints {"stacks": [{"label", "status", "reason", "failedEvents", "created": [{"logicalId", "type"}],
"standIns": [{"logicalId", "attribute", "type"}]}]} and exits 0; 2 when the input is unusable or moto cannot be reached.
"""

import base64
import json
import re
import sys
import time
import urllib.request

import botocore.session
import yaml
from botocore.config import Config
from botocore.exceptions import ClientError
from moto.cloudformation.parsing import NULL_MODELS, get_model_map

# moto creates stacks synchronously: the wait only covers a slow machine and is never a measurement.
STACK_WAIT_SECONDS = 120
POLL_SECONDS = 0.2
ACCOUNT = "123456789012"
# A plausible AMI id for the AMI parameters: moto does not check that the image exists.
IMAGE_ID = "ami-0123456789abcdef0"
IMAGE_PARAMETER = "/berth-moto/image-id"


def stand_in(logical_id, attribute, region, existing):
    """A value of the form AWS gives the attribute, for a resource or attribute moto does not model."""
    if attribute.endswith("Arn"):
        return f"arn:aws:stand-in:{region}:{ACCOUNT}:{logical_id.lower()}"
    values = {
        "ClusterSecurityGroupId": existing["clusterSecurityGroupId"],
        "OpenIdConnectIssuerUrl": f"https://oidc.eks.{region}.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF",
        "Endpoint": f"https://{logical_id.lower()}.stand-in.{region}.amazonaws.com",
        "CertificateAuthorityData": base64.b64encode(b"stand-in certificate authority").decode(),
        "DomainName": f"{logical_id.lower()}.stand-in.example.com",
        "ServiceUrl": f"{logical_id.lower()}.{region}.awsapprunner.com",
    }
    if attribute not in values:
        raise ValueError(
            f"no stand-in value for Fn::GetAtt {logical_id}.{attribute}, which moto does not model: add one to stand_in()"
        )
    return values[attribute]


# Properties moto's CloudFormation cannot do without and AWS can, by resource type: the value AWS uses when
# the property is absent, from what create_existing made.
MOTO_REQUIRED_PROPERTIES = {
    # Without ServiceRole, AWS Batch uses its service-linked role (AWSServiceRoleForBatch).
    "AWS::Batch::ComputeEnvironment": {"ServiceRole": "batchServiceLinkedRoleArn"},
}


def moto_models():
    """The resource types moto's CloudFormation creates, and the class that creates each."""
    return {kind: model for kind, model in get_model_map().items() if kind not in NULL_MODELS}


def answers(model, attribute):
    return model is not None and callable(getattr(model, "get_cfn_attribute", None)) and model.has_cfn_attr(attribute)


def adapt(template, region, existing, models):
    """The template with stand-ins where moto cannot answer a Fn::GetAtt, and the list of those stand-ins."""
    resources = template.get("Resources", {})
    types = {logical_id: resource.get("Type") for logical_id, resource in resources.items()}
    stand_ins = []

    def unanswered(logical_id, attribute):
        return logical_id in types and not answers(models.get(types[logical_id]), attribute)

    def replace(logical_id, attribute):
        stand_ins.append({"logicalId": logical_id, "attribute": attribute, "type": types[logical_id]})
        return stand_in(logical_id, attribute, region, existing)

    def walk(value):
        if isinstance(value, list):
            return [walk(item) for item in value]
        if not isinstance(value, dict):
            return value
        if "Fn::GetAtt" in value and len(value) == 1:
            target = value["Fn::GetAtt"]
            logical_id, attribute = target.split(".", 1) if isinstance(target, str) else target
            if unanswered(logical_id, attribute):
                return replace(logical_id, attribute)
        if "Fn::Sub" in value and len(value) == 1:
            sub = value["Fn::Sub"]
            text, variables = (sub, None) if isinstance(sub, str) else (sub[0], sub[1])

            def substitute(match):
                logical_id, _, attribute = match.group(1).partition(".")
                return replace(logical_id, attribute) if attribute and unanswered(logical_id, attribute) else match.group(0)

            text = re.sub(r"\$\{([^}!]+)\}", substitute, text)
            return {"Fn::Sub": text if variables is None else [text, walk(variables)]}
        return {key: walk(item) for key, item in value.items()}

    adapted = {key: walk(item) for key, item in template.items()}
    for logical_id, resource in adapted.get("Resources", {}).items():
        for name, value in MOTO_REQUIRED_PROPERTIES.get(resource.get("Type"), {}).items():
            properties = resource.setdefault("Properties", {})
            if name not in properties:
                properties[name] = existing[value]
                stand_ins.append({"logicalId": logical_id, "attribute": name, "type": resource["Type"]})
    for parameter in adapted.get("Parameters", {}).values():
        if str(parameter.get("Type", "")).startswith("AWS::SSM::Parameter::"):
            parameter.pop("Default", None)
    return adapted, stand_ins


def clients(endpoint, region):
    """One client per service for the whole run: creating one loads its model, which takes a while."""
    session = botocore.session.get_session()
    session.set_credentials("testing", "testing")
    config = Config(retries={"max_attempts": 1}, connect_timeout=30, read_timeout=120)
    made = {}

    def client(service):
        if service not in made:
            made[service] = session.create_client(service, region_name=region, endpoint_url=endpoint, config=config)
        return made[service]

    return client


def reset(endpoint):
    request = urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST", data=b"")
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()


def create_existing(client, region):
    """What a starter stack expects to find in the account, by the names its parameters' values use."""
    ec2 = client("ec2")
    vpc_cidr = "10.20.0.0/16"
    vpc_id = ec2.create_vpc(CidrBlock=vpc_cidr)["Vpc"]["VpcId"]

    def subnet(index, zone):
        return ec2.create_subnet(VpcId=vpc_id, CidrBlock=f"10.20.{index}.0/24", AvailabilityZone=f"{region}{zone}")[
            "Subnet"
        ]["SubnetId"]

    private = [subnet(1, "a"), subnet(2, "b")]
    public = [subnet(101, "a"), subnet(102, "b")]
    # The security group EKS creates with a cluster: the stand-in of the cluster's ClusterSecurityGroupId.
    cluster_group = ec2.create_security_group(
        GroupName="eks-cluster-sg", Description="EKS created security group", VpcId=vpc_id
    )["GroupId"]
    certificate = client("acm").request_certificate(DomainName="app.example.com", ValidationMethod="DNS")
    client("ssm").put_parameter(Name=IMAGE_PARAMETER, Value=IMAGE_ID, Type="String")
    batch_role = client("iam").create_role(
        RoleName="AWSServiceRoleForBatch",
        Path="/aws-service-role/batch.amazonaws.com/",
        AssumeRolePolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {"Effect": "Allow", "Principal": {"Service": "batch.amazonaws.com"}, "Action": "sts:AssumeRole"}
                ],
            }
        ),
    )["Role"]["Arn"]
    return {
        "vpcId": vpc_id,
        "vpcCidr": vpc_cidr,
        "privateSubnetIds": ",".join(private),
        "publicSubnetIds": ",".join(public),
        "certificateArn": certificate["CertificateArn"],
        "imageIdParameter": IMAGE_PARAMETER,
        "clusterSecurityGroupId": cluster_group,
        "batchServiceLinkedRoleArn": batch_role,
    }


def parameter_value(name, given, existing):
    if "value" in given:
        return given["value"]
    reference = given.get("existing")
    if reference not in existing:
        raise ValueError(f"parameter {name}: {reference!r} is not one of {', '.join(existing)}")
    return existing[reference]


def wait_while(cloudformation, name, status):
    """The stack once it has left `status` (or the wait is over); None once it no longer exists."""
    deadline = time.monotonic() + STACK_WAIT_SECONDS
    while True:
        try:
            stacks = cloudformation.describe_stacks(StackName=name)["Stacks"]
        except ClientError as error:
            if "does not exist" in str(error):
                return None
            raise
        if not stacks or stacks[0]["StackStatus"] != status or time.monotonic() > deadline:
            return stacks[0] if stacks else None
        time.sleep(POLL_SECONDS)


def deploy(client, region, name, stack, existing, models):
    with open(stack["templatePath"], encoding="utf8") as file:
        template, stand_ins = adapt(yaml.safe_load(file), region, existing, models)
    cloudformation = client("cloudformation")
    cloudformation.create_stack(
        StackName=name,
        TemplateBody=json.dumps(template),
        Parameters=[
            {"ParameterKey": key, "ParameterValue": parameter_value(key, given, existing)}
            for key, given in stack["parameters"].items()
        ],
        Capabilities=["CAPABILITY_NAMED_IAM"],
    )
    described = wait_while(cloudformation, name, "CREATE_IN_PROGRESS")
    events = cloudformation.describe_stack_events(StackName=name)["StackEvents"]
    resources = cloudformation.list_stack_resources(StackName=name)["StackResourceSummaries"]
    return {
        "status": described["StackStatus"],
        "reason": described.get("StackStatusReason"),
        "failedEvents": [
            f"{event.get('LogicalResourceId')} {event.get('ResourceStatus')}: {event.get('ResourceStatusReason')}"
            for event in events
            if "FAILED" in (event.get("ResourceStatus") or "")
        ],
        # moto lists a resource it skipped too, but with neither a logical id nor a type.
        "created": [
            {"logicalId": resource["LogicalResourceId"], "type": resource["ResourceType"]}
            for resource in resources
            if resource.get("LogicalResourceId")
        ],
        "standIns": stand_ins,
    }


def deleted(client, name):
    """Whether the stack and all it created are gone, so the next stack can reuse its names."""
    cloudformation = client("cloudformation")
    try:
        cloudformation.delete_stack(StackName=name)
        gone = wait_while(cloudformation, name, "DELETE_IN_PROGRESS")
    except Exception:  # noqa: BLE001 - a stack moto cannot delete is wiped with the rest by a reset
        return False
    return gone is None or gone["StackStatus"] == "DELETE_COMPLETE"


def main():
    try:
        request = json.load(sys.stdin)
        endpoint, region, stacks = request["endpoint"], request["region"], request["stacks"]
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        print(json.dumps({"error": f"stdin must hold {{endpoint, region, stacks}}: {error}"}))
        return 2
    client = clients(endpoint, region)
    models = moto_models()
    results = []
    # Each stack is deleted before the next, which reuses the existing resources; only when moto cannot delete
    # one is it emptied and they are made again (a reset costs more than a deletion: moto rebuilds its EC2).
    existing = None
    for index, stack in enumerate(stacks):
        try:
            if existing is None:
                reset(endpoint)
                existing = create_existing(client, region)
        except OSError as error:
            print(json.dumps({"error": f"moto at {endpoint} cannot be reset: {error}"}))
            return 2
        name = f"berth-starter-{index}"
        try:
            result = deploy(client, region, name, stack, existing, models)
        except Exception as error:  # noqa: BLE001 - a refused request is this stack's result, not the run's
            result = {
                "status": "NOT_CREATED",
                "reason": f"{type(error).__name__}: {error}",
                "failedEvents": [],
                "created": [],
                "standIns": [],
            }
        if not deleted(client, name):
            existing = None
        results.append({"label": stack["label"], **result})
    print(json.dumps({"stacks": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
