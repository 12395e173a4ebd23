"""A private CPD record from the blog: `sitegen cpd`.

    fields      the CPD front-matter keys of a post (read by validate.py on every build)
    activities  private/cpd.toml: activities that are not posts, explained gaps, the profile
    tomlcheck   reading hand-written TOML with path:line messages (activities, bodies)
    entries     posts (drafts too) and activities → Entry, with the reflection cleaned by sanitize
    bodies      the professional bodies' requirements (bodies.toml) and how a record stands against them
    record      the period, its entries, totals and gaps of three months or more → Record
    to_json, to_csv, to_html   one module per output format
    output      where a record may be written (never anywhere the site is published from)

The record may hold unpublished reflections: it is written only under private/ or where
the author says; the build refuses to publish a record or anything under private/, and
its output audit looks for the CPD file's text.
"""
