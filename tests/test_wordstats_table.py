"""The word table read a word at a time from its indexed copy: the same answers as the whole
table, in every process, whatever state the copy is in."""

from __future__ import annotations

import multiprocessing
import random

from sitegen.privacy import wordstats
from sitegen.privacy.wordstats import Stats, Table


def _small_table() -> dict[str, int]:
    rng = random.Random(3)
    return {f"word{i}": rng.randrange(1, 1 << 24) for i in range(3_000)}


def _stored(tmp_path, table):
    assert wordstats._store(tmp_path, "wordstats-test", table, marshal_too=True)
    return Table(tmp_path / "wordstats-test.marshal", tmp_path / "wordstats-test.sqlite")


def test_words_read_one_at_a_time_give_what_the_whole_table_gives(tmp_path):
    table = _small_table()
    indexed = _stored(tmp_path, table)
    asked = [f"word{i}" for i in range(0, 3_000, 7)] + ["absent", "word99999", ""]
    assert [indexed.get(k) for k in asked] == [table.get(k) for k in asked]
    assert indexed.full is None  # nothing loaded whole for a few hundred words
    assert Stats(indexed).of("word14") == Stats(table).of("word14")


def test_after_many_distinct_words_the_whole_table_is_loaded(tmp_path, monkeypatch):
    monkeypatch.setattr(Table, "QUERIES", 50)
    table = _small_table()
    indexed = _stored(tmp_path, table)
    answers = [indexed.get(f"word{i}") for i in range(200)]
    assert indexed.full == table and answers == [table[f"word{i}"] for i in range(200)]


def _child_answers(indexed: Table, keys: list[str], out) -> None:
    out.put([indexed.get(k) for k in keys])


def test_a_forked_process_opens_the_copy_for_itself(tmp_path):
    table = _small_table()
    indexed = _stored(tmp_path, table)
    assert indexed.get("word1") == table["word1"]  # the parent's connection is open now
    keys = [f"word{i}" for i in range(2, 400)]
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    child = ctx.Process(target=_child_answers, args=(indexed, keys, out))
    child.start()
    got = out.get(timeout=60)
    child.join(60)
    assert child.exitcode == 0 and got == [table[k] for k in keys]
    assert indexed.get("word500") == table["word500"]  # and the parent's still works


def test_a_damaged_copy_falls_back_to_the_whole_table(tmp_path):
    table = _small_table()
    indexed = _stored(tmp_path, table)
    (tmp_path / "wordstats-test.sqlite").write_bytes(b"not a database at all" * 100)
    assert indexed.get("word5") == table["word5"] and indexed.full == table
    assert not (tmp_path / "wordstats-test.sqlite").exists()  # made again by the next build that needs it


def test_a_cache_folder_that_cannot_be_made_is_no_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    assert wordstats._store(blocker / "sitegen", "wordstats-test", _small_table(), marshal_too=True) is False
