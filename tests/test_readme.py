"""The README's Python API example runs as written."""

import os
import re

from .conftest import ROOT


def test_python_api_example_runs(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        scope: dict = {}
        exec(compile(code, "README.md", "exec"), scope)
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "China oppose the new tariffs on electric vehicles"
    assert scope["records"][0].claims and scope["result"]["lenient"]["claim"]["f"] > 0.8
