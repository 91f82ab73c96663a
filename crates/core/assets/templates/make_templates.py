"""Writes financial-statements-template.xlsx and .csv from one table (see README.md).

Run from this folder: python3 make_templates.py   (needs openpyxl: pip install openpyxl)
"""
import csv
import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

TITLE = "财务报表模板 Financial statements template（示例数据，请替换 example figures: replace them）"
UNIT = ("单位 Unit", "元")
YEARS = [2023, 2024]
# (label in column A, figures per year); a None row is a section heading.
ROWS = [
    ("资产负债表 Balance sheet", None),
    ("货币资金 Cash and cash equivalents", [2000000, 2500000]),
    ("应收账款 Accounts receivable", [4000000, 4200000]),
    ("存货 Inventory", [3000000, 3600000]),
    ("流动资产合计 Total current assets", [12000000, 13500000]),
    ("资产总计 Total assets", [50000000, 54000000]),
    ("流动负债合计 Total current liabilities", [8000000, 9000000]),
    ("负债合计 Total liabilities", [30000000, 32400000]),
    ("所有者权益合计 Total equity", [20000000, 21600000]),
    ("利润表 Income statement", None),
    ("营业收入 Revenue", [80000000, 90000000]),
    ("利息支出 Interest expense", [1000000, 1200000]),
    ("利润总额 Profit before tax", [6000000, 7200000]),
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
    ws.column_dimensions["A"].width = 58
    for col in "BCD":
        ws.column_dimensions[col].width = 18
    ws.freeze_panes = "B4"
    # Fixed dates so regenerating gives the same content.
    stamp = datetime.datetime(2025, 1, 1)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "LoanDesk"
    wb.save(f"{STEM}.xlsx")


if __name__ == "__main__":
    write_csv()
    write_xlsx()
