#!/usr/bin/env python3
"""Validate the held-out gold (heldout.gold.json) against its articles and prove it is self-consistent.

Standard library only. Reuses the team's own logic rather than copying it:
  * tokens()/in_order() come from /work/shared/eval/score.py (imported by path with importlib);
  * the sentence splitter and the perfect-prediction builder are the Python block embedded in
    /work/shared/eval/selftest.sh (extracted from the script and run with our gold and article dir).
Checks
  1. (selftest step 1) every content span equals the article text at its offsets, every locator lies inside
     its content and matches exactly one sentence of its article; the same for outlet statements;
  2. format: keys as in seeds.gold.json, 3-6 locator tokens, subjects from the inventory, story ids defined
     and shared by claims of >= 2 articles, claimed_at/published_at shapes, 250-600 words per article;
  3. (selftest step 2) perfect predictions built from the gold score recall = precision = 1.0 and every field
     accuracy and the story F1 = 1.0 with score.py (both selftest's sentence-level ones and exact-span ones); empty predictions score recall 0; a degraded file scores < 1.
usage: python3 validate.py [--shared /work/shared]      exit 0 = all checks passed
"""
import argparse, importlib.util, json, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--shared", default=os.environ.get("CLAIMTRAIL_SHARED", "/work/shared"))
ap.add_argument("--gold", default=os.path.join(HERE, "heldout.gold.json"))
ap.add_argument("--articles", default=os.path.join(HERE, "articles"))
ap.add_argument("--keep", action="store_true", help="keep the generated prediction files (perfect.jsonl, ...)")
args = ap.parse_args()
SCORE = os.path.join(args.shared, "eval", "score.py")
SELFTEST = os.path.join(args.shared, "eval", "selftest.sh")

spec = importlib.util.spec_from_file_location("claimtrail_score", SCORE)
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)
tokens, in_order = score.tokens, score.in_order

# The Python program embedded in selftest.sh (between "<<'PY'" and the first line "PY").
st_src = open(SELFTEST, encoding="utf-8").read()
m = re.search(r"<<'PY'[^\n]*\n(.*?)\nPY\n", st_src, re.S)
if not m:
    sys.exit("cannot find the embedded Python block in selftest.sh")
builder_src = m.group(1)
# its sentence splitter, for our own extra checks
ns = {}
sm = re.search(r"(SENT = re\.compile\(.*?\n)(def sentences\(text\):.*?\n    return out\n)", builder_src, re.S)
exec("import re\n" + sm.group(1) + sm.group(2), ns)
sentences = ns["sentences"]

gold = json.load(open(args.gold, encoding="utf-8"))
seed = json.load(open(os.path.join(args.shared, "eval", "seeds.gold.json"), encoding="utf-8"))
problems, notes = [], []

# ---------------------------------------------------------------- 2. format checks
if set(gold) != set(seed):
    problems.append(f"top-level keys {sorted(gold)} differ from seeds.gold.json {sorted(seed)}")
claim_keys = {"id", "locator", "content", "source", "cue", "cue_lemma", "stance", "direct", "subjects", "quantities", "locations",
              "claimed_at", "via", "story"}
optional_keys = {"direct_any", "subjects_optional", "optional", "note"}
inv = gold["entities"]
for k in seed["entities"]:
    if k not in inv:
        problems.append(f"seed entity id {k} missing from the inventory")
story_articles = {}
n_claims = n_opt = 0
for a in gold["articles"]:
    aid = a["id"]
    path = os.path.join(args.articles, aid)
    text = open(path, encoding="utf-8").read()
    words = len(text.split())
    if not 250 <= words <= 600:
        problems.append(f"{aid}: {words} words (want 250-600)")
    pa = a["published_at"]
    if not (re.fullmatch(r"\d{4}-\d{2}-\d{2}", pa["value"]) and pa["precision"] == "day"):
        problems.append(f"{aid}: published_at {pa}")
    sents = sentences(text)
    stoks = [tokens(text[s:e]) for s, e in sents]
    ids = set()
    for c in a["claims"]:
        lab = f"{aid}#{c['id']}"
        if c["id"] in ids:
            problems.append(f"{lab}: duplicate id")
        ids.add(c["id"])
        keys = set(c)
        if not claim_keys <= keys or keys - claim_keys - optional_keys:
            problems.append(f"{lab}: keys {sorted(keys ^ claim_keys)}")
        n_claims += 1
        n_opt += bool(c.get("optional"))
        ct = c["content"]
        if text[ct["start"]:ct["end"]] != ct["text"]:
            problems.append(f"{lab}: content offsets do not match the text")
        loc = tokens(c["locator"])
        if not 3 <= len(loc) <= 6:
            problems.append(f"{lab}: locator has {len(loc)} tokens")
        if not in_order(loc, tokens(ct["text"]), 0):
            problems.append(f"{lab}: locator not inside content")
        hits = [k for k, st in enumerate(stoks) if in_order(loc, st)]
        if len(hits) != 1:
            problems.append(f"{lab}: locator {c['locator']!r} matches {len(hits)} sentences")
        s = c["source"]
        if s["type"] not in ("person", "organisation", "document", "unnamed", "group"):
            problems.append(f"{lab}: source type {s['type']}")
        if s["type"] == "unnamed" and s["name"] != "unnamed source":
            problems.append(f"{lab}: unnamed source must be named 'unnamed source'")
        if c["stance"] not in ("asserts", "denies"):
            problems.append(f"{lab}: stance {c['stance']}")
        for x in c["subjects"] + c.get("subjects_optional", []):
            for y in (x if isinstance(x, list) else [x]):
                if y not in inv:
                    problems.append(f"{lab}: subject {y!r} not in the entity inventory")
        for q in c["quantities"]:
            if set(q) != {"value", "qualifier", "unit", "of"} or score.num(q["value"]) is None:
                problems.append(f"{lab}: quantity {q}")
            if q["qualifier"] not in (None, "up to", "more than", "about", "at least", "less than"):
                problems.append(f"{lab}: qualifier {q['qualifier']!r}")
        ca = c["claimed_at"]
        if ca is not None and score.date_at(ca.get("value"), ca.get("precision")) != ca.get("value"):
            problems.append(f"{lab}: claimed_at {ca}")
        if ca is not None and ca["value"] > pa["value"][:len(ca["value"])]:
            problems.append(f"{lab}: claimed_at {ca['value']} after publication {pa['value']}")
        if c["story"]:
            if c["story"] not in gold["stories"]:
                problems.append(f"{lab}: story {c['story']} not described in 'stories'")
            story_articles.setdefault(c["story"], set()).add(aid)
    for o in a["outlet_statements"]:
        lab = f"{aid}#{o['id']}"
        if text[o["start"]:o["end"]] != o["text"]:
            problems.append(f"{lab}: outlet statement offsets do not match the text")
        loc = tokens(o["locator"])
        if not in_order(loc, tokens(o["text"]), 0):
            problems.append(f"{lab}: locator not inside the outlet statement")
        hits = [k for k, st in enumerate(stoks) if in_order(loc, st)]
        if len(hits) != 1:
            problems.append(f"{lab}: locator {o['locator']!r} matches {len(hits)} sentences")
for sid, arts in story_articles.items():
    if len(arts) < 2:
        problems.append(f"story {sid}: only in {sorted(arts)}")
for sid in gold["stories"]:
    if sid not in story_articles:
        problems.append(f"story {sid}: described but unused")
for kind in ("attribution_conflicts", "contradictions"):
    for r in gold["relations"][kind]:
        for ref in r["claims"]:
            aid, cid = ref.split("#")
            if not any(a["id"] == aid and any(c["id"] == cid for c in a["claims"]) for a in gold["articles"]):
                problems.append(f"relation refers to unknown claim {ref}")

# ---------------------------------------------------------------- 1+3. selftest's builder and score.py
tmp = tempfile.mkdtemp(prefix="heldout-validate-")
r = subprocess.run([sys.executable, "-c", builder_src, args.gold, args.articles, tmp], capture_output=True, text=True)
print("selftest builder:", (r.stdout + r.stderr).strip().splitlines()[-1] if (r.stdout + r.stderr).strip() else "")
if r.returncode != 0:
    problems.append("selftest.sh's gold check / builder failed:\n" + r.stdout + r.stderr)


def run_score(pred):
    out = subprocess.run([sys.executable, SCORE, args.gold, pred, "--json"], capture_output=True, text=True)
    if out.returncode != 0:
        problems.append(f"score.py exit {out.returncode} on {pred}: {out.stderr}")
        return None
    return json.loads(out.stdout)


if r.returncode == 0:
    perfect = os.path.join(tmp, "perfect.jsonl")
    res = run_score(perfect)
    if res:
        f = res["fields"]
        ok = (res["recall"] == 1.0 and res["precision"] == 1.0 and res["counts"]["fp"] == 0 and res["counts"]["fn"] == 0
              and all(f[k]["accuracy"] == 1.0 for k in ("source", "stance", "direct", "subjects_exact", "quantities", "claimed_at",
                                                        "claimed_at_null_agreement", "via", "via_nonempty"))
              and f["subjects_mean_jaccard"] == 1.0 and res["stories"]["f1"] == 1.0 and res["counts"]["outlet_kind"] > 0
              and res["counts"]["neutral"] > 0)
        print(f"perfect predictions: recall={res['recall']} precision={res['precision']} tp={res['counts']['tp']} "
              f"fp={res['counts']['fp']} fn={res['counts']['fn']} neutral={res['counts']['neutral']} "
              f"outlet_kind={res['counts']['outlet_kind']} stories_f1={res['stories']['f1']}")
        if not ok:
            problems.append("perfect predictions do not score 1.0: " + json.dumps(
                {k: res[k] for k in ("recall", "precision", "counts", "stories")}) + " fields=" +
                json.dumps({k: v for k, v in f.items()}) + " misses=" + json.dumps(res["misses"]) +
                " fps=" + json.dumps(res["false_positives"]) + " field_errors=" + json.dumps(res["field_errors"]))
    # a second perfect file: content = the exact gold span (no evidence), so that claims sharing a sentence
    # are told apart by their own content
    exact = os.path.join(tmp, "exact.jsonl")
    with open(exact, "w", encoding="utf-8") as fh:
        for a in gold["articles"]:
            for c in a["claims"]:
                fh.write(json.dumps({
                    "id": f"{a['id']}#{c['id']}", "externalId": a["id"],
                    "source": {k: c["source"].get(k) for k in ("name", "type", "role", "organisation")},
                    "cue": {"text": c["cue"], "lemma": c["cue_lemma"]}, "stance": c["stance"], "direct": c["direct"],
                    "content": c["content"], "subjects": [x[0] if isinstance(x, list) else x for x in c["subjects"]],
                    "quantities": c["quantities"], "locations": c["locations"], "claimedAt": c["claimed_at"], "via": c["via"],
                    "storyId": c["story"] or f"{a['id']}#{c['id']}"}, ensure_ascii=False) + "\n")
    res = run_score(exact)
    if res:
        f = res["fields"]
        print(f"exact-span predictions: recall={res['recall']} precision={res['precision']} tp={res['counts']['tp']} "
              f"fp={res['counts']['fp']} stories_f1={res['stories']['f1']}")
        if not (res["recall"] == 1.0 and res["precision"] == 1.0 and res["stories"]["f1"] == 1.0
                and all(f[k]["accuracy"] == 1.0 for k in ("source", "stance", "direct", "subjects_exact", "quantities", "claimed_at", "via"))):
            problems.append("exact-span predictions do not score 1.0")
    res = run_score(os.path.join(tmp, "empty.jsonl"))
    if res:
        print(f"empty predictions: recall={res['recall']}")
        if res["recall"] != 0:
            problems.append("empty predictions do not give recall 0")
    # degraded: selftest's degraded file plus a junk claim in one of OUR articles
    deg = os.path.join(tmp, "degraded.jsonl")
    with open(deg, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "junk-heldout", "articleId": gold["articles"][0]["id"], "source": {"name": "Nobody", "type": "person"},
                             "stance": "asserts", "content": {"text": "Share this: Facebook X WhatsApp Email", "start": 0, "end": 0}}) + "\n")
    res = run_score(deg)
    if res:
        f = res["fields"]
        print(f"degraded predictions: recall={res['recall']} precision={res['precision']} stance={f['stance']['accuracy']} "
              f"source={f['source']['accuracy']} stories_recall={res['stories']['recall']}")
        if not (res["recall"] < 1 and res["precision"] < 1 and f["stance"]["accuracy"] < 1 and f["source"]["accuracy"] < 1
                and res["stories"]["recall"] < 1 and any(x["pred_id"] == "junk-heldout" for x in res["false_positives"])):
            problems.append("degraded predictions do not score below 1")

print(f"gold: {len(gold['articles'])} articles, {n_claims - n_opt} scored claims, {n_opt} optional, "
      f"{sum(len(a['outlet_statements']) for a in gold['articles'])} outlet statements, {len(gold['stories'])} stories")
if not args.keep:
    shutil.rmtree(tmp, ignore_errors=True)
if problems:
    print("FAIL:\n  " + "\n  ".join(problems))
    sys.exit(1)
if args.keep:
    print(f"predictions kept in {tmp}")
else:
    shutil.rmtree(tmp, ignore_errors=True)
print("validate: all checks passed")
