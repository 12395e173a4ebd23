#!/usr/bin/env python3
"""Write a deterministic benchmark corpus as four equivalent sites.

    python benchmarks/generate.py N OUTDIR [--seed S]

writes N posts (about 10% of them case studies) of 600-1,500 words each into

    OUTDIR/sitegen/   site.toml, content/posts/*.md, content/case-studies/*.md
    OUTDIR/pelican/   pelicanconf.py, content/*.md, theme/templates/*.html
    OUTDIR/eleventy/  eleventy.config.js, posts/*.md, _includes/*.njk, *.njk
    OUTDIR/hugo/      hugo.toml, content/posts/*.md, layouts/...

Every site holds the same titles, dates, tags and Markdown bodies; only the
front-matter syntax and the (minimal) templates differ.  The peers' templates
and configuration live in benchmarks/layouts/<tool>/ and are copied as they are.

Pure standard library; the same N and seed always give byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
import time
from bisect import bisect
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import vocab as V  # noqa: E402

HERE = Path(__file__).resolve().parent
LAYOUTS = HERE / "layouts"
TOOLS = ("sitegen", "pelican", "eleventy", "hugo")

# Posts are spread over roughly ten years that end well in the past, so the
# corpus does not depend on the day it is generated.
LAST_DAY = dt.date(2025, 12, 31)
SPAN_DAYS = 3650
CASE_STUDY_SHARE = 0.10
TAG_ZIPF_S = 1.0

SITE = {
    "title": "Notes from the treatment room",
    "author": "A. Practitioner",
    "business": "Quiet Hands Bodywork",
    "base_url": "https://example.org/",
    "timezone": "Europe/London",
    "posts_per_page": 10,
}


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


_A_AN = re.compile(r"\b([Aa]) (\**(?:[aeio]|u[nmp]))")


def a_an(text: str) -> str:
    """'a honest' → 'an honest' after the slots are filled."""
    return _A_AN.sub(r"\1n \2", text)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Writer:
    """Builds titles, sentences and Markdown bodies from one seeded generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.tag_cum = list(accumulate(1.0 / (k ** TAG_ZIPF_S) for k in range(1, len(V.TAGS) + 1)))

    # -- phrase pieces ------------------------------------------------------
    def n(self) -> str:
        return self.rng.choice(V.NOUNS)

    def np(self) -> str:
        r = self.rng
        owner = r.choice(V.OWNERS)
        noun = r.choice(V.NOUNS)
        if owner == "a" and noun[0] in "aeiou":
            owner = "an"
        if r.random() < 0.25:
            noun = f"{r.choice(V.ADJECTIVES)} {noun}"
            if owner in ("a", "an"):
                owner = "an" if noun[0] in "aeiou" else "a"
        return f"{owner} {noun}"

    def emph(self, text: str) -> str:
        x = self.rng.random()
        if x < 0.05:
            return f"*{text}*"
        if x < 0.07:
            return f"**{text}**"
        return text

    def fill(self, pattern: str) -> str:
        r = self.rng
        out = []
        pos = 0
        for m in re.finditer(r"\{(\w+)\}", pattern):
            out.append(pattern[pos:m.start()])
            key = m.group(1)
            if key == "np":
                out.append(self.emph(self.np()))
            elif key == "n":
                out.append(self.n())
            elif key == "n_cap":
                out.append(cap(self.n()))
            elif key == "adj":
                out.append(self.emph(r.choice(V.ADJECTIVES)))
            elif key == "adv":
                out.append(r.choice(V.ADVERBS))
            elif key == "vi":
                out.append(r.choice(V.VERBS_I))
            elif key == "vt":
                out.append(r.choice(V.VERBS_T))
            elif key == "ger":
                out.append(r.choice(V.GERUNDS))
            elif key == "ger_cap":
                out.append(cap(r.choice(V.GERUNDS)))
            elif key == "inf":
                out.append(r.choice(V.INFINITIVES))
            elif key == "inf_cap":
                out.append(cap(r.choice(V.INFINITIVES)))
            elif key == "ord":
                out.append(r.choice(V.ORDINALS))
            elif key == "body":
                out.append(r.choice(V.BODY))
            elif key == "presenting":
                out.append(r.choice(V.PRESENTING))
            elif key == "approach":
                out.append(r.choice(V.APPROACHES))
            else:  # pragma: no cover - a typo in vocab.py
                raise KeyError(key)
            pos = m.end()
        out.append(pattern[pos:])
        return a_an("".join(out))

    def clause(self) -> str:
        k = self.rng.randrange(5)
        if k == 0:
            return self.fill("{np} {vi}")
        if k == 1:
            return self.fill("{np} {vt} {np}")
        if k == 2:
            return self.fill("{np} feels {adj}")
        if k == 3:
            return self.fill("{np} becomes {adj} when {np} {vi}")
        return self.fill("{np} {adv} {vt} {np}")

    def sentence(self, links: list[str] | None = None) -> str:
        r = self.rng
        k = r.randrange(16)
        if k < 3:
            s = f"{r.choice(V.OPENERS)} {self.clause()}."
        elif k < 6:
            s = f"{r.choice(V.FIRST_PERSON)} {self.clause()}."
        elif k == 6:
            s = f"{self.clause()}, and {self.clause()}."
        elif k == 7:
            s = self.fill("{np} is rarely {adj}; more often it is {adj} and {adj}.")
        elif k == 8:
            s = self.fill("there is something {adj} about {ger} {np}.")
        elif k == 9:
            s = self.fill("{ger} {np} {adv} can feel {adj} at first.")
        elif k == 10:
            s = self.fill("when {np} {vi}, {np} often {vi} too.")
        elif k == 11:
            s = self.fill("the question is not whether {np} {vi}, but how.")
        elif k == 12:
            s = self.fill("sometimes the most useful thing is simply to {inf} {np}.")
        elif k == 13:
            s = self.fill("it took me years to see that {np} {vt} {np}.")
        elif k == 14:
            s = self.fill("what would it mean to {inf} {np}?")
        else:
            if r.random() < 0.15:
                return r.choice(V.ACRONYM_SENTENCES)
            s = self.fill("{np} and {np} are never really separate.")
        if links and r.random() < 0.06:
            s = s[:-1] + f" (see {r.choice(links)})" + s[-1]
        return cap(s)

    def paragraph(self, lo: int, hi: int, links: list[str] | None, extra=None) -> str:
        n = self.rng.randint(lo, hi)
        sents = [self.sentence(links) for _ in range(n)]
        if extra is not None and self.rng.random() < 0.5:
            sents.insert(self.rng.randrange(len(sents) + 1), extra())
        return " ".join(sents)

    def bullet_list(self) -> str:
        r = self.rng
        items = [f"- {cap(self.fill(r.choice(V.LIST_ITEMS)))}" for _ in range(r.randint(3, 6))]
        return r.choice(V.LIST_LEADS) + "\n\n" + "\n".join(items)

    def blockquote(self) -> str:
        r = self.rng
        text = " ".join(self.sentence() for _ in range(r.randint(1, 3)))
        return f"> {text}{r.choice(V.QUOTE_TAILS)}"

    def table(self) -> str:
        r = self.rng
        rows = ["| Week | Focus | What I noticed |", "| --- | --- | --- |"]
        for week in range(1, r.randint(3, 6) + 1):
            rows.append(f"| {week} | {r.choice(V.NOUNS)} | {cap(r.choice(V.ADJECTIVES))} {r.choice(V.NOUNS)} |")
        return "\n".join(rows)

    def title(self) -> str:
        return cap(self.fill(self.rng.choice(V.TITLE_PATTERNS)))

    def heading(self) -> str:
        return "## " + cap(self.fill(self.rng.choice(V.HEADING_PATTERNS)))

    def summary(self) -> str:
        return cap(self.fill(self.rng.choice(V.SUMMARY_PATTERNS)))

    def tags(self) -> list[str]:
        r = self.rng
        want = r.choice((1, 2, 2, 3, 3, 4))
        total = self.tag_cum[-1]
        chosen: list[str] = []
        while len(chosen) < want:
            tag = V.TAGS[bisect(self.tag_cum, r.random() * total)]
            if tag not in chosen:
                chosen.append(tag)
        return chosen

    def body(self, target_words: int, links: list[str], case: dict | None,
             max_words: int = 1500) -> str:
        """Markdown body of target_words to max_words words: intro, ## sections, lists, quotes."""
        r = self.rng
        blocks: list[str] = []
        count = [0]

        def add(block: str) -> bool:
            n = len(block.split())
            if count[0] + n > max_words:
                return False
            blocks.append(block)
            count[0] += n
            return True

        extra = None
        if case is not None:
            def extra() -> str:
                return cap(self.fill(r.choice(V.CASE_SENTENCES).replace("{presenting}", case["presenting"])))
            opening = f"In the first session the client described {case['presenting']}."
            add(opening + " " + self.paragraph(2, 4, links, None))
        else:
            add(self.paragraph(3, 6, links))
        did_list = did_quote = did_table = False
        full = False
        while count[0] < target_words and not full:
            heading = self.heading()
            if not add(heading):
                break
            paras = 0
            for _ in range(r.randint(1, 3)):
                if not add(self.paragraph(3, 7, links, extra)):
                    full = True
                    break
                paras += 1
                if count[0] >= target_words:
                    break
            if paras == 0:  # no room left under this heading: drop it
                blocks.pop()
                count[0] -= len(heading.split())
                break
            x = r.random()
            if x < 0.30 or (not did_list and count[0] > target_words * 0.5):
                did_list = add(self.bullet_list()) or did_list
            elif x < 0.45 or (not did_quote and count[0] > target_words * 0.7):
                did_quote = add(self.blockquote()) or did_quote
            elif x < 0.50 and not did_table and r.random() < 0.4:
                did_table = add(self.table())
        return "\n\n".join(blocks) + "\n"


def make_posts(n: int, seed: int) -> list[dict]:
    """The corpus as plain data: one dict per post, oldest first."""
    r = random.Random(seed)
    w = Writer(r)
    first_day = LAST_DAY - dt.timedelta(days=SPAN_DAYS)
    step = SPAN_DAYS / max(n, 1)
    n_cases = round(n * CASE_STUDY_SHARE)
    case_idx = set(r.sample(range(n), n_cases)) if n else set()
    titles: set[str] = set()
    posts: list[dict] = []
    essay_slugs: list[str] = []
    case_slugs: list[str] = []
    for i in range(n):
        day = first_day + dt.timedelta(days=int(i * step + r.random() * step * 0.9))
        is_case = i in case_idx
        if is_case:
            presenting = r.choice(V.PRESENTING)
            pattern = r.choice(V.CASE_TITLES)
            base = cap(pattern.format(presenting=presenting, sessions=r.choice(V.NUMBER_WORDS)))
        else:
            base = w.title()
        title = base
        k = 2
        while title.lower() in titles:
            title = f"{base} (part {k})"
            k += 1
        titles.add(title.lower())
        slug = slugify(title)
        tags = w.tags()
        if is_case and "case notes" not in tags and len(tags) < 4 and r.random() < 0.7:
            tags.append("case notes")
        # Links: relative ones only in case studies (the privacy scan rejects other URLs there).
        if is_case:
            links = [f"[notes on {t}](../../tags/{slugify(t)}/)" for t in tags]
            links += [f"[an earlier case](../{s}/)" for s in case_slugs[-3:]]
        else:
            links = [f"[more on {t}](/tags/{slugify(t)}/)" for t in tags]
            links += [f"[an earlier post](/posts/{s}/)" for s in essay_slugs[-3:]]
            links.append(f"[{r.choice(V.LINK_TEXTS)}](https://example.org/{r.choice(V.EXTERNAL_PATHS)})")
        case = None
        if is_case:
            sessions = r.randint(3, 12)
            consent_day = day - dt.timedelta(days=r.randint(14, 400))
            case = {
                "client": f"Client {r.randint(1, 99)}",
                "sessions": sessions,
                "presenting": presenting,
                "approach": r.sample(V.APPROACHES, r.randint(1, 3)),
                "outcome": r.choice(V.OUTCOMES),
                "consent": {"obtained": consent_day.isoformat(), "form": "written"},
            }
        post = {
            "title": title,
            "slug": slug,
            "date": day.isoformat(),
            "tags": tags,
            "summary": w.summary() if r.random() < 0.6 else None,
            "case": case,
            "body": w.body(r.randint(600, 1500), links, case),
        }
        posts.append(post)
        (case_slugs if is_case else essay_slugs).append(slug)
    return posts


# -- front matter for each tool ---------------------------------------------

def q(s: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def yaml_front_matter(p: dict) -> str:
    lines = ["---", f"title: {q(p['title'])}", f"date: {p['date']}", "tags:"]
    lines += [f"  - {q(t)}" for t in p["tags"]]
    if p["summary"]:
        lines.append(f"summary: {q(p['summary'])}")
    c = p["case"]
    if c:
        lines += [
            f"client: {q(c['client'])}",
            f"sessions: {c['sessions']}",
            f"presenting: {q(c['presenting'])}",
            "approach:",
            *[f"  - {q(a)}" for a in c["approach"]],
            f"outcome: {q(c['outcome'])}",
            "consent:",
            f"  obtained: {c['consent']['obtained']}",
            f"  form: {c['consent']['form']}",
        ]
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def pelican_metadata(p: dict) -> str:
    lines = [f"Title: {p['title']}", f"Date: {p['date']}", f"Slug: {p['slug']}",
             f"Tags: {', '.join(p['tags'])}"]
    if p["summary"]:
        lines.append(f"Summary: {p['summary']}")
    c = p["case"]
    if c:
        lines += [
            f"Client: {c['client']}",
            f"Sessions: {c['sessions']}",
            f"Presenting: {c['presenting']}",
            f"Approach: {', '.join(c['approach'])}",
            f"Outcome: {c['outcome']}",
            f"Consent_obtained: {c['consent']['obtained']}",
            f"Consent_form: {c['consent']['form']}",
        ]
    return "\n".join(lines) + "\n\n"


def site_toml() -> str:
    out = []
    for k, v in SITE.items():
        out.append(f"{k} = {v}" if isinstance(v, int) else f"{k} = {q(v)}")
    # The essays link to a few public reading resources: allowed, as an author would.
    allow = ", ".join(q(f"https://example.org/{p}") for p in V.EXTERNAL_PATHS)
    out += ["", "[privacy]", f"allow = [{allow}]"]
    return "\n".join(out) + "\n"


def write_sites(posts: list[dict], outdir: Path, tools=TOOLS) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    for tool in tools:
        site = outdir / tool
        if site.exists():
            shutil.rmtree(site)
        if (LAYOUTS / tool).is_dir():
            shutil.copytree(LAYOUTS / tool, site)
        else:
            site.mkdir(parents=True)
    dirs = {
        "sitegen-essay": outdir / "sitegen" / "content" / "posts",
        "sitegen-case": outdir / "sitegen" / "content" / "case-studies",
        "pelican": outdir / "pelican" / "content",
        "eleventy": outdir / "eleventy" / "posts",
        "hugo": outdir / "hugo" / "content" / "posts",
    }
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    (outdir / "sitegen" / "site.toml").write_text(site_toml(), encoding="utf-8")
    for p in posts:
        name = p["slug"] + ".md"
        fm = yaml_front_matter(p)
        body = p["body"]
        if "sitegen" in tools:
            d = dirs["sitegen-case" if p["case"] else "sitegen-essay"]
            _write(d / name, fm + body)
        if "pelican" in tools:
            _write(dirs["pelican"] / name, pelican_metadata(p) + body)
        if "eleventy" in tools:
            _write(dirs["eleventy"] / name, fm + body)
        if "hugo" in tools:
            _write(dirs["hugo"] / name, fm + body)


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(n: int, outdir: Path, seed: int = 1) -> list[dict]:
    posts = make_posts(n, seed)
    write_sites(posts, Path(outdir))
    return posts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of posts")
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("N must be 0 or more")
    t0 = time.perf_counter()
    posts = generate(args.n, args.outdir, args.seed)
    if not args.quiet:
        words = sum(len(p["body"].split()) for p in posts)
        cases = sum(1 for p in posts if p["case"])
        print(f"wrote {len(posts)} posts ({cases} case studies, {words} words) x {len(TOOLS)} sites "
              f"to {args.outdir} in {time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
