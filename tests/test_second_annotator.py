"""The ceiling of the plan check: two annotators, each alone with the texts and the guidelines, agree on
the synthetic office pairs a second reader labelled (corpora/annotations/check/second_annotator/README.md
gives every figure; scripts/agreement.py computes them)."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECOND = ROOT / "corpora/annotations/check/second_annotator"
spec = importlib.util.spec_from_file_location("agreement", ROOT / "scripts/agreement.py")
agreement = importlib.util.module_from_spec(spec)
spec.loader.exec_module(agreement)

#: the synthetic office pairs (and one county report) a second annotator labelled, and the agreement the README reports for them
OFFICES = {"local_renfang_2024": 0.978, "local_dizhen_2025": 1.0, "local_gongan_2025": 0.98,
           "county_muqu_2025": 1.0,  # (a county's 政府工作报告, sampled by the guideline's rule)
           "local_yiyuan_2026": 0.98, "local_youeryuan_2025": 1.0,
           "local_yizhong_2026": 0.98,
           "local_jijiu_2025": 1.0,
           "local_shuibao_2025": 1.0}


@pytest.mark.parametrize("pair_id, reported", OFFICES.items())
def test_two_readers_of_an_office_pair_agree_as_the_readme_says(pair_id, reported):
    first = agreement.read(str(ROOT / "corpora/annotations/check" / f"{pair_id}.csv"))
    second = agreement.read(str(SECOND / f"{pair_id}.csv"))
    both = agreement.both_ways(first, second)
    assert round(both["first_as_gold"]["agreement"], 3) == reported
    assert both["first_as_gold"]["matched"] == len(first)
