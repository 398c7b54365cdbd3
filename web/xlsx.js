// hemisXlsx: turns the first sheet of an .xlsx workbook into the CSV text the CSV import reads,
// so the client's import, findings and row numbers follow one path for both kinds of file.
// The reader (read-excel-file, MIT, from npm) runs in a worker (xlsx-worker.js, which loads this
// file too) so a large workbook never stops the page from drawing; both come from this site.
"use strict";
(function (root) {
  const DAY_MS = 86400000;
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
      const empty = cells.every(function (c) { return c.trim() === ""; });
      return empty ? "" : cells.map(csvField).join(",");
    });
    return lines.join("\n") + "\n";
  }

  // Reads with the reader loaded in this context. Numbers are kept as written in the file
  // (parseNumber), text cells untouched (trim: false), so ids such as 001203012345 keep their
  // leading zeros. Resolves to {csv, sheet, rows}.
  function convert(bytes) {
    const options = { sheets: [1], trim: false, parseNumber: function (s) { return s; } };
    return root.readXlsxFile(bytes, options).then(function (sheets) {
      const first = sheets[0];
      return { csv: rowsToCsv(first.data), sheet: first.sheet, rows: first.data.length };
    });
  }

  // In the page: hands the bytes to a worker and resolves to what convert() gives there.
  function toCsv(bytes) {
    return new Promise(function (ok, fail) {
      const worker = new Worker("xlsx-worker.js");
      worker.onmessage = function (e) {
        worker.terminate();
        if (e.data.error) fail(new Error(e.data.error)); else ok(e.data);
      };
      worker.onerror = function (e) {
        worker.terminate();
        fail(new Error(e.message || "xlsx-worker.js"));
      };
      worker.postMessage(bytes, [bytes]);
    });
  }

  function isXlsx(name) { return /\.xlsx$/i.test(name || ""); }

  root.hemisXlsx = { toCsv: toCsv, convert: convert, isXlsx: isXlsx, formatDate: formatDate };
})(typeof window !== "undefined" ? window : self);
