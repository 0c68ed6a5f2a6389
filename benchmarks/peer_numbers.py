"""summarylab's number grammar on the peers' Chinese test cases written the way a mainland report writes.

The cases are not shipped (they belong to their projects): pass the path of a JSON file holding
``{"numbers": [[text, value], ...], "quantities": [[text, [values ...]], ...]}`` picked from
microsoft/Recognizers-Text (Specs/Number/Chinese: NumberModel, PercentModel; Specs/NumberWithUnit/
Chinese: CurrencyModel, DimensionModel) and dongrixinyu/JioNLP (test/test_money_parser.py).
Report-style means: Arabic, full-width or Chinese numerals as reports print them, 万/亿 scales,
%, 百分之, 个百分点, 成, approximation words, ranges with 至/到/-, signs; left out: spaced-out
characters (一 百 五 十), traditional and financial forms, 兆, k/w/M suffixes, 折 discounts, 打/双/对,
colloquial money (块, 毛) and currencies no report names.

* parse_number: the share of single numerals read to the expected value.
* found: a case is found when every expected value is among the values (value, value_max,
  base_value, value_max in base units) of the quantities ``scan_quantities`` finds in the text
  (normalised as summarylab reads a report: full-width digits made ASCII), or, for a bare numeral,
  ``parse_number`` of the text; a case that expects nothing is found when nothing is reported.

usage: python benchmarks/peer_numbers.py CASES.json [-v]
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarylab.normalize import normalize  # noqa: E402
from summarylab.numbers import parse_number, scan_quantities  # noqa: E402


def _close(a, b) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def run(path: str, verbose: bool = False) -> dict:
    cases = json.loads(Path(path).read_text(encoding="utf-8"))
    n_ok = 0
    for text, value in cases["numbers"]:
        got = parse_number(text)
        ok = _close(got, value)
        n_ok += ok
        if verbose and not ok:
            print(f"  parse_number {text!r}: {got} (want {value})")
    q_ok = 0
    for text, values in cases["quantities"]:
        found = []
        for m in scan_quantities(normalize(text)):  # the text as summarylab reads a report
            q = m.quantity
            found += [v for v in (q.value, q.value_max, q.base_value) if v is not None]
            if q.value_max is not None and q.value:
                found.append(q.value_max * q.base_value / q.value)  # the upper end in base units
        bare = parse_number(text)
        if bare is not None:
            found.append(bare)
        if values:
            ok = all(any(_close(v, f) for f in found) for v in values)
        else:
            ok = not found
        q_ok += ok
        if verbose and not ok:
            print(f"  found {text!r}: {found} (want {values})")
    return {"parse_number": f"{n_ok}/{len(cases['numbers'])} = {n_ok / len(cases['numbers']):.1%}",
            "found": f"{q_ok}/{len(cases['quantities'])} = {q_ok / len(cases['quantities']):.1%}"}


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], "-v" in sys.argv), ensure_ascii=False))
