"""warmstart.py: the compiled methods of dataclasses and the compiled code of constant patterns
are kept between runs, give exactly what compiling afresh gives, and never hold a user's words."""

from __future__ import annotations

import dataclasses
import marshal
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sitegen import warmstart


def _python(code: str, cwd: Path | None = None) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=120, cwd=cwd)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


PATTERNS = [
    (r"(?P<day>\d{1,2})(?:st|nd|rd|th)? of (?P<month>[A-Z][a-z]+)", 0),
    (r"(?<![\w@])[\w.+-]+@[\w-]+\.[\w.]+", re.IGNORECASE),
    (r"""
        \b(?:mr|mrs|ms|dr)\.?   # a title
        \s+([A-Z]\w+)           # then a name
     """, re.VERBOSE | re.IGNORECASE),
    (r"(?i)straße|ŁÓDŹ|\u00e9t\u00e9", 0),
    (rb"\x00+|[\x80-\xff]{2}", 0),
    (r"(a)(b)?(?(2)c|d)", re.MULTILINE | re.DOTALL),
]


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_a_kept_pattern_is_the_pattern_compiled_afresh(source, flags):
    with warmstart.constant_patterns():
        first = warmstart._compile(source, flags)  # worked out and kept (or already kept)
        kept = warmstart._compile(source, flags)  # read back from what is kept
    fresh = warmstart._original_compile(source, flags)
    assert kept == fresh and first == fresh  # Pattern equality compares the engine's code and flags
    assert (kept.flags, kept.groups, kept.groupindex) == (fresh.flags, fresh.groups, fresh.groupindex)
    sample = "On the 3rd of March dr. Quill wrote to x.y@mail.example; straße été acd ab" \
        if isinstance(source, str) else b"ab\x00\x00\xfe\xfe"
    assert [m.span() for m in kept.finditer(sample)] == [m.span() for m in fresh.finditer(sample)]


def test_a_pattern_made_at_run_time_is_never_kept():
    # A pattern built from a site's files (a client's name from the register) is compiled as
    # before and leaves nothing in the kept file.
    name = "Peregrine Ashdown-Vale"
    key = warmstart._digest("re", "str", re.escape(name), 0)
    assert re.compile(re.escape(name)).search(f"saw {name} today")
    assert key not in warmstart._store.load()


def test_a_module_constant_is_kept_and_a_function_s_pattern_is_not(tmp_path):
    (tmp_path / "wsprobe.py").write_text(textwrap.dedent('''
        import re
        CONSTANT = re.compile(r"probe-constant-[0-9]{3}")

        def later(word):
            return re.compile(re.escape(word) + "-later")
    '''))
    out = _python('''
        import re, sitegen.warmstart as w
        import wsprobe
        wsprobe.later("Wenceslas")
        keys = w._store.load()
        print(w._digest("re", "str", r"probe-constant-[0-9]{3}", 0) in keys,
              w._digest("re", "str", "Wenceslas-later", 0) in keys)
    ''', cwd=tmp_path)
    assert out == "True False"


def test_the_scanner_s_late_compiled_constants_are_kept_and_its_run_time_ones_are_not():
    out = _python('''
        import sitegen.warmstart as w
        import sitegen.privacy.detect
        from sitegen.privacy import lazyre
        lazyre.compile_all()
        keys = w._store.load()
        constants = [p for p in lazyre._ALL if p._constant]
        print(len(constants) > 50, all(w._digest("re", "str", p.pattern, int(p._flags)) in keys for p in constants))
        late = lazyre.lazy(r"Marguerite|Tobiah")  # made after the imports: a user's words, perhaps
        late.search("Tobiah")
        print(late._constant, w._digest("re", "str", r"Marguerite|Tobiah", 0) in keys)
    ''')
    assert out.split() == ["True", "True", "False", "False"]


def test_the_second_start_compiles_nothing_new():
    code = '''
        import sitegen.build, sitegen.privacy.detect, sitegen.markup, sitegen.warmstart as w
        print(w._store.added, len(w._store.load()))
        w.save()  # as the sitegen command does when it ends
    '''
    _python(code)  # the first start of this code may add what it compiles
    added, count = _python(code).split()
    assert added == "False" and int(count) > 300  # the methods of every dataclass and the import's patterns


def test_a_dataclass_made_from_kept_methods_works_as_one_made_afresh():
    def make():
        @dataclasses.dataclass(frozen=True, slots=True)
        class Visit:
            client: str
            sessions: int = 1
            notes: tuple[str, ...] = ()
        return Visit

    first = make()
    held = len(warmstart._store.load())
    second = make()  # made from the methods kept for the first: nothing new is compiled
    assert len(warmstart._store.load()) == held
    a, b = second("Client K", 3), second("Client K", 3)
    assert a == b and hash(a) == hash(b) and a != second("Client K", 4)
    assert repr(a) == "test_a_dataclass_made_from_kept_methods_works_as_one_made_afresh.<locals>.make." \
        "<locals>.Visit(client='Client K', sessions=3, notes=())"
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.sessions = 5  # type: ignore[misc]
    assert first("Client K", 3) != a  # two classes, as two definitions make
    assert dataclasses.replace(a, sessions=6).sessions == 6


def test_a_damaged_or_foreign_file_is_read_as_nothing_and_replaced(tmp_path):
    path = tmp_path / "kept.bin"
    for content in (b"", b"\x00garbage\xff" * 40, marshal.dumps((("another python",), {b"k": 1})),
                    marshal.dumps([1, 2, 3])):
        path.write_bytes(content)
        store = warmstart._Store(path)
        assert store.load() == {}
    store.put(b"k" * 16, ("a value",))
    store.save()
    assert warmstart._Store(path).load() == {b"k" * 16: ("a value",)}


def test_a_file_that_cannot_be_written_is_no_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder would be")
    store = warmstart._Store(blocker / "kept.bin")
    store.put(b"k" * 16, 1)
    store.save()  # no exception: the next start compiles as before
    assert not (blocker / "kept.bin").exists() and blocker.read_text() == "a file where the folder would be"


def test_a_forked_worker_does_not_write(tmp_path):
    store = warmstart._Store(tmp_path / "kept.bin")
    store.put(b"k" * 16, 1)
    store.pid = -1  # as a forked worker sees it: not the process that loaded the store
    store.save()
    assert not (tmp_path / "kept.bin").exists()
