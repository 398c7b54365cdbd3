// Worker that reads an .xlsx workbook off the page's thread: loads the reader bundle and
// xlsx.js from this site, converts the first sheet to CSV text and posts it back, or posts
// {error} with the reader's message.
"use strict";
importScripts("read-excel-file.min.js", "xlsx.js");
self.onmessage = function (e) {
  self.hemisXlsx.convert(e.data).then(function (result) {
    self.postMessage(result);
  }, function (err) {
    self.postMessage({ error: String((err && err.message) || err) });
  });
};
