// Field-level rule kinds: required, format, date, datetime, code, range, compare, citizen_id.
#include "rule_checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <unordered_set>

#include <re2/re2.h>

#include "hemis/text.hpp"

namespace hemis {

namespace {

// Plain decimal numbers only ("-12", "3.5"); no exponents, no hex, no locale.
std::optional<double> parse_number(std::string_view s) {
    const bool negative = !s.empty() && s[0] == '-';
    std::size_t digits = 0;
    bool dot = false;
    long long whole = 0;
    for (std::size_t i = negative ? 1 : 0; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') {
            ++digits;
            whole = whole * 10 + (s[i] - '0');  // meaningful only without a dot, up to 15 digits
        } else if (s[i] == '.' && !dot) {
            dot = true;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0) return std::nullopt;
    // Whole numbers of up to 15 digits are exact as doubles: the same value strtod gives, without
    // its cost on every year and count of every record.
    if (!dot && digits <= 15) return negative ? -double(whole) : double(whole);
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
    // Match() directly: FullMatch's argument unpacking costs as much as the match of a short value.
    return !r.pattern ||
           r.pattern->Match(re2::StringPiece(v.data(), v.size()), 0, v.size(), RE2::ANCHOR_BOTH,
                            nullptr, 0);
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
    const bool holds = r.op == "<"    ? cmp < 0
                       : r.op == "<=" ? cmp <= 0
                       : r.op == ">"  ? cmp > 0
                       : r.op == ">=" ? cmp >= 0
                                      : cmp == 0;
    if (holds) return true;  // placeholders only for a finding: no allocation per passing record
    extra.emplace_back("other", r.field_names[0]);
    extra.emplace_back("other_value", std::string(a));
    return false;
}

bool check_citizen_id(const CompiledRule& r, const RecordView& rec, std::string_view id,
                      Rulebook::Vars& extra) {
    if (id.size() != 12 || !text::is_ascii_digits(id)) return true;  // the format rule reports it
    if (r.check == "province")
        return r.catalog->find(id.substr(0, 3), std::nullopt) == Catalog::Lookup::valid;
    const auto birth = r.birth_date >= 0 ? parse_date(rec.value(r.birth_date)) : std::nullopt;
    if (r.check == "birth_year") {
        if (!birth) return true;
        const char expected[] = {char('0' + birth->year / 10 % 10), char('0' + birth->year % 10)};
        if (id.substr(4, 2) == std::string_view(expected, 2)) return true;
        extra.emplace_back("expected", std::string(expected, 2));
        return false;
    }
    // century_gender: the 4th digit encodes the century of birth (2000-2099 is the 21st) and the
    // gender. The expected digits are those of the catalog entries matching what the record says.
    const int ci = r.catalog->attribute_index("century"), gi = r.catalog->attribute_index("gender");
    // The century as the catalog writes it ("20", "21"), made without allocating: years run
    // 1..9999, so centuries 1..100.
    char digits[3];
    std::size_t n = 0;
    if (birth) {
        const int c = birth->year / 100 + 1;
        if (c >= 100) digits[n++] = char('0' + c / 100);
        if (c >= 10) digits[n++] = char('0' + c / 10 % 10);
        digits[n++] = char('0' + c % 10);
    }
    const std::string_view century(digits, n);
    const auto g = r.gender >= 0 ? rec.value(r.gender) : std::string_view{};
    const auto fits = [&](const Catalog::Entry& e) {
        return (century.empty() || e.attributes[ci] == century) &&
               (g.empty() || e.attributes[gi] == g);
    };
    bool any = false;
    for (const auto& e : r.catalog->entries()) {
        if (!fits(e)) continue;
        if (e.code == id.substr(3, 1)) return true;
        any = true;
    }
    // No digit fits (e.g. the gender is not a code of the list): the gender or date rule reports
    // that; a warning asking for nothing would only confuse.
    if (!any) return true;
    std::string expected;
    for (const auto& e : r.catalog->entries())
        if (fits(e)) expected += (expected.empty() ? "" : "/") + e.code;
    extra.emplace_back("expected", expected);
    return false;
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
