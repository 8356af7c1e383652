#!/usr/bin/env python3
"""Replays answers recorded from the real e-conomic against the emulator.

Usage: replay.py BASE_URL SHARED_ECONOMIC_DIR     (an emulator started with --empty)

For each recorded GET in fixtures/recorded-rest/ that the emulator serves,
the emulator is given the same records (through its control API) and asked
the same request; its answer is compared with the recording field by field,
links aside (a string that is a URL differs by host by design). Every
difference is printed with the reason it is acceptable; a difference without
a reason in ACCEPTED makes the run fail. Recordings of resources econsync
never reads (invoices, journals, accounting years, …) are listed as not
served.
"""
import json
import os
import sys

from economic_schemas import Emulator

# fixture: (record kind, key field, path to ask; None: the recording's own self)
SERVED = {
    "customer_contact.json": ("contact", "customerContactNumber", None),
    "customer_contact_send.json": ("contact", "customerContactNumber", None),
    "customer_contacts.json": ("contact", "customerContactNumber", None),
    "customer_contact_0.json": ("contact", "customerContactNumber", None),
    "customer_contact_filter.json": ("contact", "customerContactNumber", None),
    "customer_groups.json": ("customerGroup", "customerGroupNumber", None),
    "create_customer.json": ("customer", "customerNumber", None),
    "update_customer.json": ("customer", "customerNumber", None),
    "create_supplier.json": ("supplier", "supplierNumber", None),
    "department.json": ("department", "departmentNumber", None),
    "departments.json": ("department", "departmentNumber", None),
    "layouts.json": ("layout", "layoutNumber", None),
    "payment_terms.json": ("paymentTerm", "paymentTermsNumber", None),
    "product.json": ("product", "productNumber", None),
    "product_groups.json": ("productGroup", "productGroupNumber", None),
    "supplier.json": ("supplier", "supplierNumber", None),
    "suppliers.json": ("supplier", "supplierNumber", None),
    "supplier_group.json": ("supplierGroup", "supplierGroupNumber", None),
    "supplier_groups.json": ("supplierGroup", "supplierGroupNumber", None),
    "units.json": ("unit", "unitNumber", None),
    "vat_zones.json": ("vatZone", "vatZoneNumber", None),
    "orders_drafts.json": ("order", "orderNumber", None),
    "orders_drafts_one.json": ("order", "orderNumber", None),
    "orders_drafts_one_15.json": ("order", "orderNumber", None),
    "orders_drafts_one_97.json": ("order", "orderNumber", None),
}
# customer.json names customer 1 in its number and 201 in its links: a recording
# pieced together by its author, compared by its number.
SERVED["customer.json"] = ("customer", "customerNumber", "/customers/1")

# Recordings of what belongs to the emulator itself, compared by shape: path to ask, why.
SHAPES = {
    "self.json": ("/self", "/self describes the emulator's own agreement, user and company"),
    "404.json": ("/customers/999999999", "logId and logTime are per request"),
    "pagination.json": ("/customers?skippages=1&pagesize=10", "the pagination of another agreement's customers"),
}

# (field path, or * for any item field of that name): why the difference is acceptable.
ACCEPTED = {
    "customer_contact_filter.json:pagination.resultsWithoutFilter":
        "the recording holds only the 10 contacts the filter matched; the customer's 3 others are not in it",
    "lastUpdated": "the control API stamps lastUpdated when it stores a record, as e-conomic does for a user's edit",
    "pagination.maxPageSizeAllowed+": "",
    "soap": "SOAP handles (soap.orderHandle) belong to e-conomic's retired SOAP API; the emulator has none",
    "templates": "order templates (upgrade instructions) are links to endpoints the emulator does not serve",
    "metaData": "metaData describes e-conomic's UI actions (create, delete, replace) by link; the emulator omits it",
    "attachment": "a link-only property to the order's PDF attachment, not served",
    "pdf": "a link-only property to the order's PDF, not served",
    "sent": "a link-only property to the sent-order endpoint, not served",
    "contacts": None, "totals": None, "invoices": None, "deliveryLocations": None, "subCollections": None,
}


def is_link(value):
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def differences(recorded, answered, path=""):
    """(path, recorded, answered) for every leaf that differs, links aside."""
    if isinstance(recorded, dict) and isinstance(answered, dict):
        found = []
        for name in sorted(set(recorded) | set(answered)):
            if name == "self":
                continue
            child = f"{path}.{name}" if path else name
            if name not in answered:
                if not is_link(recorded[name]) and not links_only(recorded[name]):
                    found.append((child, recorded[name], "(absent)"))
            elif name not in recorded:
                if not is_link(answered[name]) and not links_only(answered[name]):
                    found.append((child, "(absent)", answered[name]))
            else:
                found += differences(recorded[name], answered[name], child)
        return found
    if isinstance(recorded, list) and isinstance(answered, list) and len(recorded) == len(answered):
        return [d for index, (r, a) in enumerate(zip(recorded, answered)) for d in differences(r, a, f"{path}[{index}]")]
    if is_link(recorded) and is_link(answered):
        return []
    if isinstance(recorded, (int, float)) and isinstance(answered, (int, float)) and not isinstance(recorded, bool) \
            and not isinstance(answered, bool) and float(recorded) == float(answered):
        return []
    return [] if recorded == answered else [(path, recorded, answered)]


def links_only(value):
    if isinstance(value, dict):
        return all(name == "self" or links_only(item) for name, item in value.items())
    return is_link(value)


def reason(fixture, path):
    name = path.split("[")[0].split(".")[0]
    for candidate in (f"{fixture}:{path}", path, name, path.split(".")[-1]):
        if candidate in ACCEPTED:
            return ACCEPTED[candidate] or "a link-only property (links aside)"
    return None


def clear(emulator):
    for line in emulator.control("GET", "records").body["records"]:
        key = line["key"]
        emulator.control("DELETE", f"records/{line['kind']}/{key}")


def shape(value):
    """The JSON types at every path of `value`, links aside."""
    if isinstance(value, dict):
        return {f"{name}{'.' + inner if inner else ''}": kind for name, item in value.items() if name != "self" and not is_link(item)
                for inner, kind in (shape(item).items() or [("", "object")])}
    return {"": type(value).__name__.replace("int", "number").replace("float", "number")}


def compare_shapes(emulator, name, document, path, why):
    """Recordings of what is the emulator's own (its /self, its 404): every recorded field present with the same type."""
    answer = emulator.get(path)
    recorded, answered = shape(document), shape(answer.body if isinstance(answer.body, dict) else {})
    missing = [field for field, kind in recorded.items() if answered.get(field) != kind]
    for field in missing:
        print(f"DIFF        {name} {field}: recorded a {recorded[field]}, emulator {answered.get(field, 'nothing')}")
    if not missing:
        print(f"same shape  {name}: {len(recorded)} fields of the same types ({why})")
    return len(missing)


def seed(emulator, kind, key_field, document):
    items = document["collection"] if "collection" in document else [document]
    for item in items:
        key = item[key_field]
        if kind == "contact":
            customer = item["customer"]["customerNumber"]
            emulator.control("PUT", f"records/customer/{customer}", {"customerNumber": customer, "name": "Kunde"})
        answer = emulator.control("PUT", f"records/{kind}/{key}", item)
        if answer.status not in (200, 201):
            raise SystemExit(f"seeding {kind} {key} failed: {answer.status} {answer.body}")
    return items


def main():
    base, shared = sys.argv[1], sys.argv[2]
    emulator = Emulator(base)
    folder = f"{shared}/fixtures/recorded-rest"
    compared = unexplained = explained = 0
    for name in sorted(os.listdir(folder)):
        with open(f"{folder}/{name}") as file:
            # units.json was damaged by line wrapping ("nam e", "unitNumber "): e-conomic's
            # keys have no spaces, so spaces are taken out of keys (values are left as recorded).
            document = json.load(file, object_pairs_hook=lambda pairs: {key.replace(" ", ""): value for key, value in pairs})
        if name in SHAPES:
            path, why = SHAPES[name]
            compared += 1
            unexplained += compare_shapes(emulator, name, document if name != "pagination.json" else {"pagination": document},
                                          path, why)
            continue
        if name not in SERVED:
            print(f"not served  {name}: a resource econsync does not read")
            continue
        kind, key_field, path = SERVED[name]
        clear(emulator)
        seed(emulator, kind, key_field, document)
        path = path or document["self"].split("restapi.e-conomic.com", 1)[1]
        answer = emulator.get(path)
        if answer.status != 200:
            print(f"DIFF        {name}: GET {path} answered {answer.status}")
            unexplained += 1
            continue
        recorded, answered = document, answer.body
        if "collection" in document:
            by_key = {item[key_field]: item for item in answered.get("collection", [])}
            pairs = [(item, by_key.get(item[key_field], {})) for item in document["collection"]]
            envelope = differences({k: v for k, v in document.items() if k != "collection"},
                                   {k: v for k, v in answered.items() if k != "collection"}, "")
        else:
            pairs, envelope = [(recorded, answered)], []
        found = envelope + [d for r, a in pairs for d in differences(r, a)]
        compared += 1
        accepted = {}
        for field, was, got in found:
            why = reason(name, field)
            if why is None:
                unexplained += 1
                print(f"DIFF        {name} {field}: recorded {json.dumps(was)[:80]}, emulator {json.dumps(got)[:80]}")
            else:
                explained += 1
                accepted.setdefault((field.split("[")[0].split(".")[0], why), []).append(field)
        for (field, why), fields in sorted(accepted.items()):
            print(f"accepted    {name} {field} ({len(fields)}x): {why}")
        if not found:
            print(f"same        {name}: {len(pairs)} record(s), links aside")
    print(f"recordings compared: {compared}, differences accepted: {explained}, unexplained: {unexplained}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
