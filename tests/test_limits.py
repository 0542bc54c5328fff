"""The caps: the worst files under them load or are refused in bounded memory; past them, a clear refusal.

Memory is measured in a fresh process (the rise of its peak resident size), with a generous bound; the
times are printed by benchmarks/hostile_inputs.py, not asserted here.
"""

from __future__ import annotations

import sys

import pytest

from conftest import MINI, ROOT
from cybrief.errors import BriefError
from cybrief.brief.load import loads_brief
from cybrief.brief.yamlnodes import MAX_DEPTH, MAX_NODES

sys.path.insert(0, str(ROOT / "benchmarks"))

import hostile_inputs  # noqa: E402

MEMORY_BOUND_MB = 200  # the documented bound; before the node cap, a 5 MiB file of tiny scalars needed 380 MB


@pytest.mark.parametrize("name", ["tiny-scalars-flow", "unknown-fields", "dangling-references", "one-5-mib-scalar", "valid-1800-targets"])
def test_worst_files_under_the_caps_stay_in_bounded_memory(name, tmp_path):
    result = hostile_inputs.measure(name, tmp_path)
    assert result["mb"] < MEMORY_BOUND_MB, result
    assert result["outcome"].startswith("loaded" if name.startswith(("valid", "one-")) else "refused"), result


def _flow_list(count: int) -> str:
    return "id: [" + ",".join("a" * count) + "]\n"


def test_the_node_cap_counts_every_value():
    # The mapping, the key and the list are three nodes; the list's items make up the rest.
    with pytest.raises(BriefError) as caught:
        loads_brief(_flow_list(MAX_NODES - 3), "x.yaml")
    assert "YAML nodes" not in caught.value.lines()[0]  # at the cap: parsed, then refused for its content
    with pytest.raises(BriefError) as caught:
        loads_brief(_flow_list(MAX_NODES - 2), "x.yaml")
    assert caught.value.lines() == [
        f"x.yaml:1:{6 + 2 * (MAX_NODES - 3)}: more than {MAX_NODES} YAML nodes (values, lists and mappings); a brief is far smaller"
    ]


def test_depth_cap_in_block_and_flow_style():
    flow = "id: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    with pytest.raises(BriefError) as caught:
        loads_brief(flow, "x.yaml")
    assert "nesting" not in caught.value.lines()[0]  # 64 levels with the top mapping: allowed, wrong type
    with pytest.raises(BriefError) as caught:
        loads_brief("id: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n", "x.yaml")
    assert caught.value.lines() == [f"x.yaml:1:{4 + MAX_DEPTH}: nesting deeper than {MAX_DEPTH} levels"]
    block = "id:\n" + "".join("  " * (i + 1) + "-\n" for i in range(MAX_DEPTH))
    with pytest.raises(BriefError, match=f"nesting deeper than {MAX_DEPTH} levels"):
        loads_brief(block, "x.yaml")


def test_a_brief_of_1800_targets_loads():
    text = MINI.read_text(encoding="utf-8").split("targets:\n")[0] + "targets:\n"
    text += "".join(hostile_inputs._target(i) for i in range(1800))
    assert len(loads_brief(text).targets) == 1800
