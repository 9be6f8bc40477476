#!/usr/bin/env python3
"""Build bench/dedup/pairs.jsonl from the hand-written texts.

Deterministic: a fixed seed drives every choice, inputs are iterated in file
order, and the output is byte-identical on every run.

    python bench/dedup/build_pairs.py            # writes bench/dedup/pairs.jsonl
    python bench/dedup/build_pairs.py --check    # ... and runs check_pairs.py

Standard library only.
"""

import itertools
import json
import os
import random
import re
import sys
import unicodedata
import zlib
from datetime import UTC, datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import texts  # noqa: E402

SEED = 20261120
OUT_PATH = os.path.join(HERE, "pairs.jsonl")
MIN_WORDS, MAX_WORDS = 120, 450
MIN_PARAS, MAX_PARAS = 3, 8

# How many pairs of each generated kind. same_event_independent and
# same_event_follow_up are fully determined by the hand-written texts.
N_WIRE_EXACT = 20
N_WIRE_LIGHT = 52
N_WIRE_TRIM = 16
N_HARD_TOPIC = 47
N_BOILERPLATE_PER_OUTLET = 4
N_UNRELATED = 30
FOLLOW_UP_PARTNERS = 2  # each follow-up is paired with this many versions

LABELS = texts.LABELS  # kind -> (near_duplicate, same_story)

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# --------------------------------------------------------------------------- utils

def parse_time(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def fmt_time(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def n_words(paras):
    return sum(len(p.split()) for p in paras)


def slugify(title, max_words=9):
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower().replace("'", ""))
    return "-".join(words[:max_words])


class UrlRegistry:
    """Hands out URLs; the same article content always gets the same URL and
    two different contents never share one."""

    def __init__(self):
        self.by_url = {}

    def url_for(self, outlet, title, published, cluster, body, brief=False):
        o = texts.OUTLETS[outlet]
        dom = o["domain"]
        slug = slugify(title)
        dt = parse_time(published)
        num = zlib.crc32(f"{outlet}|{title}|{published}".encode()) % 900000 + 100000
        if brief:
            url = f"https://www.{dom}/briefs/{dt:%Y-%m-%d}/{slug}"
        elif o["style"] == "date":
            url = f"https://www.{dom}/{dt:%Y/%m/%d}/{slug}"
        elif o["style"] == "news":
            url = f"https://www.{dom}/news/{slug}"
        elif o["style"] == "section":
            url = f"https://www.{dom}/{texts.SECTIONS[cluster]}/{slug}-{num}"
        else:
            url = f"https://{dom}/a/{num}/{slug}"
        key = (outlet, title, published, body)
        base, i = url, 2
        while url in self.by_url and self.by_url[url] != key:
            url = f"{base}-{i}"
            i += 1
        self.by_url[url] = key
        return url


URLS = UrlRegistry()


def record(outlet, title, paras, published, cluster, brief=False):
    body = "\n\n".join(paras)
    n, w = len(paras), n_words(paras)
    if not (MIN_PARAS <= n <= MAX_PARAS and MIN_WORDS <= w <= MAX_WORDS):
        raise ValueError(f"article out of bounds ({n} paras, {w} words): {title}")
    return {
        "outlet": outlet,
        "url": URLS.url_for(outlet, title, published, cluster, body, brief=brief),
        "title": title,
        "body": body,
        "published_at": published,
    }


def base_record(art):
    return record(art["outlet"], art["title"], art["paras"], art["published"], art["cluster"])


def other_outlet(rng, exclude):
    names = [o for o in texts.OUTLETS if o not in exclude]
    return rng.choice(names)


def later(published, rng, lo_min=25, hi_min=360):
    return fmt_time(parse_time(published) + timedelta(minutes=rng.randint(lo_min, hi_min)))


def alt_title(art, rng):
    alts = [t for t in art["alts"] if t != art["title"]]
    return rng.choice(alts) if alts else art["title"]


# --------------------------------------------------------------------------- light edits
# Each op mutates state {"title", "paras"} and returns a description or None
# when it does not apply to this text.

def op_headline(st, ctx, rng):
    new = alt_title(ctx["art"], rng)
    if new == st["title"]:
        return None
    st["title"] = new
    return "headline rewritten"


def op_drop_para(st, ctx, rng):
    p = st["paras"]
    if len(p) < 4:
        return None
    cands = [i for i in range(2, len(p)) if n_words(p[:i] + p[i + 1:]) >= MIN_WORDS]
    if not cands:
        return None
    i = rng.choice(cands)
    del p[i]
    return f"paragraph {i + 1} dropped"


def op_swap_paras(st, ctx, rng):
    p = st["paras"]
    if len(p) < 4:
        return None
    i = rng.randrange(1, len(p) - 1)
    p[i], p[i + 1] = p[i + 1], p[i]
    return f"paragraphs {i + 1} and {i + 2} swapped"


UK_US_RE = [(re.compile(r"\b" + re.escape(uk) + r"\b"), us) for uk, us in texts.UK_US.items()]


def op_spelling(st, ctx, rng):
    changed = 0
    for i, para in enumerate(st["paras"]):
        for rx, us in UK_US_RE:
            para, k = rx.subn(us, para)
            changed += k
        st["paras"][i] = para
    return f"UK->US spelling ({changed} word{'' if changed == 1 else 's'})" if changed else None


QUOTE_RE = re.compile(r'"([^"]{25,})"')


def op_trim_quote(st, ctx, rng):
    spots = []
    for pi, para in enumerate(st["paras"]):
        for m in QUOTE_RE.finditer(para):
            inner = m.group(1)
            punct = inner[-1] if inner[-1] in ",.!?" else ""
            core = inner[:-1] if punct else inner
            short = None
            if ". " in core:
                short = core.split(". ")[0]
            elif ", " in core:
                short = core.split(", ")[0]
            if short and len(short.split()) >= 4:
                spots.append((pi, m.start(1), m.end(1), short + (punct or "")))
    if not spots:
        return None
    pi, s, e, new = rng.choice(spots)
    para = st["paras"][pi]
    st["paras"][pi] = para[:s] + new + para[e:]
    return "a quote trimmed"


FIG_RE = re.compile(
    r"\b(?:(?P<pre>at least|more than|about|around|nearly|roughly|some) )?"
    r"(?P<num>\d{1,3}(?:,\d{3})*)(?![.,:]\d|[-\d%])"
    r"(?P<post> (?:people|homes|households|patients|boats|ships|jobs|students|runners|buildings|passengers|containers|members|islanders|families|aftershocks|crew))?"
)
# counts only: never touch money, rates, distances, durations or big aggregates
NOT_A_COUNT = re.compile(r" (?:million|billion|per cent|percent|euros|dollars|pounds|crowns|kilometres|metres|"
                         r"litres|minutes|hours|days|years|seconds|km)\b")


def op_update_figure(st, ctx, rng):
    spots = []
    for pi, para in enumerate(st["paras"]):
        for m in FIG_RE.finditer(para):
            if not (m.group("pre") or m.group("post")):
                continue
            if m.start("num") > 0 and para[m.start("num") - 1] in "-":
                continue
            if NOT_A_COUNT.match(para, m.end("num")):
                continue
            spots.append((pi, m.start("num"), m.end("num"), m.group("num")))
    if not spots:
        return None
    pi, s, e, raw = rng.choice(spots)
    n = int(raw.replace(",", ""))
    if n < 20:
        new = n + rng.choice([1, 2, 3])
    else:
        step = 10 ** max(0, len(str(n)) - 2)
        new = max(n + step, int(round(n * rng.choice([1.05, 1.1, 1.15]) / step) * step))
    new_s = f"{new:,}" if ("," in raw or new >= 10000) else str(new)
    para = st["paras"][pi]
    st["paras"][pi] = para[:s] + new_s + para[e:]
    return f"figure updated ({raw} -> {new_s})"


def op_local_intro(st, ctx, rng):
    local = texts.OUTLETS[ctx["outlet"]]["local"]
    sent = rng.choice(texts.LOCAL_INTROS).format(local=local)
    st["paras"][0] = sent + " " + st["paras"][0]
    st["intro"] = True
    return "local intro sentence added"


def op_dateline(st, ctx, rng):
    if st.get("intro"):  # an outlet's own intro and an agency dateline do not mix
        return None
    dt = parse_time(ctx["art"]["published"])
    line = f"{ctx['event']['dateline']}, {MONTHS[dt.month - 1]} {dt.day} ({texts.WIRE_AGENCY}) - "
    st["paras"][0] = line + st["paras"][0]
    return "dateline added"


def op_byline(st, ctx, rng):
    a, b = rng.sample(texts.REPORTERS, 2)
    if len(st["paras"]) >= MAX_PARAS:
        return None
    if rng.random() < 0.5:
        st["paras"].insert(0, f"By {a}, {texts.WIRE_AGENCY}")
        return "byline paragraph added"
    st["paras"].append(f"Reporting by {a}; editing by {b}")
    return "wire credit line added"


# order in which chosen ops are applied (structure first, then wording, then framing)
BODY_OPS = [op_drop_para, op_swap_paras, op_update_figure, op_trim_quote, op_spelling,
            op_local_intro, op_dateline, op_byline]


def light_edit(art, event, outlet, rng):
    ctx = {"art": art, "event": event, "outlet": outlet}
    for _attempt in range(20):
        st = {"title": art["title"], "paras": list(art["paras"])}
        k = rng.choice([2, 2, 3, 3, 3, 4])
        chosen = set(rng.sample(range(len(BODY_OPS)), k))
        descs = []
        if rng.random() < 0.6:
            d = op_headline(st, ctx, rng)
            if d:
                descs.append(d)
        for i, op in enumerate(BODY_OPS):
            if i in chosen:
                d = op(st, ctx, rng)
                if d:
                    descs.append(d)
        body_descs = [d for d in descs if d != "headline rewritten"]
        st.pop("intro", None)
        if st["paras"] != art["paras"] and len(body_descs) >= 2 \
                and MIN_WORDS <= n_words(st["paras"]) <= MAX_WORDS and len(st["paras"]) <= MAX_PARAS:
            return st, descs
    raise RuntimeError(f"could not light-edit {art['id']}")


# --------------------------------------------------------------------------- pair builders

def make_pair(kind, a, b, note):
    nd, ss = LABELS[kind]
    return {"kind": kind, "near_duplicate": nd, "same_story": ss, "a": a, "b": b, "note": note}


def build(rng):
    events, articles = texts.load()
    for art in articles:
        art["record"] = base_record(art)
    pairs = []
    used = set()  # unordered id pairs already emitted for non-wire kinds

    def key(x, y):
        return tuple(sorted((x, y)))

    # ---- wire_exact
    pool = list(articles)
    rng.shuffle(pool)
    for art in pool[:N_WIRE_EXACT]:
        outlet = other_outlet(rng, {art["outlet"]})
        same_title = rng.random() < 0.6
        title = art["title"] if same_title else alt_title(art, rng)
        copy = record(outlet, title, art["paras"], later(art["published"], rng), art["cluster"])
        note = (f"[{art['id']}] Same {texts.WIRE_AGENCY} copy republished by {outlet}; body identical, "
                + ("headline identical." if title == art["title"] else "headline rewritten."))
        pairs.append(make_pair("wire_exact", art["record"], copy, note))

    # ---- wire_light_edit
    pool = list(articles)
    rng.shuffle(pool)
    for art in pool[:N_WIRE_LIGHT]:
        outlet = other_outlet(rng, {art["outlet"]})
        st, descs = light_edit(art, events[art["event"]], outlet, rng)
        copy = record(outlet, st["title"], st["paras"], later(art["published"], rng), art["cluster"])
        note = f"[{art['id']}] Same wire text; light edits in the copy carried by {outlet}: " + "; ".join(descs) + "."
        pairs.append(make_pair("wire_light_edit", art["record"], copy, note))

    # ---- wire_heavy_trim
    cands = []
    for art in articles:
        w = [len(p.split()) for p in art["paras"]]
        n = len(w)
        ks = [k for k in range(MIN_PARAS, n) if 0.4 <= k / n <= 0.6 and sum(w[:k]) >= MIN_WORDS]
        if ks:
            cands.append((art, ks))
    rng.shuffle(cands)
    if len(cands) < N_WIRE_TRIM:
        raise RuntimeError(f"only {len(cands)} trim candidates")
    for art, ks in cands[:N_WIRE_TRIM]:
        k = rng.choice(ks)
        n = len(art["paras"])
        outlet = other_outlet(rng, {art["outlet"]})
        title = art["title"] if rng.random() < 0.5 else alt_title(art, rng)
        copy = record(outlet, title, art["paras"][:k], later(art["published"], rng), art["cluster"])
        note = (f"[{art['id']}] {outlet} runs only the first {k} of {n} paragraphs "
                f"({round(100 * k / n)}%) of the same wire story.")
        pairs.append(make_pair("wire_heavy_trim", art["record"], copy, note))

    # ---- same_event_independent: every pair of independent versions of an event
    versions = {}
    followups = {}
    for art in articles:
        if art["role"] == "fu":
            followups[art["event"]] = art
        else:
            versions.setdefault(art["event"], []).append(art)
    for ev_id, vs in versions.items():
        for x, y in itertools.combinations(vs, 2):
            a, b = sorted((x, y), key=lambda t: t["published"])
            used.add(key(a["id"], b["id"]))
            note = (f"[{a['id']} vs {b['id']}] {events[ev_id]['summary']}: independently written "
                    f"reports by {a['outlet']} and {b['outlet']}.")
            pairs.append(make_pair("same_event_independent", a["record"], b["record"], note))

    # ---- same_event_follow_up
    for ev_id, fu in followups.items():
        partners = rng.sample(versions[ev_id], FOLLOW_UP_PARTNERS)
        for v in sorted(partners, key=lambda t: t["id"]):
            used.add(key(v["id"], fu["id"]))
            note = (f"[{v['id']} vs {fu['id']}] Follow-up ({fu['about']}) to: "
                    f"{events[ev_id]['summary']}.")
            pairs.append(make_pair("same_event_follow_up", v["record"], fu["record"], note))

    # ---- hard_negative_same_topic: cross pairs between the two events of a cluster
    clusters = []
    for ev in events.values():
        if ev["cluster"] not in clusters:
            clusters.append(ev["cluster"])
    quotas = [N_HARD_TOPIC // len(clusters)] * len(clusters)
    for i in range(N_HARD_TOPIC - sum(quotas)):
        quotas[i] += 1
    for cl, q in zip(clusters, quotas, strict=True):
        a_side = [x for x in articles if x["event"] == f"{cl}_a"]
        b_side = [x for x in articles if x["event"] == f"{cl}_b"]
        cross = list(itertools.product(a_side, b_side))
        rng.shuffle(cross)
        for x, y in cross[:q]:
            a, b = (x, y) if rng.random() < 0.5 else (y, x)
            used.add(key(a["id"], b["id"]))
            note = (f"[{a['id']} vs {b['id']}] Same topic, different events: "
                    f"{events[a['event']]['summary']} / {events[b['event']]['summary']}.")
            pairs.append(make_pair("hard_negative_same_topic", a["record"], b["record"], note))

    # ---- hard_negative_boilerplate: two short briefs from one outlet, same boilerplate
    brief_pool = list(articles)
    rng.shuffle(brief_pool)
    taken = set()
    for outlet, (label, bp_paras) in texts.BOILERPLATE.items():
        for _ in range(N_BOILERPLATE_PER_OUTLET):
            x = next(a for a in brief_pool if a["id"] not in taken)
            taken.add(x["id"])
            y = next(a for a in brief_pool if a["id"] not in taken
                     and texts.FAMILIES[a["cluster"]] != texts.FAMILIES[x["cluster"]])
            taken.add(y["id"])
            recs = []
            for art in (x, y):
                lead = art["paras"][:2]
                if n_words(lead) < 60:
                    lead = art["paras"][:3]
                pub = later(art["published"], rng, 60, 240)
                recs.append((record(outlet, art["title"], lead + bp_paras, pub, art["cluster"], brief=True),
                             art["id"]))
            recs.sort(key=lambda r: r[0]["published_at"])
            (ra, ida), (rb, idb) = recs
            note = (f"[{ida} vs {idb}] Two unrelated {outlet} briefs that share the outlet's "
                    f"{n_words(bp_paras)}-word {label} boilerplate.")
            pairs.append(make_pair("hard_negative_boilerplate", ra, rb, note))

    # ---- unrelated: different topic families entirely
    count = 0
    while count < N_UNRELATED:
        x, y = rng.sample(articles, 2)
        if texts.FAMILIES[x["cluster"]] == texts.FAMILIES[y["cluster"]] or key(x["id"], y["id"]) in used:
            continue
        used.add(key(x["id"], y["id"]))
        a, b = sorted((x, y), key=lambda t: t["published"])
        note = (f"[{a['id']} vs {b['id']}] Unrelated: {events[a['event']]['summary']} / "
                f"{events[b['event']]['summary']}.")
        pairs.append(make_pair("unrelated", a["record"], b["record"], note))
        count += 1

    # ---- shuffle, randomly orient symmetric kinds, number
    rng.shuffle(pairs)
    out = []
    for i, p in enumerate(pairs, 1):
        if p["kind"] in ("wire_exact", "wire_light_edit", "wire_heavy_trim") and rng.random() < 0.3:
            p["a"], p["b"] = p["b"], p["a"]
        out.append({"pair_id": f"p{i:04d}", "kind": p["kind"], "near_duplicate": p["near_duplicate"],
                    "same_story": p["same_story"], "a": p["a"], "b": p["b"], "note": p["note"]})
    return out


def main():
    rng = random.Random(SEED)
    pairs = build(rng)
    with open(OUT_PATH, "w", encoding="utf-8", newline="\n") as fh:
        for p in pairs:
            fh.write(json.dumps(p, ensure_ascii=False, sort_keys=False) + "\n")
    print(f"wrote {len(pairs)} pairs to {os.path.relpath(OUT_PATH)}")
    if "--check" in sys.argv[1:]:
        import check_pairs
        sys.exit(check_pairs.main([OUT_PATH]))


if __name__ == "__main__":
    main()
