#!/usr/bin/env python3
"""Independent reference for RFC 6962 / RFC 9162 section 2.1 Merkle trees.

Written straight from the RFC text (MTH, PATH, PROOF/SUBPROOF and the two
verification algorithms of section 2.1.3.2 and 2.1.4.2), standard library only,
so that the Swift library in Sources/ThiqaLedger is checked against values it
did not compute itself.

Usage: python3 scripts/merkle_reference.py [OUTPUT_DIR]
(default OUTPUT_DIR: Tests/ThiqaLedgerTests/Vectors next to this script's repo)

Synthetic leaves: leaf i is the 8-byte big-endian encoding of i, so leaf hash
i = SHA-256(0x00 || i as 8 bytes BE).
"""

import hashlib
import json
import os
import sys

MAX_SIZE = 64
TAMPER_MAX_SIZE = 20


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def leaf_hash(data: bytes) -> bytes:
    """RFC 9162 2.1.1: MTH({d(0)}) = HASH(0x00 || d(0))."""
    return sha256(b"\x00" + data)


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 9162 2.1.1: HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n]))."""
    return sha256(b"\x01" + left + right)


def largest_power_of_two_below(n: int) -> int:
    """k: the largest power of two smaller than n (n > 1)."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(leaves: list) -> bytes:
    """Merkle Tree Hash of a list of leaf *hashes* (RFC 9162 2.1.1)."""
    n = len(leaves)
    if n == 0:
        return sha256(b"")
    if n == 1:
        return leaves[0]
    k = largest_power_of_two_below(n)
    return node_hash(mth(leaves[:k]), mth(leaves[k:]))


def path(m: int, leaves: list) -> list:
    """PATH(m, D[n]) of RFC 9162 2.1.3.1 (over leaf hashes)."""
    n = len(leaves)
    if n == 1:
        return []
    k = largest_power_of_two_below(n)
    if m < k:
        return path(m, leaves[:k]) + [mth(leaves[k:])]
    return path(m - k, leaves[k:]) + [mth(leaves[:k])]


def subproof(m: int, leaves: list, b: bool) -> list:
    """SUBPROOF(m, D[n], b) of RFC 9162 2.1.4.1."""
    n = len(leaves)
    if m == n:
        return [] if b else [mth(leaves)]
    k = largest_power_of_two_below(n)
    if m <= k:
        return subproof(m, leaves[:k], b) + [mth(leaves[k:])]
    return subproof(m - k, leaves[k:], False) + [mth(leaves[:k])]


def proof(m: int, leaves: list) -> list:
    """PROOF(m, D[n]) = SUBPROOF(m, D[n], true), for 0 < m < n."""
    return subproof(m, leaves, True)


def verify_inclusion(leaf_index, tree_size, leaf, inclusion_path, root) -> bool:
    """RFC 9162 2.1.3.2, plus: every hash exactly 32 bytes."""
    if any(len(h) != 32 for h in [leaf, root] + inclusion_path):
        return False
    if leaf_index >= tree_size:
        return False
    fn, sn, r = leaf_index, tree_size - 1, leaf
    for p in inclusion_path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not (fn & 1) and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(first, second, first_hash, second_hash, consistency_path) -> bool:
    """RFC 9162 2.1.4.2, with the conventions 0 < first <= second and
    first == second -> empty proof and equal roots; every hash 32 bytes."""
    if any(len(h) != 32 for h in [first_hash, second_hash] + consistency_path):
        return False
    if first == 0 or first > second:
        return False
    if first == second:
        return consistency_path == [] and first_hash == second_hash
    if not consistency_path:
        return False
    path_ = list(consistency_path)
    if first & (first - 1) == 0:
        path_ = [first_hash] + path_
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path_[0]
    for c in path_[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not (fn & 1) and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == first_hash and sr == second_hash and sn == 0


def synthetic_leaf(i: int) -> bytes:
    return i.to_bytes(8, "big")


def flip_bit(h: bytes, bit: int) -> bytes:
    b = bytearray(h)
    b[bit // 8 % len(b)] ^= 1 << (bit % 8)
    return bytes(b)


def hx(b: bytes) -> str:
    return b.hex()


def wrap(kind: str, description: str, **sections) -> dict:
    doc = {
        "format": "thiqa-merkle-vectors/v1",
        "kind": kind,
        "generator": "scripts/merkle_reference.py (RFC 9162 section 2.1, hashlib only)",
        "description": description,
    }
    doc.update(sections)
    return doc


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "Tests", "ThiqaLedgerTests", "Vectors")
    os.makedirs(out, exist_ok=True)

    leaves = [leaf_hash(synthetic_leaf(i)) for i in range(MAX_SIZE)]

    # Leaf hashes: synthetic leaves plus a few byte strings of different shapes.
    extra_inputs = [b"", b"\x00", b"\x01", b"L123456", b"thiqa", bytes(range(256)), b"\xff" * 1000]
    leaf_records = [{"input_hex": hx(synthetic_leaf(i)), "leaf_hash": hx(leaves[i])} for i in range(MAX_SIZE)]
    leaf_records += [{"input_hex": hx(d), "leaf_hash": hx(leaf_hash(d))} for d in extra_inputs]
    node_records = [
        {"left": hx(leaves[i]), "right": hx(leaves[i + 1]), "node_hash": hx(node_hash(leaves[i], leaves[i + 1]))}
        for i in range(0, 8)
    ]
    roots = [{"size": n, "root": hx(mth(leaves[:n]))} for n in range(MAX_SIZE + 1)]

    inclusion = []
    for n in range(1, MAX_SIZE + 1):
        root = mth(leaves[:n])
        for m in range(n):
            p = path(m, leaves[:n])
            assert verify_inclusion(m, n, leaves[m], p, root)
            inclusion.append({"leaf_index": m, "tree_size": n, "proof": [hx(h) for h in p]})

    consistency = []
    for n in range(1, MAX_SIZE + 1):
        root2 = mth(leaves[:n])
        for m in range(1, n + 1):
            root1 = mth(leaves[:m])
            p = proof(m, leaves[:n]) if m < n else []
            assert verify_consistency(m, n, root1, root2, p)
            consistency.append({"size1": m, "size2": n, "proof": [hx(h) for h in p]})

    # Tampered proofs: every one must be rejected by the reference verifier.
    tampered = []
    junk = sha256(b"thiqa tamper")
    for n in range(1, TAMPER_MAX_SIZE + 1):
        root = mth(leaves[:n])
        for m in range(n):
            p = path(m, leaves[:n])
            cases = []
            if p:
                j = (m + n) % len(p)
                cases.append(("flipped-bit-proof-%d" % j, m, n, leaves[m], [flip_bit(h, 7 * j + m) if i == j else h for i, h in enumerate(p)], root))
            cases.append(("flipped-bit-leaf", m, n, flip_bit(leaves[m], m), p, root))
            cases.append(("flipped-bit-root", m, n, leaves[m], p, flip_bit(root, 255 - m)))
            cases.append(("wrong-index-plus-one", m + 1, n, leaves[m], p, root))
            if m > 0:
                cases.append(("wrong-index-minus-one", m - 1, n, leaves[m], p, root))
            cases.append(("wrong-tree-size", m, n + 1, leaves[m], p, root))
            if p:
                cases.append(("truncated", m, n, leaves[m], p[:-1], root))
                cases.append(("dropped-first", m, n, leaves[m], p[1:], root))
            cases.append(("extra-element", m, n, leaves[m], p + [junk], root))
            cases.append(("extra-leading-element", m, n, leaves[m], [junk] + p, root))
            if len(p) >= 2:
                cases.append(("swapped-elements", m, n, leaves[m], [p[1], p[0]] + p[2:], root))
            for name, mi, ni, lh, pp, r in cases:
                if verify_inclusion(mi, ni, lh, pp, r):
                    # A different tree size can share the proof's shape (e.g. index 0
                    # in sizes 3 and 4): then it is not a tampered proof at all.
                    assert name.startswith("wrong-tree-size"), (name, m, n)
                    continue
                tampered.append({
                    "kind": "inclusion", "tamper": name, "leaf_index": mi, "tree_size": ni,
                    "leaf_hash": hx(lh), "root": hx(r), "proof": [hx(h) for h in pp],
                })
    for n in range(2, TAMPER_MAX_SIZE + 1):
        root2 = mth(leaves[:n])
        for m in range(1, n):
            root1 = mth(leaves[:m])
            p = proof(m, leaves[:n])
            cases = []
            j = (m + n) % len(p)
            cases.append(("flipped-bit-proof-%d" % j, m, n, root1, root2, [flip_bit(h, 5 * j + m) if i == j else h for i, h in enumerate(p)]))
            cases.append(("flipped-bit-root1", m, n, flip_bit(root1, n), root2, p))
            cases.append(("flipped-bit-root2", m, n, root1, flip_bit(root2, m), p))
            cases.append(("wrong-size1-plus-one", m + 1, n, root1, root2, p))
            cases.append(("wrong-size1-minus-one", m - 1, n, root1, root2, p))
            cases.append(("wrong-size2-plus-one", m, n + 1, root1, root2, p))
            cases.append(("truncated", m, n, root1, root2, p[:-1]))
            cases.append(("extra-element", m, n, root1, root2, p + [junk]))
            cases.append(("extra-leading-element", m, n, root1, root2, [junk] + p))
            if len(p) >= 2:
                cases.append(("swapped-elements", m, n, root1, root2, [p[1], p[0]] + p[2:]))
            cases.append(("swapped-roots", m, n, root2, root1, p))
            for name, m1, n1, r1, r2, pp in cases:
                if verify_consistency(m1, n1, r1, r2, pp):
                    assert name.startswith("wrong-size2"), (name, m, n)
                    continue
                tampered.append({
                    "kind": "consistency", "tamper": name, "size1": m1, "size2": n1,
                    "root1": hx(r1), "root2": hx(r2), "proof": [hx(h) for h in pp],
                })

    def dump(name, doc):
        # One record per line: small diffs, still plain JSON.
        path_ = os.path.join(out, name)
        with open(path_, "w", encoding="utf-8") as f:
            head = {k: v for k, v in doc.items() if not isinstance(v, list)}
            f.write("{\n")
            for k, v in head.items():
                f.write("%s: %s,\n" % (json.dumps(k), json.dumps(v)))
            lists = [(k, v) for k, v in doc.items() if isinstance(v, list)]
            for li, (k, v) in enumerate(lists):
                f.write("%s: [\n" % json.dumps(k))
                for i, rec in enumerate(v):
                    f.write(json.dumps(rec, separators=(",", ":")) + (",\n" if i + 1 < len(v) else "\n"))
                f.write("]" + (",\n" if li + 1 < len(lists) else "\n"))
            f.write("}\n")

    dump("reference-hashes.json", wrap(
        "hashes",
        "leaf hashes (synthetic leaves i = 8-byte BE i, and other inputs), node hashes, roots of sizes 0..%d over the synthetic leaves" % MAX_SIZE,
        leaves=leaf_records, nodes=node_records, roots=roots))
    dump("reference-inclusion.json", wrap(
        "inclusion",
        "every inclusion proof PATH(m, D[n]) for 1 <= n <= %d, 0 <= m < n over the synthetic leaves; leaf hashes and roots are in reference-hashes.json" % MAX_SIZE,
        vectors=inclusion))
    dump("reference-consistency.json", wrap(
        "consistency",
        "every consistency proof PROOF(m, D[n]) for 1 <= m <= n <= %d over the synthetic leaves (empty when m == n); roots are in reference-hashes.json" % MAX_SIZE,
        vectors=consistency))
    dump("reference-tampered.json", wrap(
        "tampered",
        "altered proofs over the synthetic leaves (sizes up to %d)" % TAMPER_MAX_SIZE + " that an RFC 9162 verifier must reject",
        vectors=tampered))
    print("wrote %d leaf, %d root, %d inclusion, %d consistency, %d tampered vectors to %s" % (
        len(leaf_records), len(roots), len(inclusion), len(consistency), len(tampered), os.path.normpath(out)))


if __name__ == "__main__":
    main()
