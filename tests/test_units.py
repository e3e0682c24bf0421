"""Unit names: agencies told from localities."""

import pytest


@pytest.mark.parametrize(("name", "agency"), [
    ("Phòng GD&ĐT Ba Vì", True), ("Phong GD DT Ba Vi", True), ("Báo Nhân Dân", True), ("TTHTCĐ xã Tân Lập", True),
    ("Phong Vân", False), ("Bảo Lộc", False), ("Đại Thành", False),  # communes and a city, not agencies
])
def test_agency_words_keep_their_diacritics_when_the_name_has_them(index, name, agency):
    assert index.is_agency(name) is agency
