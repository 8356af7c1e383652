"""The write half of conformance.py: every write answer, and seeded random writes.

A body is valid or invalid by e-conomic's own POST/PUT schema (checked here
with Python's jsonschema, independently of the emulator); a valid body with
existing references must be accepted, an invalid one refused with a 4xx that
changes nothing the collection shows.
"""
import copy
import random
from urllib.parse import quote

from jsonschema import Draft3Validator

from economic_schemas import PROJECTS

# Writable legacy collections: path, POST schema, PUT schema, item GET schema, key field.
WRITABLE = {
    "units": ("/units", "units.post", "units.unitNumber.put", "units.unitNumber.get", "unitNumber"),
    "products": ("/products", "products.post", "products.productNumber.put", "products.productNumber.get", "productNumber"),
    "customers": ("/customers", "customers.post", "customers.customerNo.put", "customers.customerNumber.get", "customerNumber"),
    "customer-groups": ("/customer-groups", "customer-groups.post", "customer-groups.customergroupnumber.put",
                        "customer-groups.customerGroupNumber.get", "customerGroupNumber"),
    "payment-terms": ("/payment-terms", "payment-terms.post", "payment-terms.paymentTermsNumber.put",
                      "payment-terms.paymentTermsNumber.get", "paymentTermsNumber"),
    "suppliers": ("/suppliers", "suppliers.post", "suppliers.supplierNumber.put", "suppliers.supplierNumber.get", "supplierNumber"),
    "contacts": (None, "customers.customerNumber.contacts.post", "customers.customerNumber.contacts.contactNumber.put",
                 "customers.customerNumber.contacts.contactNumber.get", "customerContactNumber"),
    "orders": ("/orders/drafts", "orders.drafts.post", "orders.drafts.orderNumber.put", "orders.drafts.orderNumber.get", "orderNumber"),
}
PATH_ESCAPES = {"<": "_0_", ">": "_1_", "*": "_2_", "%": "_3_", ":": "_4_", "&": "_5_", "/": "_6_", "\\": "_7_", "_": "_8_",
                " ": "_9_", "?": "_10_", ".": "_11_", "#": "_12_", "+": "_13_"}


def product_path(number):
    """A product number as e-conomic writes it in a path (REFERENCE.md §2.9)."""
    return "".join(PATH_ESCAPES.get(character, quote(character, safe="")) for character in number)


class Agreement:
    """References that exist in the emulator, read once."""

    def __init__(self, emulator):
        def numbers(path, field):
            return [item[field] for item in emulator.get(path + "?pagesize=1000").body["collection"]]
        self.customer_groups = numbers("/customer-groups", "customerGroupNumber")
        self.payment_terms = numbers("/payment-terms", "paymentTermsNumber")
        self.vat_zones = numbers("/vat-zones", "vatZoneNumber")
        self.layouts = numbers("/layouts", "layoutNumber")
        self.product_groups = numbers("/product-groups", "productGroupNumber")
        self.supplier_groups = numbers("/supplier-groups", "supplierGroupNumber")
        self.units = numbers("/units", "unitNumber")
        self.customers = numbers("/customers", "customerNumber")
        self.accounts = [group["account"]["accountNumber"] for group in emulator.get("/customer-groups").body["collection"]
                         if "account" in group]


class Bodies:
    """Valid write bodies with existing references, and schema-guided ways to break them."""

    def __init__(self, agreement, rng):
        self.agreement, self.rng = agreement, rng
        self.serial = 0

    def text(self, limit=30):
        words = ["Vand", "Rør", "Smed", "Køkken", "Tag", "Æble", "Ø-gade", "El", "Service", "Hus"]
        return " ".join(self.rng.choice(words) for _ in range(self.rng.randint(1, 3)))[:limit]

    def valid(self, kind):
        self.serial += 1
        a, r = self.agreement, self.rng
        if kind == "units":
            return {"name": self.text(8)}
        if kind == "products":
            number = r.choice([f"CONF-{self.serial}", f"Conf {self.serial}/a", f"C_{self.serial}.5%"])
            return {"productNumber": number, "name": self.text(), "productGroup": {"productGroupNumber": r.choice(a.product_groups)},
                    "salesPrice": round(r.uniform(1, 900), 2), "unit": {"unitNumber": r.choice(a.units)}}
        if kind == "customers":
            return {"name": self.text(), "currency": "DKK", "customerGroup": {"customerGroupNumber": r.choice(a.customer_groups)},
                    "paymentTerms": {"paymentTermsNumber": r.choice(a.payment_terms)},
                    "vatZone": {"vatZoneNumber": r.choice(a.vat_zones)}, "city": "Horsens", "zip": "8700"}
        if kind == "customer-groups":
            return {"customerGroupNumber": 500 + self.serial, "name": self.text(),
                    "account": {"accountNumber": r.choice(a.accounts or [5600])}}
        if kind == "payment-terms":
            return {"name": self.text(), "paymentTermsType": "net", "daysOfCredit": r.randint(0, 60)}
        if kind == "suppliers":
            return {"name": self.text(), "currency": "DKK", "supplierGroup": {"supplierGroupNumber": r.choice(a.supplier_groups)},
                    "paymentTerms": {"paymentTermsNumber": r.choice(a.payment_terms)},
                    "vatZone": {"vatZoneNumber": r.choice(a.vat_zones)}}
        if kind == "contacts":
            return {"name": self.text(), "email": f"kontakt{self.serial}@example.dk"}
        if kind == "orders":
            return {"date": "2026-11-30", "currency": "DKK", "layout": {"layoutNumber": r.choice(a.layouts)},
                    "paymentTerms": {"paymentTermsNumber": r.choice(a.payment_terms)},
                    "customer": {"customerNumber": r.choice(a.customers)},
                    "recipient": {"name": self.text(), "vatZone": {"vatZoneNumber": r.choice(a.vat_zones)}}}
        raise ValueError(kind)

    def broken(self, body, schema):
        """`body` with one property broken against `schema`; the way it was broken."""
        properties = schema.get("properties", {})
        choices = []
        for name, spec in properties.items():
            if spec.get("readOnly"):
                continue
            kind = spec.get("type")
            if spec.get("required") and name in body:
                choices.append(("missing " + name, lambda b, n=name: b.pop(n)))
            if kind == "string":
                if "maxLength" in spec:
                    choices.append((f"{name} of {spec['maxLength'] + 1} characters",
                                    lambda b, n=name, s=spec: b.__setitem__(n, "x" * (s["maxLength"] + 1))))
                if spec.get("minLength", 0) > 1:
                    choices.append((f"{name} too short", lambda b, n=name: b.__setitem__(n, "x")))
                if "enum" in spec:
                    choices.append((f"{name} outside its enum", lambda b, n=name, s=spec: b.__setitem__(n, s["enum"][0].upper() + "X")))
                choices.append((f"{name} a number", lambda b, n=name: b.__setitem__(n, 12345)))
            elif kind == "integer":
                choices.append((f"{name} a string", lambda b, n=name: b.__setitem__(n, "abc")))
                if "maximum" in spec:
                    choices.append((f"{name} above its maximum", lambda b, n=name, s=spec: b.__setitem__(n, s["maximum"] + 1)))
            elif kind == "number":
                choices.append((f"{name} a string", lambda b, n=name: b.__setitem__(n, "abc")))
            elif kind == "boolean":
                choices.append((f"{name} \"yes\"", lambda b, n=name: b.__setitem__(n, "yes")))
            elif kind == "object" and name in body:
                choices.append((f"{name} a string", lambda b, n=name: b.__setitem__(n, "1")))
            choices.append((f"{name} null", lambda b, n=name: b.__setitem__(n, None)))
        self.rng.shuffle(choices)
        validator = Draft3Validator(schema)
        for label, apply in choices:
            candidate = copy.deepcopy(body)
            apply(candidate)
            if not validator.is_valid(candidate):
                return candidate, label
        return None, None


class WriteAnswers:
    """One of each write answer per writable collection: 201, 200, 204, and a repeated DELETE's 404."""

    def __init__(self, checker):
        self.checker = checker
        self.emulator = checker.emulator

    def run(self):
        agreement = Agreement(self.emulator)
        bodies = Bodies(agreement, random.Random(7))
        customer = agreement.customers[0]
        for kind, (collection, post, put, item, key) in WRITABLE.items():
            collection = collection or f"/customers/{customer}/contacts"
            body = bodies.valid(kind)
            created = self.emulator.request("POST", collection, body)
            if not self.checker.rest(created, item, 201):
                continue
            self_path = created.body["self"].split(self.emulator.base, 1)[-1]
            if created.header("location") != created.body["self"]:
                self.checker.report(created, [f"Location {created.header('location')!r} is not self"], f"POST {collection} Location")
            if kind == "products" and self_path != f"{collection}/{product_path(created.body[key])}":
                self.checker.report(created, [f"self {self_path} is not _N_-escaped"], f"POST {collection} self")
            changed = dict(body, **{key: created.body[key]})
            changed["name" if "name" in changed else "date"] = bodies.text() if "name" in changed else "2026-12-01"
            self.checker.rest(self.emulator.request("PUT", self_path, changed), item, 200)
            self.checker.rest(self.emulator.get(self_path), item, 200)
            if kind != "orders":
                self.checker.report(self.emulator.request("DELETE", self_path), [], f"DELETE {self_path}")
                self.checker.legacy_error(self.emulator.request("DELETE", self_path), 404)
        self.projects(customer)

    def projects(self, customer):
        emulator, checker = self.emulator, self.checker
        groups = emulator.get(f"{PROJECTS}/ProjectGroups/paged?pageSize=100").body
        external = next(group["number"] for group in groups if group.get("type") != 1)
        created = emulator.request("POST", f"{PROJECTS}/Projects", {"name": "Konformitet", "projectGroupNumber": external,
                                                                       "customerNumber": customer})
        checker.projects(created, "/Projects", 201)
        if created.status != 201:
            return
        number = created.body["number"]
        project = emulator.get(f"{PROJECTS}/Projects/{number}").body
        project["name"] = "Konformitet 2"
        checker.projects(emulator.request("PUT", f"{PROJECTS}/Projects", project), "/Projects", 204)
        stale = dict(project, name="Konformitet 3")
        checker.projects(emulator.request("PUT", f"{PROJECTS}/Projects", stale), "/Projects", 409)
        entry = self.time_entry(number)
        created_entry = emulator.request("POST", f"{PROJECTS}/TimeEntries", entry)
        checker.projects(created_entry, "/TimeEntries", 201)
        if created_entry.status == 201:
            entry_number = created_entry.body["number"]
            checker.projects(emulator.request("DELETE", f"{PROJECTS}/Projects/{number}"), "/Projects/{number}", 400)
            checker.projects(emulator.request("POST", f"{PROJECTS}/TimeEntries/approve", {"numbers": [entry_number]}),
                             "/TimeEntries/approve", 204)
            checker.projects(emulator.request("DELETE", f"{PROJECTS}/TimeEntries/{entry_number}"), "/TimeEntries/{number}", 400)
        other = emulator.request("POST", f"{PROJECTS}/Projects", {"name": "Slettes", "projectGroupNumber": external,
                                                                   "customerNumber": customer})
        if other.status == 201:
            checker.projects(emulator.request("DELETE", f"{PROJECTS}/Projects/{other.body['number']}"), "/Projects/{number}", 204)
            checker.projects(emulator.request("DELETE", f"{PROJECTS}/Projects/{other.body['number']}"), "/Projects/{number}", 404)

    def time_entry(self, project):
        emulator = self.emulator
        def open_one(resource):
            return next(item["number"] for item in emulator.get(f"{PROJECTS}/{resource}/paged?pageSize=100").body
                        if not item.get("isBarred"))
        activity, employee = open_one("Activities"), open_one("Employees")
        return {"projectNumber": project, "activityNumber": activity, "employeeNumber": employee,
                "date": "2026-11-30T00:00:00", "numberOfHours": 7.5, "text": "Udskiftning af vandrør"}


class RandomWrites:
    """Seeded POSTs and PUTs, valid and invalid by e-conomic's schemas, each answer checked."""

    def __init__(self, checker, rng):
        self.checker, self.rng = checker, rng
        self.emulator = checker.emulator
        self.valid = self.invalid = self.refused_invalid = self.accepted_valid = 0

    def run(self, count):
        agreement = Agreement(self.emulator)
        bodies = Bodies(agreement, self.rng)
        schemas = self.checker.schemas
        created = {kind: [] for kind in WRITABLE}
        customer = agreement.customers[0]
        for _ in range(count):
            kind = self.rng.choice(list(WRITABLE))
            collection, post, put, item, key = WRITABLE[kind]
            collection = collection or f"/customers/{customer}/contacts"
            replacing = created[kind] and self.rng.random() < 0.4
            body = bodies.valid(kind)
            if replacing:
                number = self.rng.choice(created[kind])
                body[key] = number
                path = f"{collection}/{product_path(number) if kind == 'products' else number}"
                schema, method, success = schemas.rest(put), "PUT", 200
            else:
                path, schema, method, success = collection, schemas.rest(post), "POST", 201
            broken = self.rng.random() < 0.5
            if broken:
                body, label = bodies.broken(body, schema)
                if body is None:
                    continue
            before = self.emulator.get(path if replacing else collection + "?pagesize=1")
            answer = self.emulator.request(method, path, body)
            if broken:
                self.invalid += 1
                after = self.emulator.get(path if replacing else collection + "?pagesize=1")
                unchanged = before.body == after.body if replacing else \
                    before.body["pagination"]["results"] == after.body["pagination"]["results"]
                errors = [] if 400 <= answer.status < 500 else [f"{label}: accepted with {answer.status}"]
                if not unchanged:
                    errors.append(f"{label}: the emulator's state changed")
                errors += schemas.legacy_error_errors(answer) if answer.status >= 400 else []
                if self.checker.report(answer, errors, f"{method} {path} with {label}"):
                    self.refused_invalid += 1
            else:
                self.valid += 1
                if self.checker.rest(answer, item, success):
                    self.accepted_valid += 1
                    if method == "POST":
                        created[kind].append(answer.body[key])
