#!/usr/bin/env python3
"""Check the knowledge base files against KB-FORMAT (the contract `thiqa kb ingest` enforces).

Usage: python3 knowledge/check.py [DIR]   (default: knowledge/procedures next to this file)
Prints one line per problem as FILE:LINE: field: reason, and exits 1 if there is any.
Beyond the contract it also checks that no two procedures share a title in any language form,
that the official-source notes are present, and that the zgh-Tfng forms are written in Tifinagh.
"""
import re
import sys
import pathlib

import yaml

FORMS = ["fr", "ar", "ary-Arab", "ary-Latn", "zgh-Tfng", "ber-Latn", "en"]
ALL_FORMS = ["title", "keywords", "summary"]
FR_AR = ["steps", "documents", "fees", "delay", "where", "contact"]
CATEGORIES = {"identity", "civil-status", "justice", "residence", "transport", "business",
              "social-protection", "education", "housing", "taxes", "other"}
NOTE_FR = "Les informations officielles publiées sur le site source prévalent."
NOTE_AR = "المعلومات الرسمية المنشورة على الموقع المصدر هي المرجع."
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TIFINAGH = re.compile(r"[\u2D30-\u2D7F]")
ARABIC = re.compile(r"[\u0600-\u06FF]")


def line_of(lines, key, start=0):
    """1-based line of the first front-matter line starting a key, for error messages."""
    for i in range(start, len(lines)):
        if re.match(rf"^\s*{re.escape(key)}:", lines[i]):
            return i + 1
    return 1


def nonempty(v):
    if isinstance(v, str):
        return v.strip() != ""
    if isinstance(v, list):
        return len(v) > 0 and all(isinstance(x, str) and x.strip() for x in v)
    return False


def check_file(path, titles, problems):
    def bad(line, field, reason):
        problems.append(f"{path}:{line}: {field}: {reason}")

    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if not text.startswith("---\n"):
        bad(1, "front matter", "file must start with a '---' line")
        return
    try:
        end = lines.index("---", 1)
    except ValueError:
        bad(1, "front matter", "no closing '---' line")
        return
    fm_lines = lines[1:end]
    try:
        fm = yaml.safe_load("\n".join(fm_lines))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        bad((mark.line + 2) if mark else 1, "front matter", f"invalid YAML: {getattr(e, 'problem', e)}")
        return
    if not isinstance(fm, dict):
        bad(2, "front matter", "must be a mapping")
        return
    L = lambda key: line_of(lines, key)

    if fm.get("id") != path.stem:
        bad(L("id"), "id", f"must equal the file name {path.stem!r}, found {fm.get('id')!r}")
    elif not ID_RE.match(fm["id"]):
        bad(L("id"), "id", "lowercase letters, digits and hyphens only")
    if fm.get("schema") != 1:
        bad(L("schema"), "schema", "must be 1")
    if fm.get("category") not in CATEGORIES:
        bad(L("category"), "category", f"unknown category {fm.get('category')!r}")
    for field in ALL_FORMS + FR_AR:
        v = fm.get(field)
        need = FORMS if field in ALL_FORMS else ["fr", "ar"]
        if not isinstance(v, dict):
            bad(L(field), field, "missing or not a mapping of language forms")
            continue
        for f in need:
            if not nonempty(v.get(f)):
                bad(line_of(lines, f, L(field) - 1), f"{field}.{f}", "missing or empty")
        for f in v:
            if f not in FORMS:
                bad(L(field), f"{field}.{f}", "unknown language form")
        if field == "keywords":
            for f in need:
                kw = v.get(f)
                if not isinstance(kw, list):
                    bad(line_of(lines, f, L(field) - 1), f"{field}.{f}", "must be a list")
                    continue
                seen = set()
                for k in kw:
                    key = k.strip().casefold() if isinstance(k, str) else k
                    if key in seen:
                        bad(line_of(lines, f, L(field) - 1), f"{field}.{f}", f"keyword {k!r} listed twice")
                    seen.add(key)
        if field in ("steps", "documents"):
            for f in need:
                if not isinstance(v.get(f), list):
                    bad(line_of(lines, f, L(field) - 1), f"{field}.{f}", "must be a list")
    for field in ("title", "summary", "keywords"):
        v = fm.get(field) or {}
        z = v.get("zgh-Tfng")
        zs = " ".join(z) if isinstance(z, list) else (z or "")
        if zs and re.search(r"[A-Za-z]", zs):
            bad(L(field), f"{field}.zgh-Tfng", "contains Latin letters")
        if zs and not TIFINAGH.search(zs):
            bad(L(field), f"{field}.zgh-Tfng", "no Tifinagh letters")
        for f in ("ar", "ary-Arab"):
            a = v.get(f)
            as_ = " ".join(a) if isinstance(a, list) else (a or "")
            if as_ and not ARABIC.search(as_):
                bad(L(field), f"{field}.{f}", "no Arabic letters")
    url = fm.get("source_url")
    if not (isinstance(url, str) and re.match(r"^https://[^\s/]+\.[^\s]+$", url)):
        bad(L("source_url"), "source_url", "must be an https URL")
    if not nonempty(fm.get("source_name")):
        bad(L("source_name"), "source_name", "missing")
    ver = fm.get("verification")
    lv = fm.get("last_verified")
    if ver == "unverified":
        if lv is not None:
            bad(L("last_verified"), "last_verified", "must be null when verification is unverified")
    elif ver == "verified":
        if not (isinstance(lv, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", lv)):
            bad(L("last_verified"), "last_verified", "verified requires a YYYY-MM-DD date")
    else:
        bad(L("verification"), "verification", "must be unverified or verified")

    body = lines[end + 1:]
    heads = {l.strip(): i for i, l in enumerate(body) if l.startswith("# ")}
    for h in ("# Français", "# العربية"):
        if h not in heads:
            bad(end + 2, "body", f"no '{h}' section")
    if "# Français" in heads and "# العربية" in heads:
        fr0, ar0 = heads["# Français"], heads["# العربية"]
        fr = "\n".join(body[fr0 + 1:ar0] if fr0 < ar0 else body[fr0 + 1:])
        ar = "\n".join(body[ar0 + 1:] if ar0 > fr0 else body[ar0 + 1:fr0])
        for name, sec, note in (("# Français", fr, NOTE_FR), ("# العربية", ar, NOTE_AR)):
            line = end + 2 + heads[name]
            if not sec.strip():
                bad(line, "body", f"'{name}' section is empty")
            if note not in sec:
                bad(line, "body", f"'{name}' section lacks the note {note!r}")
            if isinstance(url, str) and url not in sec:
                bad(line, "body", f"'{name}' section lacks the source link")

    for f in FORMS:
        t = (fm.get("title") or {}).get(f)
        if isinstance(t, str) and t.strip():
            key = (f, t.strip().casefold())
            if key in titles:
                bad(line_of(lines, f, L("title") - 1), f"title.{f}", f"same title as {titles[key]}")
            else:
                titles[key] = path.name


def main():
    d = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).parent / "procedures"
    files = sorted(d.glob("*.md"))
    problems, titles = [], {}
    for p in files:
        check_file(p, titles, problems)
    for line in problems:
        print(line)
    print(f"{len(files)} files, {len(problems)} problems")
    return 1 if problems or not files else 0


if __name__ == "__main__":
    sys.exit(main())
