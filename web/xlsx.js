// window.hemisXlsx: turns the first sheet of an .xlsx workbook into the CSV text the CSV import
// reads, so the client's import, findings and row numbers follow one path for both kinds of file.
// The reader (read-excel-file, MIT, from npm) is loaded from this site only when first needed.
"use strict";
(function () {
  const DAY_MS = 86400000;
  let loading = null;

  function loadReader() {
    if (window.readXlsxFile) return Promise.resolve(window.readXlsxFile);
    if (!loading) {
      loading = new Promise(function (ok, fail) {
        const s = document.createElement("script");
        s.src = "read-excel-file.min.js";
        s.onload = function () { ok(window.readXlsxFile); };
        s.onerror = function () { loading = null; fail(new Error("read-excel-file.min.js")); };
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  const two = function (n) { return String(n).padStart(2, "0"); };

  // The reader turns a date serial into milliseconds since 1970 counted in UTC, so the calendar
  // fields are read back in UTC: the browser's own time zone never shifts the day. Whole days
  // become dd/mm/yyyy; a time of day gives the ISO date-time the update-time fields take.
  function formatDate(d) {
    const ms = Math.round(d.getTime() / 1000) * 1000;  // serials carry float noise below 1 s
    const u = new Date(ms);
    const date = two(u.getUTCDate()) + "/" + two(u.getUTCMonth() + 1) + "/" + u.getUTCFullYear();
    if (ms % DAY_MS === 0) return date;
    return u.getUTCFullYear() + "-" + two(u.getUTCMonth() + 1) + "-" + two(u.getUTCDate()) + "T" +
      two(u.getUTCHours()) + ":" + two(u.getUTCMinutes()) + ":" + two(u.getUTCSeconds());
  }

  // A line break inside a cell (Alt+Enter) becomes a space: fields are single-line, and a quoted
  // line break would shift every later row number away from the spreadsheet's.
  function cellText(v) {
    if (v === null || v === undefined) return "";
    if (v instanceof Date) return formatDate(v);
    return String(v).replace(/\r\n|\r|\n/g, " ");
  }

  function csvField(s) {
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  // Row i of `rows` is spreadsheet row i + 1 (the reader keeps empty rows in place). Empty rows
  // become blank lines, which the CSV reader skips while still counting them, so every finding
  // carries the spreadsheet's own row number.
  function rowsToCsv(rows) {
    const lines = rows.map(function (row) {
      const cells = row.map(cellText);
      return cells.every(function (c) { return c.trim() === ""; }) ? "" : cells.map(csvField).join(",");
    });
    return lines.join("\n") + "\n";
  }

  // Resolves to {csv, sheet, rows}; numbers are kept as written in the file (parseNumber), text
  // cells untouched (trim: false), so ids such as 001203012345 keep their leading zeros.
  function toCsv(bytes) {
    return loadReader().then(function (read) {
      return read(bytes, { sheets: [1], trim: false, parseNumber: function (s) { return s; } });
    }).then(function (sheets) {
      const first = sheets[0];
      return { csv: rowsToCsv(first.data), sheet: first.sheet, rows: first.data.length };
    });
  }

  function isXlsx(name) { return /\.xlsx$/i.test(name || ""); }

  window.hemisXlsx = { toCsv: toCsv, isXlsx: isXlsx, formatDate: formatDate };
})();
