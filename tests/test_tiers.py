"""The test tiers keep their promises: a unit test starts no process (tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess

import pytest


def test_a_unit_test_cannot_start_a_process():
    with pytest.raises(AssertionError, match="unit test started a process"):
        subprocess.run(["true"], check=False)
    with pytest.raises(AssertionError, match="unit test started a process"):
        os.system("true")


@pytest.mark.build
def test_a_build_test_may():
    assert subprocess.run(["true"], check=False).returncode == 0


@pytest.fixture(scope="module")
def a_module_wide_program():
    return subprocess.run(["true"], check=False)


@pytest.mark.xfail(raises=AssertionError, strict=True, reason="a unit test's fixtures may not start one either")
def test_a_unit_tests_fixture_cannot_start_a_process_either(a_module_wide_program):
    assert a_module_wide_program.returncode == 0
