"""Printed documents of the partner network, through the same Arabic engine and layout rules as every
other document: the network as a page (the layout the window shows), a meeting's minutes (attendance,
decisions, action items with owners and dates) and an agreement's summary sheet (parties, signatories,
dates, what it links)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop_app import clock
from desktop_app.db import Database
from desktop_app.files import atomic_output
from desktop_app.models import Training
from desktop_app.pdf.network_page import NetworkPage, PageEdge, PageNode, labelled, write_network_page
from desktop_app.pdf.report_text import word
from desktop_app.pdf.table import Column, Section, TableDocument, write_table_document
from desktop_app.services import actions, agreements, meetings
from desktop_app.services.network import Network, NetworkFilter, network
from desktop_app.services.settings import get_setting
from desktop_app.text.dates import format_date, format_range, to_arabic_digits
from desktop_app.text.governorates import governorate_name
from desktop_app.text.isolate import isolate

STATUS_AR = {"present": "حاضر", "late": "متأخر", "absent": "غائب", "excused": "معتذر"}
ACTION_STATUS_AR = {"open": "مفتوح", "done": "تم", "dropped": "أُلغي"}
AGREEMENT_KIND_AR = {"protocol": "بروتوكول تعاون", "memorandum": "مذكرة تفاهم", "partnership": "اتفاق شراكة",
                     "grant": "اتفاق منحة"}  # fmt: skip
AGREEMENT_STATUS_AR = {"draft": "مسودة", "signed": "موقّع", "active": "ساري", "expired": "منتهي الصلاحية",
                       "ended": "منتهٍ"}  # fmt: skip


def _arabic_digits(db: Database) -> bool:
    with db.session_scope() as tx:
        return bool(get_setting(tx, "document_digits") == "arabic")


def _digits(text: str, arabic: bool) -> str:
    return to_arabic_digits(text) if arabic else text


def _printed_on(arabic: bool) -> str:
    return "طُبع في " + format_date(clock.today(), arabic_digits=arabic)


def _filter_lines(db: Database, flt: NetworkFilter, arabic: bool) -> list[str]:
    lines = []
    if flt.start or flt.end:
        first = format_date(flt.start, arabic_digits=arabic) if flt.start else "…"
        last = format_date(flt.end, arabic_digits=arabic) if flt.end else "…"
        lines.append(f"الفترة: {first} – {last}")
    else:
        lines.append("كل الفترات")
    if flt.training_id is not None:
        with db.session_scope() as tx:
            title = tx.scalar(select(Training.title_ar).where(Training.id == flt.training_id))
        lines.append(f"النشاط: {isolate(title or '')}")
    if flt.governorates:
        lines.append("المحافظات: " + "، ".join(governorate_name(g, "ar") or g for g in flt.governorates))
    if flt.kinds:
        lines.append("أنواع الجهات: " + "، ".join(word(k, "ar") for k in flt.kinds))
    return lines


def network_page(db: Database, flt: NetworkFilter, result: Network) -> NetworkPage:
    """The network as plain data for the page: what `tashbeek network -o` and the window print."""
    arabic = _arabic_digits(db)
    names = {n.id: n.name for n in result.nodes}
    # New links stand out for one training or meeting (over all time, most links were new once), as on screen.
    new = {(n.source, n.target) for n in result.new_links} if flt.training_id is not None else set()
    degrees = dict(result.most_connected)
    for edge in result.edges:
        for org in (edge.source, edge.target):
            degrees.setdefault(org, 0)
    nodes = tuple(PageNode(n.id, n.name, n.kind, n.people, n.x, n.y) for n in result.nodes)
    figures = (
        ("جهة", _digits(str(len(result.nodes)), arabic)),
        ("صلة بين جهتين", _digits(str(len(result.edges)), arabic)),
        ("صلة جديدة", _digits(str(len(result.new_links)), arabic)),
        ("جهة وصلنا إليها مرة واحدة", _digits(str(len(result.once)), arabic)),
        ("صلة خامدة منذ ١٢ شهرًا" if arabic else "صلة خامدة منذ 12 شهرًا", _digits(str(len(result.quiet)), arabic)),
    )
    most = tuple(f"{names[i]} ({_digits(str(d), arabic)})" for i, d in result.most_connected)
    new_links = tuple(f"{names[n.source]} — {names[n.target]}" for n in result.new_links[:12])
    kinds = sorted({n.kind for n in result.nodes})
    return NetworkPage(
        "شبكة الشراكات", tuple(_filter_lines(db, flt, arabic)), nodes,
        tuple(PageEdge(e.source, e.target, e.weight, e.organized_only, (e.source, e.target) in new) for e in result.edges),
        figures, (("الأكثر ارتباطًا", most), ("صلات جديدة", new_links)), {k: word(k, "ar") for k in kinds},
        labelled(nodes, degrees), _printed_on(arabic),
    )  # fmt: skip


def write_network_pdf(
    db: Database, flt: NetworkFilter, out: Path, *, replace: bool = False, result: Network | None = None
) -> int:
    """The network as a PDF page, laid out as the window draws it. Returns the number of pages."""
    if result is None or (result.nodes and all(n.x == 0 and n.y == 0 for n in result.nodes)):
        result = network(db, flt)
    page = network_page(db, flt, result)
    with atomic_output(out, replace=replace) as tmp:
        return write_network_page(tmp, page)


def write_minutes(db: Database, meeting_id: int, out: Path, *, replace: bool = False) -> int:
    """A meeting's minutes: who attended, the agenda and minutes, the decisions, and the action
    items with their owners and due dates. Returns the number of pages."""
    details = meetings.meeting_details(db, meeting_id)
    items = actions.list_actions(db, actions.ActionFilter(training_id=meeting_id))
    arabic = _arabic_digits(db)
    row = details.row
    when = format_date(row.date, arabic_digits=arabic, weekday=True)
    if row.start_time:
        when += " — " + _digits(row.start_time.strftime("%H:%M"), arabic)
    place = "عبر الإنترنت" if row.online else (row.venue or "")
    lines = [isolate(row.title), " — ".join(x for x in (when, isolate(place)) if x)]
    if row.organizer:
        lines.append("الجهة المنظمة: " + isolate(row.organizer))
    rows: list[list[str] | Section] = [Section("الحضور")]
    for n, person in enumerate(details.people, 1):
        rows.append([_digits(str(n), arabic), person.name, person.organization or "", STATUS_AR.get(person.status, "")])
    if details.agenda:
        rows.append(Section("جدول الأعمال"))
        rows += [["", line, "", ""] for line in meetings.decision_lines(details.agenda)]
    if details.minutes:
        rows.append(Section("المحضر"))
        rows += [["", line, "", ""] for line in details.minutes.splitlines() if line.strip()]
    if details.decisions:
        rows.append(Section("القرارات"))
        rows += [[_digits(str(n), arabic), line, "", ""] for n, line in enumerate(details.decisions, 1)]
    if items:
        rows.append(Section("بنود المتابعة"))
        for n, item in enumerate(items, 1):
            due = format_date(item.due_date, arabic_digits=arabic) if item.due_date else ""
            state = "متأخر" if item.overdue else ACTION_STATUS_AR.get(item.status, item.status)
            rows.append([_digits(str(n), arabic), item.title, item.owner, " — ".join(x for x in (due, state) if x)])
    present = sum(1 for p in details.people if p.status in ("present", "late"))
    summary = f"حضر {_digits(str(present), arabic)} من {_digits(str(len(details.people)), arabic)} مدعوًا"
    document = TableDocument(
        "محضر اجتماع", (*lines, summary),
        (Column("#", 0.5, "center"), Column("البند / الاسم", 4.6), Column("الجهة / المسؤول", 2.8),
         Column("الحالة / الموعد", 1.9)),
        tuple(rows), footer_note=_printed_on(arabic), arabic_digits=arabic,
        closing=("توقيع مقرر الاجتماع: ........................",),
    )  # fmt: skip
    with atomic_output(out, replace=replace) as tmp:
        return write_table_document(tmp, document)


def write_agreement_summary(db: Database, agreement_id: int, out: Path, *, replace: bool = False) -> int:
    """An agreement's summary sheet: kind, status, dates, the parties with their signatories, the
    summary and what it is linked to. Returns the number of pages."""
    a = agreements.get_agreement(db, agreement_id)
    arabic = _arabic_digits(db)

    def day(value: object) -> str:
        return format_date(value, arabic_digits=arabic) if value else "—"  # type: ignore[arg-type]

    lines = [
        f"{AGREEMENT_KIND_AR.get(a.kind, a.kind)} — {AGREEMENT_STATUS_AR.get(a.status, a.status)}",
        f"تاريخ التوقيع: {day(a.signed_on)}",
        "السريان: " + (format_range(a.start_date, a.end_date, arabic_digits=arabic)
                       if a.start_date and a.end_date else f"{day(a.start_date)} – {day(a.end_date)}"),
    ]  # fmt: skip
    rows: list[list[str] | Section] = [Section("الأطراف")]
    for n, party in enumerate(a.parties, 1):
        rows.append([_digits(str(n), arabic), party.organization, party.signatory or "", party.signatory_title or ""])
    if a.summary:
        rows.append(Section("الملخص"))
        rows += [["", line, "", ""] for line in a.summary.splitlines() if line.strip()]
    if a.trainings or a.initiatives:
        rows.append(Section("مرتبط بـ"))
        rows += [["", title, "", ""] for title in (*a.trainings, *a.initiatives)]
    if a.document_name:
        rows.append(Section("النسخة الموقعة"))
        rows.append(["", a.document_name, "", ""])
    document = TableDocument(
        isolate(a.title), tuple(lines),
        (Column("#", 0.5, "center"), Column("الجهة / البند", 4.2), Column("الموقّع عنها", 2.8),
         Column("الصفة", 2.3)),
        tuple(rows), footer_note=_printed_on(arabic), arabic_digits=arabic,
    )  # fmt: skip
    with atomic_output(out, replace=replace) as tmp:
        return write_table_document(tmp, document)


# ---------------------------------------------------------------- spreadsheets

NETWORK_EXPORTS = ("agreements", "initiatives", "meetings", "actions", "links")


def export_network_table(db: Database, what: str, path: Path, *, replace: bool = False) -> int:
    """Agreements, initiatives, meetings, action items or the network's links to .xlsx or .csv (the
    extension decides), header first, in Arabic like the other exports. Returns the number of rows."""
    from desktop_app.services import initiatives
    from desktop_app.services.tabular import Cell, write_table

    rows: list[list[Cell]]
    if what == "agreements":
        headers = ["العنوان", "النوع", "الحالة", "تاريخ التوقيع", "يسري من", "حتى", "الأطراف", "الموقعون", "الملخص",
                   "النسخة الموقعة", "المعرّف"]  # fmt: skip
        rows = [[a.title, AGREEMENT_KIND_AR.get(a.kind, a.kind), AGREEMENT_STATUS_AR.get(a.status, a.status), a.signed_on,
                 a.start_date, a.end_date, "، ".join(p.organization for p in a.parties),
                 "، ".join(f"{p.signatory} ({p.signatory_title or ''})" for p in a.parties if p.signatory),
                 a.summary, a.document_name, a.uid] for a in agreements.list_agreements(db, include_archived=True)]  # fmt: skip
        title = "الاتفاقات"
    elif what == "initiatives":
        headers = ["الاسم", "الحالة", "الجهة القائدة", "تبدأ", "تنتهي", "الشركاء", "المحافظات", "الأشخاص", "الأهداف", "المعرّف"]
        rows = [[i.name, i.status, i.lead_organization, i.start_date, i.end_date,
                 "، ".join(f"{n} ({r})" if r else n for _o, n, r in i.partners),
                 "، ".join(governorate_name(g, "ar") or g for g in i.governorates),
                 "، ".join(n for _p, n, _r in i.people), i.goals, i.uid]
                for i in initiatives.list_initiatives(db, include_archived=True)]  # fmt: skip
        title = "المبادرات"
    elif what == "meetings":
        headers = ["التاريخ", "يبدأ", "العنوان", "المكان", "عبر الإنترنت", "الجهة المنظمة", "المدعوون", "الحضور",
                   "القرارات", "بنود مفتوحة", "المعرّف"]  # fmt: skip
        rows = [[m.date, m.start_time.strftime("%H:%M") if m.start_time else None, m.title, m.venue,
                 "نعم" if m.online else "لا", m.organizer, m.invited, m.attended, m.decisions, m.open_actions, m.uid]
                for m in meetings.list_meetings(db, include_archived=True)]  # fmt: skip
        title = "الاجتماعات"
    elif what == "actions":
        headers = ["ماذا", "الجهة المسؤولة", "الشخص المسؤول", "الموعد", "الحالة", "تاريخ الإنجاز", "المصدر", "ملاحظات",
                   "المعرّف"]  # fmt: skip
        rows = [[a.title, a.owner_organization, a.owner_person, a.due_date,
                 "متأخر" if a.overdue else ACTION_STATUS_AR.get(a.status, a.status), a.done_on, a.source_title, a.notes,
                 a.uid] for a in actions.list_actions(db)]  # fmt: skip
        title = "بنود المتابعة"
    elif what == "links":
        result = network(db, with_layout=False)
        names = {n.id: n.name for n in result.nodes}
        new = {(n.source, n.target): n for n in result.new_links}
        quiet = {(q.source, q.target) for q in result.quiet}
        headers = ["الجهة", "الجهة", "عدد مرات الالتقاء", "أول لقاء", "آخر لقاء", "صلة جديدة عبر", "خامدة",
                   "المنظم فقط", "الأسباب"]  # fmt: skip
        kinds = {"training": "تدريب", "meeting": "اجتماع", "organized": "نظّمه", "co_organized": "شارك في تنظيمه",
                 "agreement": "اتفاق", "initiative": "مبادرة"}  # fmt: skip
        rows = []
        for e in result.edges:
            link = new.get((e.source, e.target))
            via = f"{kinds[link.via_kind]} {result.titles.get((link.via_kind, link.via_id), link.via_id)}" if link else None
            rows.append([names[e.source], names[e.target], e.weight, e.reasons[0].date, e.reasons[-1].date, via,
                         "نعم" if (e.source, e.target) in quiet else "لا", "نعم" if e.organized_only else "لا",
                         "، ".join(f"{kinds[r.kind]} {r.id}" for r in e.reasons)])  # fmt: skip
        title = "الصلات"
    else:
        raise ValueError(what)
    write_table(path, headers, rows, sheet_title=title, replace=replace)
    return len(rows)
