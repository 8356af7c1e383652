"""Shared by conformance.py and replay.py: HTTP to the emulator and e-conomic's schemas.

`Emulator` sends requests with the emulator's tokens and returns `Answer`s
(status, headers, decoded JSON); `Schemas` loads e-conomic's published
draft-03 schemas (`schemas/*.schema.json`, some with trailing commas that
strict JSON refuses) and the Projects OpenAPI spec, and validates documents.
"""
import gzip
import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from jsonschema import Draft3Validator, Draft7Validator
from openapi_schema_validator import OAS30Validator

TOKENS = {"X-AppSecretToken": "emulator-app-secret", "X-AgreementGrantToken": "emulator-grant"}
PROJECTS = "/projectsapi/v1.1.0"

# e-conomic publishes no schema for its legacy error bodies; this one is written
# from REFERENCE.md §2.6 (the documented validation example, the recorded 404.json
# and the live filter error): message, developerHint, logId, httpStatusCode and
# logTime always; errors either the payload-shaped object or a list of strings.
LEGACY_ERROR = {
    "type": "object",
    "required": ["message", "developerHint", "logId", "httpStatusCode", "logTime"],
    "properties": {
        "message": {"type": "string", "minLength": 1},
        "developerHint": {"type": "string"},
        "logId": {"type": "string", "minLength": 1},
        "httpStatusCode": {"type": "integer", "minimum": 400, "maximum": 599},
        "logTime": {"type": "string", "pattern": r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$"},
        "errorCode": {"type": "string", "pattern": r"^E\d{5}$"},
        "errors": {"oneOf": [{"type": "object", "additionalProperties": {"$ref": "#/definitions/node"}},
                             {"type": "array", "items": {"type": "string"}}]},
        "allowedFilteringFields": {"type": "array", "items": {"type": "string"}},
    },
    "definitions": {
        "entry": {"type": "object", "required": ["errorCode", "message"],
                  "properties": {"errorCode": {"type": "string", "pattern": r"^E\d{5}$"}, "message": {"type": "string"},
                                 "developerHint": {"type": "string"}}},
        "node": {"oneOf": [
            {"type": "object", "properties": {"errors": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/entry"}},
                                              "arrayIndex": {"type": "integer", "minimum": 0}},
             "additionalProperties": {"$ref": "#/definitions/node"}},
            {"type": "array", "items": {"type": "object", "required": ["arrayIndex"],
                                        "additionalProperties": {"$ref": "#/definitions/node"}}}]},
    },
}


# Where e-conomic's published GET schemas disagree with e-conomic's own recorded
# answers, the recording wins: (schema name prefix, validator, message) -> evidence.
KNOWN_SCHEMA_DEFECTS = {
    ("suppliers.", "required", "'layout' is a required property"):
        "the supplier GET schemas require layout, but e-conomic's answer to creating a supplier without one "
        "(fixtures/recorded-rest/create_supplier.json) has none",
}


@dataclass
class Answer:
    method: str
    path: str
    status: int
    headers: dict
    body: object = None
    raw: bytes = b""
    notes: list = field(default_factory=list)

    def header(self, name):
        return self.headers.get(name.lower())


class Emulator:
    """Requests to one emulator; `calls` counts them."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.calls = 0

    def request(self, method, path, body=None, headers=None, raw=None, tokens=True):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        all_headers = dict(TOKENS) if tokens else {}
        all_headers["Accept-Encoding"] = "gzip"
        if data is not None:
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=all_headers)
        self.calls += 1
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return self._answer(method, path, response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            return self._answer(method, path, error.code, error.headers, error.read())

    @staticmethod
    def _answer(method, path, status, headers, payload):
        lowered = {name.lower(): value for name, value in headers.items()}
        if lowered.get("content-encoding") == "gzip":
            payload = gzip.decompress(payload)
        body = None
        if payload:
            try:
                body = json.loads(payload)
            except ValueError:
                body = payload.decode(errors="replace")
        return Answer(method, path, status, lowered, body, payload)

    def get(self, path, **options):
        return self.request("GET", path, **options)

    def control(self, method, path, body=None):
        return self.request(method, "/_emulator/" + path, body=body, tokens=False)


class Schemas:
    """e-conomic's published schemas, loaded once each."""

    def __init__(self, shared):
        self.shared = shared
        self._rest = {}
        self.excused = {}
        with open(f"{shared}/openapi/openapi-Projects.json") as file:
            self.projects = json.load(file)

    def rest(self, name):
        if name not in self._rest:
            with open(f"{self.shared}/schemas/{name}.schema.json") as file:
                text = re.sub(r",(\s*[}\]])", r"\1", file.read())
            # Known defect of the published schemas: lastUpdated's pattern lost two
            # backslashes ("Td{2}:d{2}"), so no timestamp e-conomic sends could match it.
            text = text.replace(r'Td{2}:d{2}:d{2}Z', r'T\\d{2}:\\d{2}:\\d{2}Z')
            self._rest[name] = json.loads(text)
        return self._rest[name]

    def rest_errors(self, name, document):
        """The schema's errors for `document`, less the schema's known defects (counted in `excused`)."""
        errors = []
        for error in Draft3Validator(self.rest(name)).iter_errors(document):
            defect = next((key for key in KNOWN_SCHEMA_DEFECTS
                           if name.startswith(key[0]) and error.validator == key[1] and error.message == key[2]), None)
            if defect:
                self.excused[defect] = self.excused.get(defect, 0) + 1
            else:
                errors.append(error)
        return errors

    def legacy_error_errors(self, answer):
        errors = [e.message for e in Draft7Validator(LEGACY_ERROR).iter_errors(answer.body)] if isinstance(answer.body, dict) \
            else ["the body is not a JSON object"]
        if isinstance(answer.body, dict) and answer.body.get("httpStatusCode") not in (None, answer.status):
            errors.append(f"httpStatusCode {answer.body.get('httpStatusCode')} is not the status {answer.status}")
        return errors

    def component_errors(self, schema, document):
        validator = OAS30Validator(dict(schema, components=self.projects["components"]))
        return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(document)]

    def projects_operation(self, method, template):
        return self.projects["paths"].get(template, {}).get(method.lower())

    def projects_answer_errors(self, answer, template):
        """The answer checked against the spec's response for its operation and status."""
        operation = self.projects_operation(answer.method, template)
        if operation is None:
            return [f"{answer.method} {template} is not in the spec"]
        response = operation["responses"].get(str(answer.status))
        if response is None:
            return [f"status {answer.status} is not documented for {answer.method} {template}"]
        content = response.get("content") or {}
        if not content:
            return [] if not answer.raw else [f"a {answer.status} has no body in the spec, got {answer.raw[:60]!r}"]
        media, spec = next(iter(content.items()))
        errors = []
        if not (answer.header("content-type") or "").startswith(media):
            errors.append(f"content type {answer.header('content-type')!r} is not {media}")
        return errors + self.component_errors(spec["schema"], answer.body)
