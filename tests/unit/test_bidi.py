"""The values a journey hands to Firefox's scripts and gets back (guidedev.bidi), without a browser."""

from __future__ import annotations

import math

import pytest

from guidedev.bidi import BidiError, local_value, python_value


def test_python_values_go_as_bidi_local_values():
    assert local_value(None) == {"type": "null"}
    assert local_value(True) == {"type": "boolean", "value": True}  # not a number: bool is an int in Python
    assert local_value(3) == {"type": "number", "value": 3}
    assert local_value("주문 번호") == {"type": "string", "value": "주문 번호"}
    assert local_value(["a", 1]) == {
        "type": "array",
        "value": [{"type": "string", "value": "a"}, {"type": "number", "value": 1}],
    }
    assert local_value({"k": None}) == {"type": "object", "value": [["k", {"type": "null"}]]}
    assert local_value({"sharedId": "f.1.d.2.e.3"}) == {"sharedId": "f.1.d.2.e.3"}  # an element, handed back


def test_a_value_with_no_bidi_form_is_refused():
    with pytest.raises(TypeError):
        local_value(object())


def test_remote_values_come_back_as_python():
    assert python_value({"type": "undefined"}) is None
    assert python_value({"type": "string", "value": "가송장"}) == "가송장"
    assert python_value({"type": "number", "value": "-0"}) == 0.0
    assert python_value({"type": "number", "value": "Infinity"}) == math.inf
    assert math.isnan(python_value({"type": "number", "value": "NaN"}))
    rows = {"type": "array", "value": [{"type": "object", "value": [["y", {"type": "number", "value": 12.5}]]}]}
    assert python_value(rows) == [{"y": 12.5}]
    assert python_value({"type": "node", "sharedId": "x", "value": {"nodeType": 1}}) == {"sharedId": "x"}
    assert python_value({"type": "map", "value": [[{"type": "number", "value": 1}, {"type": "null"}]]}) == {1: None}


def test_a_remote_value_python_cannot_hold_is_an_error():
    with pytest.raises(BidiError, match="function"):
        python_value({"type": "function"})
