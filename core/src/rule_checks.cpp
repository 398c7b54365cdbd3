// Field-level rule kinds: required, format, date, datetime, code, range, compare, citizen_id.
#include "rule_checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <unordered_set>

#include "hemis/text.hpp"

namespace hemis {

namespace {

constexpr std::size_t kMaxPatternInput = 320;  // bytes; an email is at most 254 characters

// Plain decimal numbers only ("-12", "3.5"); no exponents, no hex, no locale.
std::optional<double> parse_number(std::string_view s) {
    std::size_t i = s.size() && s[0] == '-' ? 1 : 0;
    bool digit = false, dot = false;
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9')
            digit = true;
        else if (s[i] == '.' && !dot)
            dot = true;
        else
            return std::nullopt;
    }
    if (!digit) return std::nullopt;
    return std::strtod(std::string(s).c_str(), nullptr);
}

bool check_format(const CompiledRule& r, std::string_view v) {
    if (r.digits && !text::is_ascii_digits(v)) return false;
    if (r.length >= 0 || r.min_length >= 0 || r.max_length >= 0) {
        const auto n = static_cast<int>(text::count_code_points(v));
        if (r.length >= 0 && n != r.length) return false;
        if (r.min_length >= 0 && n < r.min_length) return false;
        if (r.max_length >= 0 && n > r.max_length) return false;
    }
    // std::regex matches by recursion: a very long value would exhaust the stack. No field a
    // pattern describes (phones, emails, codes) is anywhere near this long.
    if (r.pattern && v.size() > kMaxPatternInput) return false;
    if (r.fast_pattern) return r.fast_pattern->full_match(v);  // same answer, no backtracking
    return !r.pattern || std::regex_match(v.begin(), v.end(), *r.pattern);
}

}  // namespace

std::string listed_codes(const Catalog& c) {
    std::vector<std::string_view> seen;
    std::string out;
    for (const auto& e : c.entries()) {
        if (std::find(seen.begin(), seen.end(), e.code) != seen.end()) continue;
        if (seen.size() == kMaxListedCodes) return "";
        seen.push_back(e.code);
        if (!out.empty()) out += ", ";
        out += e.code;
        if (!e.name.empty() && e.name != e.code) out += " (" + e.name + ")";
    }
    return out;
}

namespace {

bool check_code(const CompiledRule& r, const RecordView& rec, std::string_view v,
                Rulebook::Vars& extra) {
    std::optional<Date> on;
    if (r.as_of >= 0) on = parse_date(rec.value(r.as_of));
    if (r.catalog->find(v, on) == Catalog::Lookup::valid) return true;
    if (!r.listed_codes.empty()) extra.emplace_back("codes", r.listed_codes);
    return false;
}

// A number, or for a date the year it falls in, so a birth date can be bounded like a year.
bool check_range(const CompiledRule& r, std::string_view v) {
    auto n = parse_number(v);
    if (!n) {
        if (const auto d = parse_date(v)) n = double(d->year);
    }
    if (!n) return true;  // neither: the format or date rule reports it
    return (!r.min || *n >= *r.min) && (!r.max || *n <= *r.max);
}

// Compares two values as dates when both parse as dates, else as numbers. A blank or unreadable
// side means the rule does not apply: other rules report missing or malformed values.
bool check_compare(const CompiledRule& r, const RecordView& rec, Rulebook::Vars& extra) {
    const auto a = rec.value(r.fields[0]), b = rec.value(r.fields[1]);
    if (a.empty() || b.empty()) return true;
    int cmp;
    const auto da = parse_date(a), db = parse_date(b);
    if (da && db) {
        cmp = *da < *db ? -1 : (*db < *da ? 1 : 0);
    } else {
        const auto na = parse_number(a), nb = parse_number(b);
        if (!na || !nb) return true;
        cmp = *na < *nb ? -1 : (*nb < *na ? 1 : 0);
    }
    extra.emplace_back("other", r.field_names[0]);
    extra.emplace_back("other_value", std::string(a));
    if (r.op == "<") return cmp < 0;
    if (r.op == "<=") return cmp <= 0;
    if (r.op == ">") return cmp > 0;
    if (r.op == ">=") return cmp >= 0;
    return cmp == 0;
}

bool check_citizen_id(const CompiledRule& r, const RecordView& rec, std::string_view id,
                      Rulebook::Vars& extra) {
    if (id.size() != 12 || !text::is_ascii_digits(id)) return true;  // the format rule reports it
    if (r.check == "province")
        return r.catalog->find(id.substr(0, 3), std::nullopt) == Catalog::Lookup::valid;
    const auto birth = r.birth_date >= 0 ? parse_date(rec.value(r.birth_date)) : std::nullopt;
    if (r.check == "birth_year") {
        if (!birth) return true;
        const std::string expected{char('0' + birth->year / 10 % 10), char('0' + birth->year % 10)};
        extra.emplace_back("expected", expected);
        return id.substr(4, 2) == expected;
    }
    // century_gender: the 4th digit encodes the century of birth (2000-2099 is the 21st) and the
    // gender. The expected digits are those of the catalog entries matching what the record says.
    const int ci = r.catalog->attribute_index("century"), gi = r.catalog->attribute_index("gender");
    const std::string century = birth ? std::to_string(birth->year / 100 + 1) : "";
    const auto g = r.gender >= 0 ? rec.value(r.gender) : std::string_view{};
    std::string expected;
    bool ok = false;
    for (const auto& e : r.catalog->entries()) {
        if ((!century.empty() && e.attributes[ci] != century) ||
            (!g.empty() && e.attributes[gi] != g))
            continue;
        ok = ok || e.code == id.substr(3, 1);
        expected += (expected.empty() ? "" : "/") + e.code;
    }
    // No digit fits (e.g. the gender is not a code of the list): the gender or date rule reports
    // that; a warning asking for nothing would only confuse.
    if (expected.empty()) return true;
    extra.emplace_back("expected", expected);
    return ok;
}

}  // namespace

std::optional<Finding> tolerance_finding(const CompiledRule& r,
                                         const std::vector<Finding>& findings, std::size_t records,
                                         const std::string& file) {
    if (records == 0 || records < r.min_records) return std::nullopt;
    std::unordered_set<std::uint32_t> flagged;  // source rows of records with a counted finding
    for (const auto& f : findings)
        if (f.entity == r.entity && f.severity == r.counted && !f.record.empty())
            flagged.insert(f.row);
    const double share = double(flagged.size()) / double(records);
    if (share <= r.max_share) return std::nullopt;
    // Whole percents read the same in both languages (Vietnamese writes decimals with a comma).
    const auto percent = [](double x) { return std::to_string(std::lround(x * 100)) + "%"; };
    return finding_for(r, r.entity, file, "", 0, 0, "", "",
                       {{"share", percent(share)},
                        {"limit", percent(r.max_share)},
                        {"count", std::to_string(flagged.size())}});
}

bool condition_holds(const Condition& c, const RecordView& rec) {
    if (!c.active()) return true;
    const auto v = rec.value(c.field);
    for (const auto& want : c.in)
        if (v == want) return true;
    return false;
}

bool check_field_rule(const CompiledRule& r, const RecordView& rec, Rulebook::Vars& extra) {
    const auto v = rec.value(r.fields[0]);
    if (r.kind == RuleKind::required) return !v.empty();
    if (r.kind == RuleKind::compare) return check_compare(r, rec, extra);
    if (v.empty()) return true;
    switch (r.kind) {
        case RuleKind::format: return check_format(r, v);
        case RuleKind::date: return parse_date(v).has_value();
        case RuleKind::datetime: return is_iso_datetime(v);
        case RuleKind::code: return check_code(r, rec, v, extra);
        case RuleKind::range: return check_range(r, v);
        case RuleKind::citizen_id: return check_citizen_id(r, rec, v, extra);
        default: return true;
    }
}

}  // namespace hemis
