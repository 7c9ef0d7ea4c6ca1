import os
import stat

import pytest

from kg.errors import GraphError
from kg.output import write_atomically


def test_writes_whole_files_and_keeps_a_mode(tmp_path):
    path = tmp_path / "g.ttl"
    write_atomically(path, b"one")
    assert path.read_bytes() == b"one"
    path.chmod(0o640)
    write_atomically(path, b"two")
    assert path.read_bytes() == b"two" and stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]


def test_new_files_follow_the_umask(tmp_path):
    old = os.umask(0o077)
    try:
        write_atomically(tmp_path / "g.ttl", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "g.ttl").stat().st_mode) == 0o600


def test_a_symlink_is_followed(tmp_path):
    target = tmp_path / "target.ttl"
    target.write_bytes(b"old")
    (tmp_path / "link.ttl").symlink_to(target)
    write_atomically(tmp_path / "link.ttl", b"new")
    assert (tmp_path / "link.ttl").is_symlink() and target.read_bytes() == b"new"


@pytest.mark.parametrize(("setup", "message"), [
    (lambda p: p.mkdir(), "is a directory"),
    (lambda p: os.mkfifo(p), "not a regular file"),
])
def test_refuses_what_is_not_a_file(tmp_path, setup, message):
    path = tmp_path / "out"
    setup(path)
    with pytest.raises(GraphError, match=message):
        write_atomically(path, b"x")


def test_refuses_an_input_and_a_missing_folder(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(b"article")
    with pytest.raises(GraphError, match="one of the inputs"):
        write_atomically(article, b"graph", inputs=[str(article)])
    assert article.read_bytes() == b"article"
    with pytest.raises(GraphError, match="does not exist"):
        write_atomically(tmp_path / "no" / "g.ttl", b"x")
