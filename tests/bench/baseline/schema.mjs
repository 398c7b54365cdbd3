// Builds the baseline's JSON Schemas from rules/rulebook.json at run time: the field-level rules
// (required, format, date, datetime, code, range) of each entity, with code lists as enums read
// from reference/. Cross-record and cross-field rules (unique, reference, compare, citizen_id,
// tolerance) and calendar checks have no plain JSON Schema form and are left out, so the baseline
// does less work than the core: the comparison is tilted towards the baseline, not against it.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

const DATE = '\\d{1,2}/\\d{1,2}/\\d{4}|\\d{1,2}-\\d{1,2}-\\d{4}|\\d{4}-\\d{2}-\\d{2}';
const DATETIME = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:Z|[+-]\\d{2}:\\d{2})?';

// A pattern that also lets a blank value pass, as every kind except `required` does.
const blankOr = (body) => ({ pattern: `^(?:${body})?$` });

function readCatalog(dataDir, catalog) {
  const codes = new Set();
  for (const src of catalog.sources) {
    const text = fs.readFileSync(path.join(dataDir, 'reference', src.file), 'utf8');
    const rows = Papa.parse(text, { header: true, skipEmptyLines: true }).data;
    const where = Object.entries(src.where ?? {});
    for (const row of rows) {
      if (where.every(([col, want]) => row[col] === want)) codes.add(row[src.code].trim());
    }
  }
  return [...codes];
}

// The rulebook's patterns are RE2 syntax; ajv compiles JavaScript regular expressions (with the
// u flag), which write a one-letter Unicode class \pZ as \p{Z}. The rest of what the rulebook
// uses reads the same in both.
const jsPattern = (re2) => re2.replace(/\\p([A-Z])/g, '\\p{$1}');

function formatBody(p) {
  if (p.pattern) return jsPattern(p.pattern);
  const unit = p.digits ? '[0-9]' : '.';
  if (p.length !== undefined) return `${unit}{${p.length}}`;
  return `${unit}{${p.min_length ?? 0},${p.max_length ?? ''}}`;
}

// The constraint one rule puts on its field, or null for kinds outside the field-level subset.
function constraint(rule, catalogs) {
  const p = rule.params ?? {};
  switch (rule.kind) {
    case 'required': return { type: ['string', 'number'], minLength: 1 };
    case 'format': return blankOr(formatBody(p));
    case 'date': return blankOr(DATE);
    case 'datetime': return blankOr(DATETIME);
    case 'code': return { enum: ['', ...catalogs(p.catalog)] };
    // Range fields are parsed as numbers (papaparse dynamicTyping); min/max apply to numbers only.
    case 'range': return { minimum: p.min, maximum: p.max };
    default: return null;
  }
}

// Returns {schemas: {entity: schema}, numericFields: {entity: [field]}}.
export function buildSchemas(dataDir) {
  const book = JSON.parse(fs.readFileSync(path.join(dataDir, 'rules', 'rulebook.json'), 'utf8'));
  const cache = new Map();
  const catalogs = (name) => {
    if (!cache.has(name)) cache.set(name, readCatalog(dataDir, book.catalogs[name]));
    return cache.get(name);
  };
  const schemas = {};
  const numericFields = {};
  for (const rule of book.rules) {
    const c = rule.entity && rule.fields?.length === 1 ? constraint(rule, catalogs) : null;
    if (!c) continue;
    const s = (schemas[rule.entity] ??= { type: 'object', properties: {}, required: [], allOf: [] });
    const field = rule.fields[0];
    if (rule.kind === 'range') (numericFields[rule.entity] ??= []).push(field);
    if (rule.when) {
      s.allOf.push({
        if: { properties: { [rule.when.field]: { enum: rule.when.in } }, required: [rule.when.field] },
        then: { properties: { [field]: c }, required: rule.kind === 'required' ? [field] : [] },
      });
      continue;
    }
    if (rule.kind === 'required') s.required.push(field);
    const prop = (s.properties[field] ??= { allOf: [] });
    prop.allOf.push(c);
  }
  for (const s of Object.values(schemas)) tidy(s);
  return { schemas, numericFields };
}

// Drops empty allOf lists (ajv rejects them) and unwraps single-member ones.
function tidy(schema) {
  for (const prop of Object.values(schema.properties)) {
    if (prop.allOf.length === 1) Object.assign(prop, prop.allOf.pop());
    if (prop.allOf?.length === 0) delete prop.allOf;
  }
  if (schema.allOf.length === 0) delete schema.allOf;
}
