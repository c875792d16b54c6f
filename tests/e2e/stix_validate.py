#!/usr/bin/env python3
"""Validates a STIX 2.1 bundle against the OASIS STIX 2.1 JSON schemas.

usage: stix_validate.py SCHEMAS_DIR BUNDLE.json
Validates the bundle with schemas/common/bundle.json and every object with the
schema of its own type (so that a failing object is named), resolving the
schemas' relative $refs from the local folder only (no network). Works with
jsonschema 4.x both before and after the `referencing` library.
Exit 0 when valid, 1 with the errors listed otherwise.
"""
import json
import pathlib
import sys

import jsonschema

BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/"


def load_schemas(root):
    store = {}
    for p in pathlib.Path(root).rglob("*.json"):
        s = json.loads(p.read_text(encoding="utf-8"))
        sid = s.get("$id") or BASE + p.relative_to(root).as_posix()
        store[sid] = s
    return store


def validator_for(store, schema):
    cls = jsonschema.validators.validator_for(schema)
    try:
        from referencing import Registry, Resource  # jsonschema >= 4.18
        from referencing.jsonschema import DRAFT202012
        registry = Registry().with_resources(
            (sid, Resource.from_contents(s, default_specification=DRAFT202012))
            for sid, s in store.items())
        return cls(schema, registry=registry)
    except ImportError:
        resolver = jsonschema.RefResolver(schema["$id"], schema, store=store)
        return cls(schema, resolver=resolver)


def main():
    root, bundle_path = sys.argv[1], sys.argv[2]
    store = load_schemas(root)
    bundle = json.loads(pathlib.Path(bundle_path).read_text(encoding="utf-8"))
    errors = []
    v = validator_for(store, store[BASE + "common/bundle.json"])
    for e in v.iter_errors(bundle):
        errors.append("bundle: %s at %s" % (e.message[:300], list(e.absolute_path)))
    folders = ["sdos", "sros", "common", "observables"]
    for obj in bundle.get("objects", []):
        t = obj.get("type", "")
        schema = None
        for f in folders:
            schema = store.get(BASE + f + "/" + t + ".json")
            if schema:
                break
        if schema is None:
            core = "common/cyber-observable-core.json" if "created" not in obj else "common/core.json"
            schema = store[BASE + core]
        for e in validator_for(store, schema).iter_errors(obj):
            errors.append("%s: %s at %s" % (obj.get("id"), e.message[:300], list(e.absolute_path)))
    if errors:
        print("\n".join(errors[:50]))
        print("%d schema errors" % len(errors))
        return 1
    print("valid: %d objects" % len(bundle.get("objects", [])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
