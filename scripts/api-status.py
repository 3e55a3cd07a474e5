#!/usr/bin/env python3
"""Marks every public top-level type of framework/src/main with apiguardian's @API status.

STABLE and EXPERIMENTAL types are listed below; every other public type is INTERNAL. The script
is idempotent: re-run it after adding or merging public types (ApiStatusTest fails until then).
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent / "framework/src/main/java"

# What users may rely on: the public contract (DESIGN.md, section 2) and its result types.
STABLE = {
    "dev.baton.AfterSchedule", "dev.baton.BeforeSchedule", "dev.baton.ExplorationResult",
    "dev.baton.ExploreInterleavings", "dev.baton.InterleavingFailure", "dev.baton.Interleavings",
    "dev.baton.Scenario", "dev.baton.Strategy",
}
# For users, but may still change: the bridges' entry points, the coverage figures, the key list.
EXPERIMENTAL = {
    "dev.baton.ExplorationCoverage", "dev.baton.config.ConfigKey", "dev.baton.config.Defaults",
    "dev.baton.lincheck.CheckLinearizability", "dev.baton.lincheck.LincheckFailure",
    "dev.baton.lincheck.LincheckMode", "dev.baton.lincheck.Linearizability",
    "dev.baton.lincheck.LinearizabilityViolation", "dev.baton.jcstress.JCStressFailure",
}
DECLARATION = re.compile(
    r"^public (?:final |abstract |sealed |non-sealed |static )*(?:class|interface|enum|record|@interface) (\w+)",
    re.M)
IMPORT = "import org.apiguardian.api.API;"
# Loaded by the bootstrap class loader, which cannot see apiguardian: an annotation there would be
# dropped. The package is internal by its own javadoc ("do not call from hand-written code").
BOOTSTRAP_PACKAGES = ("dev/baton/runtime/",)


def status(name):
    if name in STABLE:
        return "STABLE"
    if name in EXPERIMENTAL:
        return "EXPERIMENTAL"
    return "INTERNAL"


def add_import(text):
    if IMPORT in text:
        return text
    lines = text.split("\n")
    imports = [i for i, l in enumerate(lines) if l.startswith("import ") and not l.startswith("import static ")]
    if not imports:
        package = next(i for i, l in enumerate(lines) if l.startswith("package "))
        lines[package + 1:package + 1] = ["", IMPORT]
        return "\n".join(lines)
    at = next((i for i in imports if lines[i] > IMPORT), imports[-1] + 1)
    lines.insert(at, IMPORT)
    return "\n".join(lines)


def mark(path):
    text = path.read_text()
    match = DECLARATION.search(text)
    if not match:
        return False
    rel = path.relative_to(ROOT).with_suffix("")
    name = ".".join(rel.parts)
    wanted = f"@API(status = API.Status.{status(name)}, since = \"0.1\")"
    existing = re.search(r"^@API\(status = API\.Status\.\w+, since = \"[^\"]*\"\)\n", text, re.M)
    if existing:
        text = text[:existing.start()] + wanted + "\n" + text[existing.end():]
    else:
        text = add_import(text)
        match = DECLARATION.search(text)
        # Before the annotations that directly precede the declaration, after the javadoc.
        start = match.start()
        before = text[:start].split("\n")[:-1]
        while before and before[-1].startswith("@"):
            before.pop()
        insert_at = len("\n".join(before)) + (1 if before else 0)
        text = text[:insert_at] + wanted + "\n" + text[insert_at:]
    path.write_text(text)
    return True


if __name__ == "__main__":
    marked = [p for p in sorted(ROOT.rglob("*.java"))
              if not str(p.relative_to(ROOT)).startswith(BOOTSTRAP_PACKAGES) and mark(p)]
    print(f"{len(marked)} public types marked")
