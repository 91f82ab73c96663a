"""Writes financial-statements-template.xlsx and .csv from one table (see README.md).

Run from this folder: python3 make_templates.py   (needs openpyxl: pip install openpyxl)
"""
import csv
import datetime
import io
import zipfile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter
from openpyxl.styles import Alignment, Font, PatternFill

TITLE = "财务报表模板 Financial statements template（示例数据，请替换 example figures: replace them）"
UNIT = ("单位 Unit", "元")
YEARS = [2023, 2024]
# (label in column A, figures per year); a None row is a section heading.
ROWS = [
    ("资产负债表 Balance sheet", None),
    ("货币资金 Cash and cash equivalents", [2000000, 2500000]),
    ("应收账款 Accounts receivable", [4000000, 4200000]),
    ("预付账款 Prepayments", [800000, 1000000]),
    ("存货 Inventory", [3000000, 3600000]),
    ("流动资产合计 Total current assets", [12000000, 13500000]),
    ("资产总计 Total assets", [50000000, 54000000]),
    ("短期借款 Short-term borrowings", [3000000, 3500000]),
    ("应付账款 Accounts payable", [2500000, 2800000]),
    ("预收账款 Advances from customers", [600000, 900000]),
    ("一年内到期的非流动负债 Non-current liabilities due within one year", [1000000, 1000000]),
    ("流动负债合计 Total current liabilities", [8000000, 9000000]),
    ("长期借款 Long-term borrowings", [15000000, 16000000]),
    ("应付债券 Bonds payable", [5000000, 5000000]),
    ("负债合计 Total liabilities", [30000000, 32400000]),
    ("所有者权益合计 Total equity", [20000000, 21600000]),
    ("利润表 Income statement", None),
    ("营业收入 Revenue", [80000000, 90000000]),
    ("营业成本 Cost of sales", [64000000, 71100000]),
    ("财务费用 Finance costs", [950000, 1130000]),
    ("利息支出 Interest expense", [1000000, 1200000]),
    ("利润总额 Profit before tax", [6000000, 7200000]),
    ("所得税费用 Income tax expense", [1500000, 1800000]),
    ("净利润 Net profit", [4500000, 5400000]),
    ("现金流量 Cash flow", None),
    ("折旧与摊销 Depreciation and amortisation", [1500000, 1600000]),
    ("经营活动现金流量净额 Net cash flow from operating activities", [5000000, 6300000]),
]
HEADER = ("项目 Item", *YEARS)
STEM = "financial-statements-template"


def write_csv():
    # UTF-8 with BOM: Excel on Chinese Windows then shows the labels correctly.
    with open(f"{STEM}.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow([TITLE])
        w.writerow(UNIT)
        w.writerow(HEADER)
        for label, values in ROWS:
            w.writerow([label, *(values or [])])


def write_xlsx():
    wb = Workbook()
    ws = wb.active
    ws.title = "财务报表 Statements"
    ws.append([TITLE])
    ws.append(list(UNIT))
    ws.append(list(HEADER))
    for label, values in ROWS:
        ws.append([label, *(values or [])])
    bold = Font(bold=True)
    ws["A1"].font = Font(bold=True, size=13)
    for cell in ws[3]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for row in ws.iter_rows(min_row=4):
        if row[1].value is None:
            row[0].font = bold
        for cell in row[1:]:
            cell.number_format = "#,##0.00"
            cell.alignment = Alignment(horizontal="right")
    ws.column_dimensions["A"].width = 66
    for col in "BCD":
        ws.column_dimensions[col].width = 18
    ws.freeze_panes = "B4"
    # Fixed dates so regenerating gives the same bytes: Workbook.save() stamps "modified" with
    # the time of saving and the zip entries with the time of writing, so the parts are written
    # here and packed again with the same stamp.
    stamp = datetime.datetime(2025, 1, 1)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "LoanDesk"
    written = io.BytesIO()
    with zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    with zipfile.ZipFile(written) as parts, zipfile.ZipFile(
        f"{STEM}.xlsx", "w", zipfile.ZIP_DEFLATED
    ) as out:
        for name in parts.namelist():
            entry = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(entry, parts.read(name))


if __name__ == "__main__":
    write_csv()
    write_xlsx()
