"""Structured data (JSON-LD, schema.org) for search engines: what a page is, by whom, from where.

An essay or a case study is a `BlogPosting` (headline, dates, author, image, the page it
is the main part of); the home page describes the site (`WebSite`) and the practice behind
it as a `LocalBusiness`, with the public address and phone number given in site.toml's
[practice] table, when they are given.  Nothing about a client is ever part of it: the
case study's headline, dates and image are what its page already shows.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import SiteConfig
    from .model import Item

CONTEXT = "https://schema.org"


def _person_or_org(cfg: SiteConfig) -> dict[str, Any]:
    if cfg.author:
        return {"@type": "Person", "name": cfg.author, "url": cfg.site_url}
    return {"@type": "Organization", "name": cfg.business or cfg.title, "url": cfg.site_url}


def posting(item: Item, cfg: SiteConfig, canonical: str, image: str, description: str) -> dict[str, Any]:
    """An essay or a case study as a schema.org BlogPosting."""
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "BlogPosting",
        "headline": item.title if len(item.title) <= 110 else item.title[:109].rstrip() + "…",
        "url": canonical,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "author": _person_or_org(cfg),
        "publisher": {"@type": "Organization", "name": cfg.business or cfg.title, "url": cfg.site_url},
        "inLanguage": cfg.language,
        "image": [image],
        "isPartOf": {"@type": "Blog", "name": cfg.title, "url": cfg.site_url},
    }
    if item.date is not None:
        data["datePublished"] = item.date.isoformat()
        data["dateModified"] = (item.entry.updated or item.date).isoformat()
    if description:
        data["description"] = description
    if item.tags:
        data["keywords"] = ", ".join(t.name for t in item.tags)
    if item.entry.case is None:
        data["wordCount"] = item.rendered.words
    return data


def practice(cfg: SiteConfig, image: str) -> dict[str, Any]:
    """The home page: the site, and the practice as a local business."""
    p = cfg.practice
    business: dict[str, Any] = {
        "@type": p.kind or "LocalBusiness",
        "@id": cfg.site_url + "#practice",
        "name": cfg.business or cfg.title,
        "url": cfg.site_url,
        "description": cfg.description,
        "image": image,
    }
    address = {key: value for key, value in (("streetAddress", p.street), ("addressLocality", p.town),
                                             ("addressRegion", p.region), ("postalCode", p.postcode),
                                             ("addressCountry", p.country)) if value}
    if address:
        business["address"] = {"@type": "PostalAddress", **address}
    if p.phone:
        business["telephone"] = p.phone
    if p.email:
        business["email"] = p.email
    if cfg.author:
        business["founder"] = {"@type": "Person", "name": cfg.author}
    site = {"@type": "WebSite", "@id": cfg.site_url + "#site", "name": cfg.title, "url": cfg.site_url,
            "inLanguage": cfg.language, "publisher": {"@id": cfg.site_url + "#practice"}}
    return {"@context": CONTEXT, "@graph": [site, business]}


def script(data: dict[str, Any]) -> str:
    """The data as the text of a <script type="application/ld+json"> (safe inside HTML)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
