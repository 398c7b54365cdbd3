// Writes a small .xlsx workbook by hand for the import tests: one sheet, shared and inline
// strings, plain numbers and date serials with a date format, rows at given row numbers (so gaps
// can be left), zipped with node's zlib. Only what an XLSX reader needs; no styling beyond dates.
import { crc32, deflateRawSync } from "node:zlib";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function columnName(i) {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + (n - 1) % 26) + s;
  return s;
}

// Days since 1899-12-30 (Excel's 1900 system, valid from March 1900 on).
export function excelSerial(year, month, day) {
  return Date.UTC(year, month - 1, day) / 86400000 + 25569;
}

// A cell: a string goes to the shared-string table; {inline: "…"} is an inline string,
// {number: n} a plain number, {date: serial} a number shown with a date format, null is empty.
function cellXml(cell, ref, shared) {
  if (cell === null || cell === undefined || cell === "") return "";
  if (typeof cell === "string") {
    if (!shared.has(cell)) shared.set(cell, shared.size);
    return `<c r="${ref}" t="s"><v>${shared.get(cell)}</v></c>`;
  }
  if ("inline" in cell) return `<c r="${ref}" t="inlineStr"><is><t>${esc(cell.inline)}</t></is></c>`;
  if ("date" in cell) return `<c r="${ref}" s="1"><v>${cell.date}</v></c>`;
  return `<c r="${ref}"><v>${cell.number}</v></c>`;
}

function sheetXml(rows, shared) {
  const body = rows.map(({ row, cells }) => {
    const cs = cells.map((c, i) => cellXml(c, columnName(i) + row, shared)).join("");
    return `<row r="${row}">${cs}</row>`;
  }).join("");
  return `${XML}<worksheet xmlns="${NS}"><sheetData>${body}</sheetData></worksheet>`;
}

function parts(sheetName, rows) {
  const shared = new Map();
  const sheet = sheetXml(rows, shared);
  const strings = [...shared.keys()].map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`);
  const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  return {
    "[Content_Types].xml": `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/></Types>`,
    "_rels/.rels": `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" ` +
      `Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>` +
      `<sheet name="${esc(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/styles.xml": `${XML}<styleSheet xmlns="${NS}"><fonts count="1"><font/></fonts>` +
      `<fills count="1"><fill/></fills><borders count="1"><border/></borders>` +
      `<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/>` +
      `<xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    "xl/sharedStrings.xml": `${XML}<sst xmlns="${NS}" count="${strings.length}" ` +
      `uniqueCount="${strings.length}">${strings.join("")}</sst>`,
    "xl/worksheets/sheet1.xml": sheet,
  };
}

function u16(n) { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b; }
function u32(n) { const b = Buffer.alloc(4); b.writeUInt32LE(n >>> 0); return b; }

// A zip archive of `files` (name → text), deflated.
function zip(files) {
  const local = [], central = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const raw = Buffer.from(text, "utf8"), packed = deflateRawSync(raw), n = Buffer.from(name);
    const common = [u16(20), u16(0), u16(8), u16(0), u16(0x21), u32(crc32(raw)),
                    u32(packed.length), u32(raw.length), u16(n.length), u16(0)];
    const head = Buffer.concat([u32(0x04034b50), ...common, n]);
    central.push(Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0),
                                u32(0), u32(offset), n]));
    local.push(head, packed);
    offset += head.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const count = central.length;
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(count), u16(count),
                             u32(dir.length), u32(offset), u16(0)]);
  return Buffer.concat([...local, dir, end]);
}

// `rows`: [{row: 1, cells: [...]}, …] in ascending row order.
export function writeXlsx(sheetName, rows) {
  return zip(parts(sheetName, rows));
}
