"""The product's date and time formats, one module per interface language (FORMAT_MODULE_PATH).

Every page, PDF, e-mail and admin list names a format (`|date:"DATE_FORMAT"`,
`formats.date_format(value, "DATETIME_FORMAT")`), never a pattern, so a language has one way of
writing a date. Day, month name, year: never an all-numeric 03/02 that reads two ways. Data
exports (CSV, XLSX, file names, query strings, form inputs) use ISO 8601 and do not come here.
"""
