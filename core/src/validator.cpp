// Validation: reading problems first, then each rule over its entity's records, then the
// dataset-wide kinds (unique, reference, tolerance). Findings are sorted at the end so the order
// never depends on how the rules are listed or how the work was split.
#include "hemis/validator.hpp"

#include <algorithm>
#include <climits>
#include <functional>

#include "key_table.hpp"
#include "row_batches.hpp"
#include "rule_checks.hpp"

namespace hemis {

namespace {

class Run {
public:
    Run(const Rulebook::Impl& book, const Dataset& data) : book_(book), data_(data) {}

    Verdict finish() {
        for (Entity e : kAllEntities)
            if (const RecordSet* set = data_.get(e)) check_set(*set);
        for (const auto& r : book_.rules)
            if (r.kind == RuleKind::tolerance) check_tolerance(r);
        sort_findings(findings_);
        Verdict v{book_.version, book_.hash, {}, std::move(findings_)};
        for (const auto& f : v.findings)
            (f.severity == Severity::error ? v.summary.errors : v.summary.warnings)++;
        for (Entity e : kAllEntities) v.summary.records[std::size_t(e)] = data_.count(e);
        return v;
    }

private:
    void emit(const CompiledRule& r, const RecordSet& set, std::size_t row, int field,
              Rulebook::Vars extra = {}) {
        const std::string name =
            field >= 0 ? std::string(schema_of(set.entity).fields[field].name) : "";
        findings_.push_back(finding_for(r, set.entity, set.source, set.record_id(row),
                                        set.table.source_row(row), set.column_number(field), name,
                                        std::string(set.value(row, field)), extra));
    }
    void emit_input(const char* id, const RecordSet& set, std::uint32_t row, std::uint32_t column,
                    std::string field, std::string value, std::string record = "",
                    const Rulebook::Vars& extra = {}) {
        findings_.push_back(finding_for(book_.rule(id), set.entity, set.source, std::move(record),
                                        row, column, std::move(field), std::move(value), extra));
    }

    void check_set(const RecordSet& set) {
        check_reading(set);
        std::vector<const CompiledRule*> per_record;
        for (const auto& r : book_.rules) {
            if (r.entity != set.entity) continue;
            if (r.kind == RuleKind::unique)
                check_unique(r, set);
            else if (r.kind == RuleKind::reference)
                check_reference(r, set);
            else if (!r.fields.empty() && !(r.kind == RuleKind::required && !r.when.active() &&
                                             !set.has_field(r.fields[0])))
                per_record.push_back(&r);  // an absent required column is one input finding
        }
        check_records(per_record, set);
    }

    // Index of the record read from source row `source_row`, or set.size() when none was.
    // Source rows increase with the index, so a binary search finds it.
    static std::size_t row_at(const RecordSet& set, std::uint32_t source_row) {
        std::size_t lo = 0, hi = set.size();
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            if (set.table.source_row(mid) < source_row)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo < set.size() && set.table.source_row(lo) == source_row ? lo : set.size();
    }

    static const char* input_rule(CsvIssue::Kind kind) {
        switch (kind) {
            case CsvIssue::Kind::invalid_utf8: return "input.utf8";
            case CsvIssue::Kind::unterminated_quote: return "input.csv_unterminated_quote";
            case CsvIssue::Kind::text_after_quote: return "input.csv_text_after_quote";
            case CsvIssue::Kind::wrong_field_count: return "input.csv_extra_fields";
            case CsvIssue::Kind::utf16: return "input.utf16";
        }
        return "input.utf8";
    }

    void check_reading(const RecordSet& set) {
        const auto& header = set.table.header();
        // A file with no header at all is almost always the wrong file; never treat it as "no
        // records" (a browser import would then replace real data with nothing).
        if (header.empty() && set.table.issues().empty())
            emit_input("input.empty_file", set, 0, 0, "", "");
        for (const auto& issue : set.table.issues()) {
            const std::size_t col = issue.column;
            const std::string field = col >= 1 && col <= header.size() ? header[col - 1] : "";
            const char* id = input_rule(issue.kind);
            const std::size_t row = row_at(set, issue.row);
            const bool known = row < set.size() && col >= 1 && col <= header.size();
            // A bad byte is named, with where it sits in the cell: the cell's text shows it only
            // as the replacement character.
            Rulebook::Vars extra;
            if (issue.kind == CsvIssue::Kind::invalid_utf8) {
                static constexpr char hex[] = "0123456789ABCDEF";
                extra = {{"byte", std::string{'0', 'x', hex[issue.byte >> 4], hex[issue.byte & 15]}},
                         {"position", std::to_string(issue.byte_in_field + 1)}};
            }
            emit_input(id, set, issue.row, issue.column, field,
                       known ? std::string(set.table.cell(row, col - 1)) : "",
                       row < set.size() ? set.record_id(row) : "", extra);
        }
        // One semicolon-separated header reads as a single column: say that, not "every column
        // is missing".
        if (header.size() == 1 && header[0].find(';') != std::string::npos) {
            emit_input("input.wrong_separator", set, 1, 0, "", "");
            return;
        }
        for (const auto& u : set.unknown_columns)
            emit_input(u.duplicate ? "input.column_duplicate" : "input.column_unknown", set, 1,
                       u.column, u.name, u.name);
        // A required column that is absent is one finding, not one per record.
        for (const auto& r : book_.rules)
            if (r.entity == set.entity && r.kind == RuleKind::required && !r.when.active() &&
                !set.has_field(r.fields[0]) && set.size() > 0)
                emit_input("input.column_missing", set, 1, 0, r.field_names[0], "");
    }

    // Record by record, every rule on each: a record's cells stay in cache while its rules run.
    // Rule by rule, each rule read the whole table again: at 1M learners that was memory traffic
    // of a full table per rule (issue 6). Findings are sorted at the end, so the order of work
    // never shows.
    // Unconditional `required` rules, most of a record's rules, are only a blank test each: they
    // are run from a list of fields without the general rule dispatch.
    void check_records(const std::vector<const CompiledRule*>& all, const RecordSet& set) {
        std::vector<const CompiledRule*> required, rules;
        for (const CompiledRule* r : all)
            (r->kind == RuleKind::required && !r->when.active() ? required : rules).push_back(r);
        Rulebook::Vars extra;
        for_each_row(set.size(), [&](std::size_t row) {
            for (const CompiledRule* r : required)
                if (set.value(row, r->fields[0]).empty()) emit(*r, set, row, r->fields[0]);
            const RecordView rec{set, row};
            for (const CompiledRule* r : rules) {
                if (r->when.active() && !condition_holds(r->when, rec)) continue;
                extra.clear();
                if (check_field_rule(*r, rec, extra)) continue;
                const int reported = r->kind == RuleKind::compare ? r->fields[1] : r->fields[0];
                emit(*r, set, row, reported, std::move(extra));
            }
        });
    }

    // One field of a record's key. Dates compare as dates: 01/02/2024 and 2024-02-01 are the same
    // key, as they will be once packed with ISO dates. A value that does not read as a date keeps
    // its text (it cannot equal a date's ISO form, which would have read).
    struct KeyPart {
        std::string_view text;
        long date = kNoDate;
        static constexpr long kNoDate = LONG_MIN;
        bool operator==(const KeyPart& o) const {
            return date == o.date && (date != kNoDate || text == o.text);
        }
        std::uint64_t hash() const {
            return date != kNoDate ? std::uint64_t(date) * 0x9E3779B97F4A7C15u
                                   : std::uint64_t(std::hash<std::string_view>{}(text));
        }
    };

    // Keys compare field by field: "ab"+"c" and "a"+"bc" never collide.
    void check_unique(const CompiledRule& r, const RecordSet& set) {
        std::vector<bool> is_date;
        for (int f : r.fields)
            is_date.push_back(schema_of(set.entity).fields[f].type == FieldType::date);
        const auto part = [&](std::size_t row, std::size_t k) {
            KeyPart p{set.value(row, r.fields[k])};
            if (is_date[k])
                if (const auto d = parse_date(p.text)) p.date = d->ordinal();
            return p;
        };
        const auto hash = [&](std::size_t row) {
            std::uint64_t h = 0;
            for (std::size_t k = 0; k < r.fields.size(); ++k)
                h = (h ^ part(row, k).hash()) * 0x100000001B3u;
            return h;
        };
        const auto equal = [&](std::size_t a, std::size_t b) {
            for (std::size_t k = 0; k < r.fields.size(); ++k)
                if (!(part(a, k) == part(b, k))) return false;
            return true;
        };
        // Rows in order: the first row holding a key is stored, and each later one with the same
        // key is a duplicate naming it.
        KeyTable seen(set.size());
        for_each_row(set.size(), [&](std::size_t row) {
            bool blank = false;
            for (int f : r.fields) blank = blank || set.value(row, f).empty();
            if (blank || !condition_holds(r.when, {set, row})) return;
            const std::uint32_t first = seen.find_or_insert(hash(row), std::uint32_t(row), equal);
            if (first != KeyTable::kNone)
                emit(r, set, row, r.fields[0],
                     {{"first_row", std::to_string(set.table.source_row(first))}});
        });
    }

    // Skipped when the target entity was not supplied: nothing to check against.
    void check_reference(const CompiledRule& r, const RecordSet& set) {
        // No target records (no file, a header-only file, a package without them) means they were
        // not sent this time, as in an update of learners alone: the same verdict for a folder
        // and for its package, which always lists every entity.
        const RecordSet* target = data_.get(r.target_entity);
        if (!target || target->size() == 0) return;
        const auto hash = [](std::string_view v) {
            return std::uint64_t(std::hash<std::string_view>{}(v));
        };
        KeyTable keys(target->size());
        const auto same_value = [&](std::size_t a, std::size_t b) {
            return target->value(a, r.target_field) == target->value(b, r.target_field);
        };
        for_each_row(target->size(), [&](std::size_t row) {
            keys.find_or_insert(hash(target->value(row, r.target_field)), std::uint32_t(row),
                                same_value);
        });
        for_each_row(set.size(), [&](std::size_t row) {
            const auto v = set.value(row, r.fields[0]);
            if (v.empty() || !condition_holds(r.when, {set, row})) return;
            if (!keys.contains(hash(v), [&](std::size_t t) {
                    return target->value(t, r.target_field) == v;
                }))
                emit(r, set, row, r.fields[0]);
        });
    }

    void check_tolerance(const CompiledRule& r) {
        const RecordSet* set = data_.get(*r.entity);
        if (!set) return;
        if (auto f = tolerance_finding(r, findings_, set->size(), set->source))
            findings_.push_back(std::move(*f));
    }

    const Rulebook::Impl& book_;
    const Dataset& data_;
    std::vector<Finding> findings_;
};

}  // namespace

Verdict validate(const Rulebook& rulebook, const Dataset& data) {
    return Run(rulebook.impl(), data).finish();
}

}  // namespace hemis
