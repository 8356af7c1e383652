#!/usr/bin/env python3
"""Validates the emulator's answers against e-conomic's published schemas.

Usage: conformance.py BASE_URL SHARED_ECONOMIC_DIR

Every legacy REST endpoint the emulator serves is fetched and checked with
the endpoint's draft-03 JSON schema (../shared/economic/schemas/); every
Projects API resource is fetched (cursor listing, /paged and by number) and
each item checked against its component schema in openapi-Projects.json.
Prints one line per check and `N passed, N failed`; exits 1 on any failure.
"""
import gzip
import json
import sys
import urllib.request

from jsonschema import Draft3Validator
from openapi_schema_validator import OAS30Validator

BASE, SHARED = sys.argv[1].rstrip("/"), sys.argv[2]
HEADERS = {"X-AppSecretToken": "emulator-app-secret", "X-AgreementGrantToken": "emulator-grant", "Accept-Encoding": "gzip"}

REST = [
    ("/self", "self.get"),
    ("/customers?pagesize=1000", "customers.get"),
    ("/customers/1001", "customers.customerNumber.get"),
    ("/customers/1001/contacts", "customers.customerNumber.contacts.get"),
    ("/customer-groups", "customer-groups.get"),
    ("/customer-groups/1", "customer-groups.customerGroupNumber.get"),
    ("/payment-terms", "payment-terms.get"),
    ("/payment-terms/1", "payment-terms.paymentTermsNumber.get"),
    ("/vat-zones", "vat-zones.get"),
    ("/vat-zones/1", "vat-zones.vatZoneNumber.get"),
    ("/layouts", "layouts.get"),
    ("/layouts/19", "layouts.layoutNumber.get"),
    ("/units", "units.get"),
    ("/units/1", "units.unitNumber.get"),
    ("/products?pagesize=1000", "products.get"),
    ("/products/10001", "products.productNumber.get"),
    ("/product-groups", "product-groups.get"),
    ("/product-groups/1", "product-groups.productGroupNumber.get"),
    ("/suppliers", "suppliers.get"),
    ("/suppliers/1", "suppliers.supplierNumber.get"),
    ("/employees", "employees.get"),
    ("/employees/1", "employees.employeeNumber.get"),
    ("/departments", "departments.get"),
    ("/departments/1", "departments.departmentNumber.get"),
    ("/orders/drafts", "orders.drafts.get"),
]
PROJECTS = [("Projects", "Project"), ("Activities", "Activity"), ("TimeEntries", "TimeEntry"), ("Employees", "Employee"),
            ("ProjectGroups", "ProjectGroup")]


def get(path):
    request = urllib.request.Request(BASE + path, headers=HEADERS)
    with urllib.request.urlopen(request) as response:
        body = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return json.loads(body)


def load_schema(name):
    with open(f"{SHARED}/schemas/{name}.schema.json") as file:
        return json.loads(file.read().replace(",\n}", "\n}").replace(",\n  }", "\n  }"))


def main():
    passed, failed = 0, 0

    def report(label, errors):
        nonlocal passed, failed
        if errors:
            failed += 1
            print(f"FAIL {label}: " + "; ".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:3]))
        else:
            passed += 1
            print(f"ok   {label}")

    for path, schema in REST:
        document = get(path)
        report(f"GET {path} ~ {schema}", list(Draft3Validator(load_schema(schema)).iter_errors(document)))

    with open(f"{SHARED}/openapi/openapi-Projects.json") as file:
        spec = json.load(file)
    for resource, component in PROJECTS:
        validator = OAS30Validator({"$ref": f"#/components/schemas/{component}", "components": spec["components"]})
        listing = get(f"/projectsapi/v1.1.0/{resource}")
        paged = get(f"/projectsapi/v1.1.0/{resource}/paged?pageSize=100")
        items = listing["items"] + paged
        if listing["items"]:
            number = listing["items"][0]["number"]
            items.append(get(f"/projectsapi/v1.1.0/{resource}/{number}"))
        errors = [error for item in items for error in validator.iter_errors(item)]
        report(f"GET /projectsapi/v1.1.0/{resource} ({len(items)} items) ~ {component}", errors)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
