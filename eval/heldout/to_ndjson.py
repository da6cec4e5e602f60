#!/usr/bin/env python3
"""Print the held-out articles as ingest NDJSON (one article per line) for `./claimtrail push FILE.ndjson`.

externalId = the article file name (what score.py matches predictions on), publishedAt = the gold
published_at, outlet = the gold outlet name (without the parenthesised description), text = the file as is.
usage: python3 eval/heldout/to_ndjson.py > /tmp/heldout.ndjson
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
gold = json.load(open(os.path.join(HERE, "heldout.gold.json"), encoding="utf-8"))
for a in gold["articles"]:
    text = open(os.path.join(HERE, "articles", a["id"]), encoding="utf-8").read()
    print(json.dumps({"externalId": a["id"], "outlet": a["outlet"].split(" (")[0],
                      "publishedAt": a["published_at"]["value"], "text": text}, ensure_ascii=False))
