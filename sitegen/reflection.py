"""The reflective-practice models: their stages, the headings that mark each, and finding them in a post.

`sitegen new --model` lays a post out with a model's stage headings; `sitegen cpd` reads the
headings of a post back to say which stages of its model the reflection covers (an auditor
reading a CPD record looks for the whole cycle, not only a description).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Stage:
    heading: str  # as `new --model` writes it
    prompt: str  # the one question that opens the stage in a new post
    aliases: tuple[str, ...] = ()  # other headings people use for the same stage


@dataclass(frozen=True, slots=True)
class Model:
    key: str  # as written in front matter: reflection_model: gibbs
    name: str
    stages: tuple[Stage, ...]


MODELS: dict[str, Model] = {m.key: m for m in (
    Model("gibbs", "Gibbs' reflective cycle", (
        Stage("Description", "What happened, in plain facts?", ("What happened",)),
        Stage("Feelings", "What were you thinking and feeling at the time?", ("Feeling", "Thoughts and feelings")),
        Stage("Evaluation", "What went well, and what did not?"),
        Stage("Analysis", "What sense can you make of it: what helped, and what got in the way?"),
        Stage("Conclusion", "What else could you have done, and what have you learned?", ("Conclusions",)),
        Stage("Action plan", "If it happened again, what would you do?", ("Action", "Next time")),
    )),
    Model("rolfe", "Rolfe's reflective model", (
        Stage("What?", "What happened, and what was your part in it?"),
        Stage("So what?", "What does it mean for the client, for you and for your practice?"),
        Stage("Now what?", "What will you do differently, and what do you need to get there?"),
    )),
    Model("kolb", "Kolb's learning cycle", (
        Stage("Concrete experience", "What did you do or meet with?", ("Experience",)),
        Stage("Reflective observation", "Looking back, what do you notice about it?", ("Reflection",)),
        Stage("Abstract conceptualisation", "What does it teach you: which ideas or theories make sense of it?",
              ("Abstract conceptualization", "Conceptualisation", "Conceptualization")),
        Stage("Active experimentation", "What will you try next time, and how will you know it worked?",
              ("Experimentation",)),
    )),
    Model("schon", "Schön's reflection in and on action", (
        Stage("Reflection-in-action", "While it was happening, what did you notice, and how did you adjust?",
              ("Reflecting in action", "In action")),
        Stage("Reflection-on-action", "Looking back afterwards, what do you make of it, and what would you change?",
              ("Reflecting on action", "On action")),
    )),
    Model("johns", "Johns' model for structured reflection", (
        Stage("Looking in", "How were you feeling, and what in you shaped how you responded?"),
        Stage("Looking out", "What happened, and what about it seems significant?", ("Description",)),
        Stage("Aesthetics", "What were you trying to achieve, and how did your response work out?"),
        Stage("Personal", "Why did you feel and act as you did?", ("Personal knowing",)),
        Stage("Ethics", "Did you act for the best, in line with your values?", ("Ethical knowing",)),
        Stage("Empirics", "What knowledge informed what you did, or might have?", ("Empirical knowing",)),
        Stage("Reflexivity", "How does this connect with what you have met before, and what would you do now?"),
    )),
)}


@dataclass(frozen=True, slots=True)
class Stages:
    model: str  # the model's key, or "" when neither front matter nor headings name one
    detected: bool  # True: the model was recognised from the headings, not named in front matter
    present: tuple[str, ...]  # the model's stages the post has a heading for, in the model's order
    missing: tuple[str, ...]


_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_SPLIT = re.compile(r"[:?—–]| - ")  # "Description: the first session" → "Description"


def headings(markdown: str) -> list[str]:
    """The text of every heading of a Markdown body (ATX `## …` and underlined), outside code blocks."""
    found: list[str] = []
    fence = ""
    previous = ""
    for line in markdown.split("\n"):
        m = _FENCE.match(line)
        if m and (not fence or m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence)):
            fence = "" if fence else m.group(1)
            previous = ""
            continue
        if fence:
            continue
        m = _ATX.match(line)
        if m:
            found.append(m.group(2))
        elif previous.strip() and re.fullmatch(r" {0,3}(=+|-+)[ \t]*", line) and not previous.startswith((" " * 4, "\t")):
            found.append(previous.strip())
        previous = line
    return found


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"^(?:step|stage|part)?\s*\d+[.):]?\s+", "", text.strip())  # "1. Description", "Stage 2: …"
    return " ".join(re.sub(r"[^\w\s]|_", " ", text.replace("'", "").replace("’", "")).split())


def _names(stage: Stage) -> set[str]:
    return {_norm(n) for n in (stage.heading, *stage.aliases)}


def _matches(model: Model, heads: list[str]) -> tuple[str, ...]:
    candidates = set()
    for h in heads:
        candidates.add(_norm(h))
        candidates.add(_norm(_SPLIT.split(h, 1)[0]))
    return tuple(s.heading for s in model.stages if _names(s) & candidates)


def find_stages(markdown: str, model: str = "") -> Stages:
    """Which stages of `model` (or, when it is empty, of the model the headings fit best) the body covers."""
    heads = headings(markdown)
    if model in MODELS:
        present = _matches(MODELS[model], heads)
        detected = False
    else:
        # Two stages at least: one heading such as "Evaluation" is too common to name a model.
        scored = [(len(p), -i, key, p) for i, key in enumerate(MODELS) if len(p := _matches(MODELS[key], heads)) >= 2]
        if not scored:
            return Stages("", False, (), ())
        _, _, model, present = max(scored)
        detected = True
    missing = tuple(s.heading for s in MODELS[model].stages if s.heading not in present)
    return Stages(model, detected, present, missing)
