"""What a set of templates reads of each name in its context, found in their syntax trees.

A page's key need only cover what its templates can show.  A post page passes its
neighbours, `newer` and `older`, but shows only their titles and addresses; a topic's feed
passes the whole topic but shows only its name.  Keyed on the whole value, a page changes
whenever a neighbour's text does, and is rendered again for nothing.

For each name, the answer is either None (the templates use the value whole: print it, loop
over it, pass it to a filter or a function we cannot see into, assign it) or the set of what
they read of it: attribute names, `?` (its truth: `{% if x %}`, `x is none`) and `#` (its
length).  A value passed to a macro is followed into the macro.  Anything not understood
counts as a use of the whole value, so the answer can be too wide, never too narrow.  Every
use of a name in any of the templates counts, whichever scope it is in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

WHOLE = "(whole)"
TRUTH = "?"
LENGTH = "#"
_TRUTH_TESTS = frozenset({"none", "defined", "undefined"})
_LENGTH_FILTERS = frozenset({"length", "count"})
_DEPTH = 8  # macros calling macros: deeper than this counts as a use of the whole value

# One template's findings, as plain data (kept in the build cache with the rest of its analysis):
# (uses, macros, imports), where
#   uses:    ((name, (read, ...)), ...); a read is an attribute, TRUTH, LENGTH, WHOLE, or
#            ("call", callee, slot): passed to a callee as its slot-th argument or as keyword slot
#   macros:  ((macro name, (parameter, ...), ((parameter, (read, ...)), ...)), ...)
#   imports: ((local name, template, macro name), ...) from `{% from ... import ... %}`
Findings = tuple[tuple, tuple, tuple]


def findings(ast: Any) -> Findings:
    """What one parsed template does with each name it loads."""
    from jinja2 import nodes

    uses: dict[str, set] = {}
    macros: list[tuple[str, tuple[str, ...], dict[str, set]]] = []
    imports: list[tuple[str, str, str]] = []

    def visit(node: Any, parent: Any, truth: bool, grand: Any, within: tuple) -> None:
        if isinstance(node, nodes.Name) and node.ctx == "load":
            read = _read(node, parent, grand, truth, nodes)
            uses.setdefault(node.name, set()).add(read)
            for _, params, param_uses in within:
                if node.name in params:
                    param_uses.setdefault(node.name, set()).add(read)
        if isinstance(node, nodes.FromImport) and isinstance(node.template, nodes.Const):
            for name in node.names:
                source, alias = name if isinstance(name, tuple) else (name, name)
                imports.append((alias, node.template.value, source))
        if isinstance(node, nodes.Macro):
            macro = (node.name, tuple(a.name for a in node.args), {})
            macros.append(macro)
            within = (*within, macro)
        for child in node.iter_child_nodes():
            visit(child, node, _truth_of(child, node, truth, nodes), parent, within)

    visit(ast, None, False, None, ())
    return (tuple((n, tuple(sorted(r, key=repr))) for n, r in sorted(uses.items())),
            tuple((m, params, tuple((p, tuple(sorted(r, key=repr))) for p, r in sorted(pu.items())))
                  for m, params, pu in macros),
            tuple(imports))


def _truth_of(child: Any, node: Any, truth: bool, nodes: Any) -> bool:
    """Whether `child` of `node` is only tested for truth."""
    if isinstance(node, (nodes.If, nodes.CondExpr)):
        return child is node.test
    if isinstance(node, nodes.Not):
        return True
    if isinstance(node, (nodes.And, nodes.Or)):
        return truth  # `a or b` yields a or b itself, so it is a test only where its result is one
    return False


def _read(name: Any, parent: Any, grand: Any, truth: bool, nodes: Any) -> Any:
    """What the template reads of a name's value at this use."""
    if truth:
        return TRUTH
    if isinstance(parent, nodes.Getattr) and parent.node is name:
        called = isinstance(grand, nodes.Call) and grand.node is parent
        return WHOLE if called else parent.attr
    if isinstance(parent, nodes.Getitem) and parent.node is name:
        arg = parent.arg
        return arg.value if isinstance(arg, nodes.Const) and isinstance(arg.value, str) else WHOLE
    if isinstance(parent, nodes.Filter) and parent.node is name and parent.name in _LENGTH_FILTERS:
        return LENGTH
    if isinstance(parent, nodes.Test) and parent.node is name and parent.name in _TRUTH_TESTS:
        return TRUTH
    if isinstance(parent, nodes.Call) and isinstance(parent.node, nodes.Name) and not parent.dyn_args \
            and not parent.dyn_kwargs and any(a is name for a in parent.args):
        return ("call", parent.node.name, next(i for i, a in enumerate(parent.args) if a is name))
    if isinstance(parent, nodes.Keyword) and isinstance(grand, nodes.Call) and isinstance(grand.node, nodes.Name) \
            and not grand.dyn_args and not grand.dyn_kwargs:
        return ("call", grand.node.name, parent.key)
    return WHOLE


def reads(per_template: Mapping[str, Findings], names: Iterable[str]) -> dict[str, frozenset[str] | None]:
    """For each context name, what the templates (all of one page's) read of it: None for the
    whole value, else attributes, TRUTH and LENGTH."""
    macros = {(tpl, m): (params, dict(pu)) for tpl, (_, ms, _) in per_template.items() for m, params, pu in ms}
    scope = {tpl: {**{m: (tpl, m) for m, _, _ in ms}, **{alias: (src, m) for alias, src, m in imps}}
             for tpl, (_, ms, imps) in per_template.items()}
    out: dict[str, frozenset[str] | None] = {}
    for name in names:
        got: set[str] | None = set()
        for tpl, (uses, _, _) in per_template.items():
            found = _resolve(dict(uses).get(name, ()), tpl, macros, scope, 0)
            got = None if found is None or got is None else got | found
        out[name] = frozenset(got) if got is not None else None
    return out


def _resolve(used: Iterable[Any], tpl: str, macros: Mapping, scope: Mapping, depth: int) -> set[str] | None:
    got: set[str] = set()
    for read in used:
        if read == WHOLE:
            return None
        if not isinstance(read, tuple):
            got.add(read)
            continue
        _, callee, slot = read
        where = scope.get(tpl, {}).get(callee)
        if where is None or where not in macros or depth >= _DEPTH:
            return None  # a function we cannot see into
        params, param_uses = macros[where]
        param = params[slot] if isinstance(slot, int) and slot < len(params) else slot if slot in params else None
        if param is None:
            return None  # into varargs or kwargs
        inner = _resolve(param_uses.get(param, ()), where[0], macros, scope, depth + 1)
        if inner is None:
            return None
        got |= inner
    return got
