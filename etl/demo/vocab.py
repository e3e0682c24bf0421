"""Wording found on real forms: header schemes, activity labels, letterheads, signers.

Everything the ETL's synonym table must recognise lives here, so `all_labels()` can list it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .figures import INDICATORS

EV, PP, NSNN, XHH = "events", "participants", "nsnn", "xhh"
LONG_HEAD = {"vi": ("Đơn vị", "Năm", "Chỉ tiêu", "Đo lường", "Giá trị"),
             "snake": ("don_vi", "nam", "chi_tieu", "do_luong", "gia_tri")}


@dataclass(frozen=True)
class Sub:
    """A leaf column: its label, what it measures, and which share of a split value it holds."""

    label: str
    measure: str
    part: int = 0
    parts: int = 1


@dataclass(frozen=True)
class Group:
    """Columns under one group label (the upper header row) for one indicator (or funding)."""

    label: str
    key: str
    subs: tuple[Sub, ...]


@dataclass(frozen=True)
class Scheme:
    """A consolidated-table header: groups, header depth, and indicators lumped into others."""

    name: str
    rows: int
    groups: tuple[Group, ...]
    fold: dict[str, str]
    top_label: str = ""           # 3-row schemes: label over all activity groups
    money_subs: tuple[str, str] = ("NSNN", "XHH")

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(g.key for g in self.groups)


def _g(label: str, key: str, *subs: tuple) -> Group:
    return Group(label, key, tuple(Sub(*s) for s in subs))


SCHEMES = {
    "std2": Scheme("std2", 2, (
        _g("Lễ khai mạc", "opening_ceremony", ("Số lượng", EV), ("Số người tham dự", PP)),
        _g("Tuyên truyền (băng rôn, khẩu hiệu, tin bài)", "communication", ("Số lượng", EV)),
        _g("Lớp học, tập huấn", "class", ("Số lớp", EV), ("Học viên", PP)),
        _g("Hội thảo, tọa đàm", "seminar", ("Số buổi", EV), ("Số người", PP)),
        _g("Cuộc thi, sân chơi", "contest", ("SL", EV), ("Người dự thi", PP)),
        _g("Trưng bày, giới thiệu sách", "reading", ("SL", EV), ("Số lượt người", PP)),
        _g("Tham quan bảo tàng, di tích", "visit", ("SL", EV), ("Số người", PP)),
        _g("Tuyên dương, khen thưởng", "commendation", ("SL", EV), ("Số người", PP)),
        _g("Học tập trực tuyến", "online_learning", ("Số chương trình", EV), ("Số lượt người", PP)),
        _g("Hoạt động khác", "other", ("SL", EV), ("Số người", PP)),
    ), fold={"training": "class"}),
    "three": Scheme("three", 3, (
        _g("Lễ khai mạc, phát động", "opening_ceremony", ("SL", EV), ("Số lượt người", PP)),
        _g("Tuyên truyền", "communication", ("Băng rôn, khẩu hiệu", EV, 0, 2), ("Tin bài", EV, 1, 2)),
        _g("Lớp học", "class", ("Số lớp", EV), ("Học viên", PP)),
        _g("Tập huấn", "training", ("Số buổi", EV), ("Số người", PP)),
        _g("Hội thảo, tọa đàm", "seminar", ("Số buổi", EV), ("Số người", PP)),
        _g("Cuộc thi, sân chơi", "contest", ("Số cuộc", EV), ("Người dự thi", PP)),
        _g("Trưng bày, giới thiệu sách", "reading", ("SL", EV), ("Số lượt người", PP)),
        _g("Tham quan bảo tàng, di tích", "visit", ("SL", EV), ("Số người", PP)),
        _g("Tuyên dương, khen thưởng", "commendation", ("SL", EV), ("Số người", PP)),
        _g("Hoạt động khác", "other", ("SL", EV), ("Số lượt người", PP)),
    ), fold={"online_learning": "other"}, top_label="Kết quả tổ chức các hoạt động trong Tuần lễ",
        money_subs=("Ngân sách nhà nước", "Xã hội hóa")),
    "split": Scheme("split", 2, (
        _g("Lễ khai mạc", "opening_ceremony", ("Số lượng", EV), ("Người dự trực tiếp", PP, 0, 2),
           ("Người dự trực tuyến", PP, 1, 2)),
        _g("Tuyên truyền", "communication", ("Băng rôn, khẩu hiệu", EV, 0, 2), ("Tin bài", EV, 1, 2)),
        _g("Lớp học", "class", ("Số lớp", EV), ("Học viên", PP)),
        _g("Tập huấn", "training", ("Số lớp", EV), ("Học viên", PP)),
        _g("Học tập trực tuyến", "online_learning", ("Số chương trình", EV), ("Số người học", PP)),
        _g("Hội thảo, tọa đàm", "seminar", ("Số buổi", EV), ("Số người", PP)),
        _g("Cuộc thi, sân chơi", "contest", ("Số cuộc thi", EV), ("Người dự thi", PP)),
        _g("Trưng bày, giới thiệu sách", "reading", ("SL", EV), ("Số lượt người", PP)),
        _g("Tham quan bảo tàng, di tích", "visit", ("SL", EV), ("Số người", PP)),
        _g("Tuyên dương, khen thưởng", "commendation", ("SL", EV), ("Số người", PP)),
        _g("Hoạt động khác", "other", ("SL", EV), ("Số người", PP)),
    ), fold={}),
    "flat1": Scheme("flat1", 1, (
        _g("Lễ khai mạc", "opening_ceremony", ("Lễ khai mạc (SL)", EV), ("Lễ khai mạc (số người)", PP)),
        _g("Tuyên truyền", "communication", ("Tuyên truyền (tin bài, băng rôn)", EV)),
        _g("Lớp học, tập huấn", "class", ("Lớp học, tập huấn (số lớp)", EV), ("Lớp học, tập huấn (học viên)", PP)),
        _g("Hội thảo, tọa đàm", "seminar", ("Hội thảo, tọa đàm (số buổi)", EV), ("Hội thảo, tọa đàm (số người)", PP)),
        _g("Cuộc thi", "contest", ("Cuộc thi (SL)", EV), ("Cuộc thi (người dự thi)", PP)),
        _g("Trưng bày sách", "reading", ("Trưng bày, giới thiệu sách (SL)", EV),
           ("Trưng bày, giới thiệu sách (lượt người)", PP)),
        _g("Tham quan", "visit", ("Tham quan di tích (SL)", EV), ("Tham quan di tích (số người)", PP)),
        _g("Khen thưởng", "commendation", ("Tuyên dương, khen thưởng (SL)", EV),
           ("Tuyên dương, khen thưởng (số người)", PP)),
        _g("Khác", "other", ("Hoạt động khác (SL)", EV), ("Hoạt động khác (số người)", PP)),
    ), fold={"training": "class", "online_learning": "other"}),
}

MONEY_UNITS = {"trieu": "triệu đồng", "dong": "đồng", "nghin": "nghìn đồng", "1000d": "1.000đ", "trd": "tr.đ",
               "cell": ""}
MONEY_DIVISOR = {"trieu": 1_000_000, "trd": 1_000_000, "dong": 1, "nghin": 1_000, "1000d": 1_000, "cell": 1}

# Labels for system exports (flat and long CSV): one per indicator.
EXPORT_LABELS = {
    "opening_ceremony": "Lễ khai mạc", "communication": "Tuyên truyền", "class": "Lớp học",
    "online_learning": "Học tập trực tuyến", "training": "Tập huấn", "seminar": "Hội thảo, tọa đàm",
    "contest": "Cuộc thi, sân chơi", "reading": "Trưng bày, giới thiệu sách",
    "visit": "Tham quan bảo tàng, di tích", "commendation": "Tuyên dương, khen thưởng", "other": "Hoạt động khác",
}

# Activity rows of single-unit forms; several wordings per indicator, and two-row splits.
ACTIVITY_LABELS = {
    "opening_ceremony": ("Lễ khai mạc / phát động Tuần lễ", "Tổ chức Lễ khai mạc Tuần lễ",
                         "Lễ phát động hưởng ứng Tuần lễ HTSĐ"),
    "communication": ("Treo băng rôn, khẩu hiệu tuyên truyền", "Tuyên truyền bằng xe loa, xe hoa",
                      "Tuyên truyền trên mạng xã hội (Zalo, Facebook)"),
    "class": ("Mở lớp bồi dưỡng kỹ năng sống", "Lớp xóa mù chữ, dạy nghề ngắn hạn", "Lớp tin học, ngoại ngữ"),
    "online_learning": ("Học tập trực tuyến, học liệu mở", "Chương trình học tập trực tuyến"),
    "training": ("Tập huấn khai thác thông tin trên Internet an toàn", "Tập huấn kỹ năng số cho người dân"),
    "seminar": ("Tọa đàm", "Hội thảo, diễn đàn", "Tọa đàm về xây dựng xã hội học tập"),
    "contest": ("Cuộc thi tìm hiểu về học tập suốt đời", "Cuộc thi, sân chơi", "Hội thi kể chuyện theo sách"),
    "reading": ("Trưng bày, giới thiệu sách", "Ngày hội đọc sách, tặng sách",
                "Xây dựng tủ sách lớp học, không gian đọc"),
    "visit": ("Tham quan di tích", "Tham quan bảo tàng, di tích lịch sử"),
    "commendation": ("Tuyên dương, khen thưởng", "Khen thưởng tập thể, cá nhân tiêu biểu"),
    "other": ("Hoạt động khác", "Các hoạt động khác (văn nghệ, thể thao)"),
}
SPLIT_ACTIVITIES = {
    "communication": ("Treo băng rôn, khẩu hiệu", "Tin, bài tuyên truyền trên cổng thông tin điện tử"),
    "class": ("Mở lớp bồi dưỡng kỹ năng sống", "Lớp tin học cho người lao động"),
}
SINGLE_HEADERS = {
    "std": ("STT", "Nội dung hoạt động", "Số lượng", "Số người tham gia", "Ghi chú"),
    "tt": ("TT", "Hoạt động", "Số lượng (cuộc, buổi, lớp)", "Số lượt người tham gia", "Ghi chú"),
    "online": ("STT", "Nội dung hoạt động", "Số lượng", "Số người tham gia", "Trực tiếp", "Trực tuyến", "Ghi chú"),
}
FUNDING_ROWS = ("Kinh phí ngân sách nhà nước", "Kinh phí xã hội hóa")
FUNDING_LINES = ("Ngân sách nhà nước", "Xã hội hóa")

UNIT_LABELS = {
    "district": ("Đơn vị", "Huyện, thị xã, thành phố", "Tên đơn vị", "Quận, huyện"),
    "commune": ("Đơn vị", "Xã, phường, thị trấn", "Tên đơn vị", "Phường, xã"),
}
TOTAL_LABELS = ("Tổng cộng", "Cộng", "Tổng số", "TỔNG CỘNG")
NOTES = ("Báo cáo trễ hạn", "Lồng ghép Ngày hội đọc sách", "Tổ chức trực tuyến", "Chưa tổ chức lễ khai mạc")
THEMES = {
    2020: "Chuyển đổi số thúc đẩy học tập suốt đời",
    2021: "Chuyển đổi số và cơ hội học tập suốt đời cho tất cả mọi người trong bối cảnh đại dịch COVID-19",
    2023: "Xây dựng năng lực tự học trong kỷ nguyên số",
}
SIGNERS = (
    "Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Nam", "Phạm Thị Thu Hà", "Võ Thị Chính",
    "Huỳnh Văn Tâm", "Đặng Minh Khoa", "Bùi Thị Lan", "Ngô Quốc Việt", "Dương Thị Mỹ Linh",
    "Châu Văn Lực", "Hồ Thị Kim Oanh", "Trương Công Danh", "Lý Thị Hồng Nhung",
)
GUIDE_LINES = (
    "HƯỚNG DẪN ĐIỀN BIỂU MẪU",
    "1. Mỗi đơn vị điền số liệu vào sheet Báo cáo, không thêm bớt cột.",
    "2. Số lượng ghi số nguyên; kinh phí ghi theo đơn vị tính ở tiêu đề cột.",
    "3. Đơn vị không tổ chức hoạt động thì để trống hoặc ghi \"-\".",
    "4. Gửi file về Sở GDĐT trước hạn quy định.",
)


def all_labels() -> dict[str, list[str]]:
    """Every header string and activity label the generator can write, for the ETL's synonym table."""
    headers = {"STT", "TT", "Ghi chú", "Kinh phí", "NSNN", "XHH", "Ngân sách nhà nước", "Xã hội hóa"}
    for scheme in SCHEMES.values():
        headers.update(scheme.money_subs)
        if scheme.top_label:
            headers.add(scheme.top_label)
        for group in scheme.groups:
            if scheme.rows > 1:
                headers.add(group.label)
            headers.update(sub.label for sub in group.subs)
    headers.update(f"Kinh phí ({unit})" for unit in MONEY_UNITS.values() if unit)
    headers.update(f"{m} ({unit})" for m in ("NSNN", "XHH") for unit in MONEY_UNITS.values() if unit)
    for labels in (*UNIT_LABELS.values(), *SINGLE_HEADERS.values(), TOTAL_LABELS):
        headers.update(labels)
    activities = {label for labels in ACTIVITY_LABELS.values() for label in labels}
    activities.update(label for labels in SPLIT_ACTIVITIES.values() for label in labels)
    activities.update(f"{label} ({unit})" for label in FUNDING_ROWS for unit in ("đồng", "triệu đồng"))
    headers.update(("Kinh phí NSNN", "Kinh phí XHH"))  # one-row header with the unit written in the cells
    exports = {f"{EXPORT_LABELS[k]} - {m}" for k in INDICATORS for m in ("Số lượng", "Số người")}
    exports.update(("Năm", "Tỉnh", "Mã đơn vị", "Đơn vị", "NSNN (đồng)", "XHH (đồng)"))
    exports.update(h for head in LONG_HEAD.values() for h in head)
    return {"headers": sorted(headers), "activities": sorted(activities), "exports": sorted(exports),
            "long_labels": sorted(EXPORT_LABELS.values()) + ["Kinh phí NSNN", "Kinh phí XHH"],
            "long_measures": ["Số lượng", "Số người", "đồng"],
            "funding_lines": [f"- {label}: " for label in FUNDING_LINES],
            "sections": ["I. KẾT QUẢ TỔ CHỨC CÁC HOẠT ĐỘNG", "II. KINH PHÍ TỔ CHỨC", "II. ĐÁNH GIÁ CHUNG",
                         "III. ĐÁNH GIÁ CHUNG"]}
