#!/usr/bin/env python3
"""Checks every kind of answer the emulator gives against e-conomic's published schemas.

Usage: conformance.py BASE_URL SHARED_ECONOMIC_DIR [--writes N] [--seed S]

Drives an emulator started from the demo agreement: every legacy REST GET
(collections page by page with their pagination links, items, filters,
sorts), every write (POST, PUT, DELETE and their answers), every error the
emulator can give (401, 403, 404, 405, 400s of filters, paging, sorting and
validation, 415, 429, 5xx), the same for the Projects API; then N seeded
random writes, valid and invalid by e-conomic's own schemas (an invalid one
must be refused with 4xx and change nothing), and every GET again.

Answers are checked with the endpoint's draft-03 schema (legacy REST), the
Projects OpenAPI spec's response for the operation and status (which also
requires the status to be one the spec documents), and for legacy errors the
shape of REFERENCE.md §2.6. Every answer must carry an integer X-CallCost.
Prints one line per failure and `answers checked: N, failed: F`; exits 1 on
any failure.
"""
import argparse
import random
import sys

from economic_schemas import KNOWN_SCHEMA_DEFECTS, PROJECTS, Emulator, Schemas
from conformance_writes import RandomWrites, WriteAnswers

# Legacy collections: path, collection GET schema, item GET schema.
COLLECTIONS = [
    ("/customers", "customers.get", "customers.customerNumber.get"),
    ("/customer-groups", "customer-groups.get", "customer-groups.customerGroupNumber.get"),
    ("/payment-terms", "payment-terms.get", "payment-terms.paymentTermsNumber.get"),
    ("/vat-zones", "vat-zones.get", "vat-zones.vatZoneNumber.get"),
    ("/layouts", "layouts.get", "layouts.layoutNumber.get"),
    ("/units", "units.get", "units.unitNumber.get"),
    ("/products", "products.get", "products.productNumber.get"),
    ("/product-groups", "product-groups.get", "product-groups.productGroupNumber.get"),
    ("/suppliers", "suppliers.get", "suppliers.supplierNumber.get"),
    # e-conomic publishes no schema for supplier groups: their answers are checked for status and headers only.
    ("/supplier-groups", None, None),
    ("/employees", "employees.get", "employees.employeeNumber.get"),
    ("/departments", "departments.get", "departments.departmentNumber.get"),
    ("/orders/drafts", "orders.drafts.get", "orders.drafts.orderNumber.get"),
]
QUERIES = [
    ("/customers?filter=name$like:a", "customers.get"),
    ("/customers?filter=customerNumber$gt:1005$and:customerNumber$lt:1020", "customers.get"),
    ("/customers?filter=lastUpdated$gt:2020-01-01", "customers.get"),
    ("/customers?sort=-name&pagesize=5", "customers.get"),
    ("/customers?sort=city,-customerNumber&pagesize=5&skippages=1", "customers.get"),
    ("/customers?skippages=999", "customers.get"),
    ("/products?filter=name$like:*s*&sort=name", "products.get"),
    ("/products?filter=barred$eq:true", "products.get"),
    ("/employees?filter=name$like:a&sort=-employeeNumber", "employees.get"),
    ("/customers?filter=customerNumber$in:[1001,1002,1003]", "customers.get"),
]
PROJECT_RESOURCES = ["Projects", "Activities", "TimeEntries", "Employees", "ProjectGroups"]


class Checker:
    """Counts answers and prints the failing ones."""

    def __init__(self, emulator, schemas):
        self.emulator, self.schemas = emulator, schemas
        self.checked = self.failed = 0

    def report(self, answer, errors, label=None):
        self.checked += 1
        cost = answer.header("x-callcost")
        if cost is None or not cost.isdigit() or int(cost) < 1:
            errors = list(errors) + [f"X-CallCost is {cost!r}"]
        if errors:
            self.failed += 1
            print(f"FAIL {label or answer.method + ' ' + answer.path} ({answer.status}): " + "; ".join(map(str, errors[:4])))
        return not errors

    def rest(self, answer, schema, status=200):
        errors = [] if answer.status == status else [f"status {answer.status}, expected {status}"]
        if answer.status < 400 and schema is None:
            pass
        elif answer.status < 400:
            errors += [f"{'/'.join(map(str, e.path))}: {e.message}" for e in self.schemas.rest_errors(schema, answer.body)]
        else:
            errors += self.schemas.legacy_error_errors(answer)
        return self.report(answer, errors)

    def legacy_error(self, answer, status):
        errors = [] if answer.status == status else [f"status {answer.status}, expected {status}"]
        return self.report(answer, errors + self.schemas.legacy_error_errors(answer))

    def projects(self, answer, template, status):
        errors = [] if answer.status == status else [f"status {answer.status}, expected {status}"]
        return self.report(answer, errors + self.schemas.projects_answer_errors(answer, template))


def pagination_errors(pages, path, total):
    """Pages of one collection, walked by nextPage: links, counts and order."""
    errors = []
    seen = sum(len(page["collection"]) for page in pages)
    if seen != total:
        errors.append(f"{seen} items over the pages, results says {total}")
    for index, page in enumerate(pages):
        links = page["pagination"]
        if ("previousPage" in links) != (index > 0):
            errors.append(f"page {index}: previousPage {'missing' if index else 'present on the first page'}")
        if ("nextPage" in links) != (index < len(pages) - 1):
            errors.append(f"page {index}: nextPage wrong")
        if f"skippages={index}&" not in page["self"]:
            errors.append(f"page {index}: self {page['self']}")
        if not links.get("lastPage", "").count(f"skippages={len(pages) - 1}&"):
            errors.append(f"page {index}: lastPage {links.get('lastPage')}")
    return errors


def check_gets(checker):
    emulator = checker.emulator
    for path, schema, item_schema in COLLECTIONS:
        first = emulator.get(path + "?pagesize=1000")
        if not checker.rest(first, schema):
            continue
        items = first.body["collection"]
        for item in items[:3] + items[-1:]:
            checker.rest(emulator.get(item["self"].split(emulator.base, 1)[-1]), item_schema)
        size = max(1, len(items) // 3)
        pages, next_path = [], f"{path}?skippages=0&pagesize={size}"
        while next_path and len(pages) < 10:
            answer = emulator.get(next_path)
            if not checker.rest(answer, schema):
                break
            pages.append(answer.body)
            link = answer.body["pagination"].get("nextPage")
            next_path = link.split(emulator.base, 1)[-1] if link else None
        if pages and len(pages) < 10:
            errors = pagination_errors(pages, path, first.body["pagination"]["results"])
            checker.report(answer, errors, f"pagination of {path} by {size}")
    customers = emulator.get("/customers?pagesize=1000").body["collection"]
    for customer in customers[:3]:
        number = customer["customerNumber"]
        contacts = emulator.get(f"/customers/{number}/contacts")
        checker.rest(contacts, "customers.customerNumber.contacts.get")
        for contact in contacts.body.get("collection", [])[:2]:
            checker.rest(emulator.get(f"/customers/{number}/contacts/{contact['customerContactNumber']}"),
                         "customers.customerNumber.contacts.contactNumber.get")
    for path, schema in QUERIES:
        checker.rest(emulator.get(path), schema)
    checker.rest(emulator.get("/self"), "self.get")

    for resource in PROJECT_RESOURCES:
        base = f"{PROJECTS}/{resource}"
        cursor, numbers = "", []
        for _ in range(20):
            answer = emulator.get(base + (f"?cursor={cursor}" if cursor else ""))
            if not checker.projects(answer, f"/{resource}", 200):
                break
            numbers += [item["number"] for item in answer.body["items"]]
            cursor = answer.body.get("cursor")
            if not cursor:
                break
        for skip in range(3):
            checker.projects(emulator.get(f"{base}/paged?pageSize=5&skipPages={skip}"), f"/{resource}/paged", 200)
        checker.projects(emulator.get(f"{base}/count"), f"/{resource}/count", 200)
        checker.projects(emulator.get(f"{base}/paged?filter=number$gt:0&sort=-number"), f"/{resource}/paged", 200)
        for number in numbers[:3]:
            checker.projects(emulator.get(f"{base}/{number}"), f"/{resource}/{{number}}", 200)


def check_errors(checker):
    emulator = checker.emulator
    legacy = [
        (emulator.get("/customers", tokens=False), 401),
        (emulator.get("/customers", headers={"X-AgreementGrantToken": "no-such-grant"}), 401),
        (emulator.get("/customers", headers={"X-AppSecretToken": "demo", "X-AgreementGrantToken": "demo"}), 200),
        (emulator.request("POST", "/units", {"name": "x"}, headers={"X-AppSecretToken": "demo", "X-AgreementGrantToken": "demo"}), 403),
        (emulator.get("/no-such-collection"), 404),
        (emulator.get("/customers/999999999"), 404),
        (emulator.get("/products/no_9_such_9_product"), 404),
        (emulator.request("DELETE", "/vat-zones/1"), 405),
        (emulator.request("POST", "/employees", {"name": "x"}), 405),
        (emulator.get("/customers?pagesize=1001"), 400),
        (emulator.get("/customers?pagesize=0"), 400),
        (emulator.get("/customers?filter=bogusProp$eq:1"), 400),
        (emulator.get("/customers?filter=name$zz:1"), 400),
        (emulator.get("/customers?filter=name$eq:a)b"), 400),
        (emulator.get("/customers?sort=bogusProp"), 400),
        (emulator.request("POST", "/units", raw=b"{not json"), 400),
        (emulator.request("POST", "/units", raw=b"[1,2]"), 400),
        (emulator.request("POST", "/units", {"name": None}), 400),
        (emulator.request("POST", "/units", {}), 400),
        (emulator.request("POST", "/customers", {"name": "x", "currency": "DKK"}), 400),
        (emulator.request("POST", "/units", raw=b"name=x", headers={"Content-Type": "text/plain"}), 415),
        (emulator.request("POST", "/units", raw=b'{"name":"' + b"x" * (10 << 20) + b'"}'), 413),
    ]
    for answer, status in legacy:
        if status < 400:
            checker.rest(answer, "customers.get", status)
        else:
            checker.legacy_error(answer, status)
    # Injected faults: every answer a 429, or a 5xx of 500, 502 and 503 (by the seed); the body in each family's shape.
    for statuses, settings in (({429}, {"seed": 1, "throttleBurst": 2, "throttleRate": 1}), ({500, 502, 503}, {"seed": 1, "errorRate": 1})):
        emulator.control("POST", "faults", settings)
        rest = emulator.get("/customers")
        projects = emulator.get(f"{PROJECTS}/Projects")
        emulator.control("DELETE", "faults")
        checker.legacy_error(rest, rest.status if rest.status in statuses else min(statuses))
        checker.projects(projects, "/Projects", projects.status if projects.status in statuses else min(statuses))

    for resource in PROJECT_RESOURCES:
        base = f"{PROJECTS}/{resource}"
        checker.projects(emulator.get(f"{base}/999999"), f"/{resource}/{{number}}", 404)
        checker.projects(emulator.get(f"{base}/paged?pageSize=1000"), f"/{resource}/paged", 400)
        checker.projects(emulator.get(f"{base}?filter=bogus$eq:1"), f"/{resource}", 400)
        checker.projects(emulator.get(f"{base}/count", tokens=False), f"/{resource}/count", 401)
        checker.projects(emulator.request("POST", base, {}), f"/{resource}", 400)
    checker.projects(emulator.request("POST", f"{PROJECTS}/TimeEntries/approve", {"numbers": []}), "/TimeEntries/approve", 400)
    # The spec documents neither 413 nor 415 for any operation; the bodies must still be ProblemDetails.
    problem = {"$ref": "#/components/schemas/ProblemDetails"}
    for answer, status in ((emulator.request("POST", f"{PROJECTS}/Projects", raw=b"name=x", headers={"Content-Type": "text/plain"}), 415),
                           (emulator.request("POST", f"{PROJECTS}/Projects", raw=b'{"name":"' + b"x" * (10 << 20) + b'"}'), 413)):
        errors = [] if answer.status == status else [f"status {answer.status}, expected {status}"]
        checker.report(answer, errors + checker.schemas.component_errors(problem, answer.body))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("shared")
    parser.add_argument("--writes", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2026)
    arguments = parser.parse_args()
    emulator = Emulator(arguments.base)
    checker = Checker(emulator, Schemas(arguments.shared))

    check_gets(checker)
    check_errors(checker)
    WriteAnswers(checker).run()
    writes = RandomWrites(checker, random.Random(arguments.seed))
    writes.run(arguments.writes)
    print(f"random writes: {writes.valid} valid, {writes.invalid} invalid by e-conomic's schemas; "
          f"{writes.refused_invalid} invalid refused, {writes.accepted_valid} valid accepted")
    check_gets(checker)
    for (schema, _, message), count in checker.schemas.excused.items():
        print(f"excused {count} times, a defect of e-conomic's schema {schema}*: {message}: {KNOWN_SCHEMA_DEFECTS[(schema, _, message)]}")
    print(f"answers checked: {checker.checked}, failed: {checker.failed}")
    return 1 if checker.failed else 0


if __name__ == "__main__":
    sys.exit(main())
