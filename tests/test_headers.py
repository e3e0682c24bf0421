import pytest

from etl.headers import INDICATORS, Synonym, Vocabulary
from etl.template import indicator_labels
from etl.text import fold


@pytest.mark.parametrize("path, kind, target, measure", [
    (["Lễ khai mạc", "Số lượng"], "indicator", "opening_ceremony", "events"),
    (["Le khai mac", "So nguoi tham du"], "indicator", "opening_ceremony", "participants"),
    (["LỄ KHAI MẠC", "SL"], "indicator", "opening_ceremony", "events"),
    (["Lớp học, tập huấn", "Học viên"], "indicator", "class", "participants"),  # lumped: first that fits
    (["Lớp học, tập huấn", "Số lớp"], "indicator", "class", "events"),
    (["Cuộc thi, sân chơi", "Người dự thi"], "indicator", "contest", "participants"),
    (["Tuyên truyền (băng rôn, khẩu hiệu, tin bài)", "SL"], "indicator", "communication", "events"),
    (["Học tập trực tuyến", "Lượt truy cập"], "indicator", "online_learning", "participants"),
    (["Hội thảo, tọa đàm - Số người"], "indicator", "seminar", "participants"),
    (["Kinh phí (triệu đồng)", "NSNN"], "funding", "state_budget", None),
    (["Kinh phí (1.000đ)", "Xã hội hóa"], "funding", "social", None),
    (["XHH (đồng)"], "funding", "social", None),
    (["STT", "STT"], "column", "stt", None), (["TT"], "column", "stt", None),
    (["Tên đơn vị"], "column", "unit", None), (["Xã, phường, thị trấn"], "column", "unit", None),
    (["Huyện, thị xã, thành phố"], "column", "district", None), (["Đơn vị tính"], "column", "uom", None),
    (["Ghi chú"], "column", "note", None), (["don_vi"], "column", "unit", None), (["gia_tri"], "column", "value", None),
])
def test_header_paths_map_to_canonical_meaning(vocab, path, kind, target, measure):
    meaning = vocab.meaning(path)
    assert (meaning.kind, meaning.target) == (kind, target)
    if measure:
        assert meaning.measure == measure


def test_unknown_header_maps_to_nothing(vocab):
    assert vocab.meaning(["Số hộ gia đình đạt danh hiệu"]).kind is None


@pytest.mark.parametrize("label, target", [
    ("Lễ khai mạc / phát động Tuần lễ", "opening_ceremony"),
    ("Treo băng rôn, khẩu hiệu tuyên truyền", "communication"),
    ("Mở lớp bồi dưỡng kỹ năng sống", "class"), ("Tập huấn khai thác thông tin trên Internet an toàn", "training"),
    ("Tọa đàm", "seminar"), ("Cuộc thi tìm hiểu về học tập suốt đời", "contest"),
    ("Trưng bày, giới thiệu sách", "reading"),
    ("Tham quan di tích", "visit"), ("Tuyên dương, khen thưởng", "commendation"), ("Hoạt động khác", "other"),
])
def test_activity_labels(vocab, label, target):
    assert vocab.label_meaning(label).target == target


@pytest.mark.parametrize("label, target", [
    ("Ngân sách nhà nước: 15.000.000 đồng", "state_budget"), ("Kinh phí ngân sách nhà nước (đồng)", "state_budget"),
    ("Xã hội hóa: Không", "social"), ("Tổng kinh phí", "total"),
])
def test_funding_labels(vocab, label, target):
    meaning = vocab.label_meaning(label)
    assert (meaning.kind, meaning.target) == ("funding", target)


def test_totals_rows(vocab):
    assert all(vocab.is_total(t) for t in ["Tổng cộng", "Cộng", "Cộng:", "TỔNG SỐ", "Toàn tỉnh"])
    assert not any(vocab.is_total(t) for t in ["Công ty Sách Việt", "Phường Tổng Xá"])


def test_template_labels_map_back_to_their_indicator(vocab):
    labels = indicator_labels()
    assert [k for k, _ in labels] == list(INDICATORS)
    for indicator, label in labels:
        assert vocab.meaning([label, "Số người tham gia"]).target == indicator


def test_a_synonym_added_as_data_is_used(vocab):
    extended = Vocabulary(vocab.synonyms + [Synonym("indicator", "reading", "", fold("Ngày hội đọc"))])
    assert vocab.meaning(["Ngày hội đọc", "SL"]).kind != "indicator"
    assert extended.meaning(["Ngày hội đọc", "SL"]).target == "reading"

