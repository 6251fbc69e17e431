#!/usr/bin/env python3
"""Validates AWS API request parameters against botocore's own service models, offline.

Reads from stdin a JSON list of requests:

    [{"label": "...", "service": "ecs", "operation": "RegisterTaskDefinition", "params": {...}}, ...]

and checks each one twice with the models botocore ships (no network, no credentials):

1. botocore's ParamValidator, the check the AWS CLI and boto3 run before sending a request: unknown and
   missing members, types, and minimum lengths and values;
2. the model constraints ParamValidator leaves to the service: enum values, maximum lengths and values.

Prints {"checked": N, "failures": [{"label": ..., "errors": [...]}]} and exits 1 when any request fails,
2 when the input itself is unusable.
"""

import json
import sys

import botocore
import botocore.session
from botocore.exceptions import DataNotFoundError, UnknownServiceError
from botocore.validate import ParamValidator


def constraint_errors(value, shape, path):
    """Enum and maximum checks, which ParamValidator does not make."""
    errors = []
    if shape.type_name == "structure" and isinstance(value, dict):
        for name, member in shape.members.items():
            if name in value:
                errors += constraint_errors(value[name], member, f"{path}.{name}")
    elif shape.type_name == "list" and isinstance(value, list):
        maximum = shape.metadata.get("max")
        if maximum is not None and len(value) > maximum:
            errors.append(f"{path}: {len(value)} items, more than the maximum {maximum}")
        for index, item in enumerate(value):
            errors += constraint_errors(item, shape.member, f"{path}[{index}]")
    elif shape.type_name == "map" and isinstance(value, dict):
        for key, item in value.items():
            errors += constraint_errors(key, shape.key, f"{path} key {key!r}")
            errors += constraint_errors(item, shape.value, f"{path}.{key}")
    elif shape.type_name == "string" and isinstance(value, str):
        if shape.enum and value not in shape.enum:
            errors.append(f"{path}: {value!r} is not one of {', '.join(shape.enum)}")
        maximum = shape.metadata.get("max")
        if maximum is not None and len(value) > maximum:
            errors.append(f"{path}: {len(value)} characters, more than the maximum {maximum}")
    elif shape.type_name in ("integer", "long", "float", "double") and isinstance(value, (int, float)):
        maximum = shape.metadata.get("max")
        if maximum is not None and value > maximum:
            errors.append(f"{path}: {value} is above the maximum {maximum}")
    return errors


def validate(session, validator, request):
    service = request.get("service")
    operation = request.get("operation")
    try:
        shape = session.get_service_model(service).operation_model(operation).input_shape
    except (UnknownServiceError, DataNotFoundError, KeyError, TypeError):
        return [f"botocore {botocore.__version__} has no operation {operation!r} in service {service!r}"]
    params = request.get("params")
    report = validator.validate(params, shape)
    errors = [line for line in report.generate_report().splitlines() if line.strip()] if report.has_errors() else []
    return errors + constraint_errors(params, shape, operation)


def main():
    try:
        requests = json.load(sys.stdin)
    except json.JSONDecodeError as error:
        print(json.dumps({"error": f"stdin is not JSON: {error}"}))
        return 2
    if not isinstance(requests, list):
        print(json.dumps({"error": "stdin must hold a JSON list of {label, service, operation, params}"}))
        return 2
    session = botocore.session.get_session()
    validator = ParamValidator()
    failures = []
    for index, request in enumerate(requests):
        label = request.get("label", f"request {index}") if isinstance(request, dict) else f"request {index}"
        errors = validate(session, validator, request) if isinstance(request, dict) else ["not an object"]
        if errors:
            failures.append({"label": label, "errors": errors})
    print(json.dumps({"checked": len(requests), "failures": failures}, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
