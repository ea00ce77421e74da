"""Editing in a spreadsheet: the project ⇄ one workbook (openpyxl), with the cell behind every value."""
