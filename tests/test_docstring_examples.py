"""Every example in a docstring of the package runs and prints what it shows.

The public functions carry short Chinese examples (``>>> content_words("继续实施春蕾助学行动")``);
this keeps them true as the code changes, module by module.
"""
import doctest
import importlib
import pkgutil

import pytest

import summarylab

MODULES = sorted(m.name for m in pkgutil.walk_packages(summarylab.__path__, "summarylab.")
                 if m.name != "summarylab.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_the_docstring_examples_of_each_module_hold(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples fail in {name}"
