// Package reading (writing is in package_writer.cpp). The content hash covers each record's
// canonical line, its compact JSON with sorted keys prefixed by the entity name, so the reader
// re-serialises every record that way to re-check it whatever the file's layout.
#include "hemis/package.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>

#include <nlohmann/json.hpp>

#include "hemis/sha256.hpp"

namespace hemis {

using json = nlohmann::json;

namespace {

constexpr int kMaxDepth = 6;  // package > records > entity > record > value, with room to spare

[[noreturn]] void fail(const std::string& what) {
    throw PackageError(what);
}

// A count or verdict number: a non-negative integer, nothing else.
std::size_t count_at(const json& j, const std::string& where) {
    if (!j.is_number_unsigned()) fail(where + " must be a whole number of zero or more");
    return j.get<std::size_t>();
}

void only_keys(const json& j, std::initializer_list<const char*> keys, const std::string& where) {
    if (!j.is_object()) fail(where + " is not an object");
    for (const auto& item : j.items()) {
        const std::string& key = item.key();
        if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; }))
            fail(where + ": unknown key '" + key + "'");
    }
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    // Most values need no escape: copied and checked in one pass, escaped only if that fails.
    const std::size_t start = out.size();
    out.resize(start + s.size() + 2);
    char* p = out.data() + start;
    *p++ = '"';
    bool plain = true;
    for (const char ch : s) {
        plain &= static_cast<unsigned char>(ch) >= 0x20 && ch != '"' && ch != '\\';
        *p++ = ch;
    }
    *p = '"';
    if (plain) return;
    out.resize(start + 1);
    for (const char ch : s) {
        switch (ch) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(ch) >= 0x20) {
                    out.push_back(ch);
                } else {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(ch));
                    out += buf;
                }
        }
    }
    out.push_back('"');
}

bool is_package_token(std::string_view s) {
    if (s.empty() || s.size() > 128) return false;
    for (const char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return false;
    return true;
}

namespace {

// j[key] when j has it; else the package fails naming the missing part.
const json& member(const json& j, const char* key, const std::string& where) {
    if (!j.is_object()) fail(where + " is not an object");
    const auto it = j.find(key);
    if (it == j.end()) fail(where + "." + key + " is missing");
    return *it;
}

std::string text_at(const json& j, const char* key, const std::string& where) {
    const json& v = member(j, key, where);
    if (!v.is_string()) fail(where + "." + key + " is not a string");
    return v.get<std::string>();
}

Manifest read_manifest(const json& j) {
    const std::string where = "manifest";
    only_keys(j,
              {"format_version", "package_id", "institution", "period", "created_at", "rulebook",
               "core_version", "counts", "content_sha256", "verdict"},
              where);
    Manifest m;
    const json& format = member(j, "format_version", where);
    if (!format.is_number_integer() || format.get<long long>() != kPackageFormatVersion)
        fail("manifest.format_version " + format.dump() + " is not supported");
    m.format_version = kPackageFormatVersion;
    m.package_id = text_at(j, "package_id", where);
    m.institution = text_at(j, "institution", where);
    m.period = text_at(j, "period", where);
    m.created_at = text_at(j, "created_at", where);
    if (!is_package_token(m.package_id))
        fail("manifest.package_id must be 1 to 128 letters, digits, '.', '_' or '-'");
    if (m.institution.empty()) fail("manifest.institution is empty");
    if (m.period.empty()) fail("manifest.period is empty");
    if (!is_iso_datetime(m.created_at)) fail("manifest.created_at is not an ISO date-time");
    const json& rulebook = member(j, "rulebook", where);
    m.rulebook_version = text_at(rulebook, "version", "manifest.rulebook");
    m.rulebook_hash = text_at(rulebook, "hash", "manifest.rulebook");
    m.core_version = text_at(j, "core_version", where);
    const json& counts = member(j, "counts", where);
    only_keys(counts, {"programme", "staff", "learner", "status"}, "manifest.counts");
    for (Entity e : kAllEntities) {
        const std::string name(entity_name(e));
        m.counts[std::size_t(e)] =
            count_at(member(counts, name.c_str(), "manifest.counts"), "manifest.counts." + name);
    }
    m.content_sha256 = text_at(j, "content_sha256", where);
    const json& verdict = member(j, "verdict", where);
    only_keys(verdict, {"errors", "warnings"}, "manifest.verdict");
    m.errors = count_at(member(verdict, "errors", "manifest.verdict"), "manifest.verdict.errors");
    m.warnings =
        count_at(member(verdict, "warnings", "manifest.verdict"), "manifest.verdict.warnings");
    return m;
}

// One entity's records, read one at a time: into its table, and into the content hash. A record
// is fed field by field, so the streamed reader needs no JSON document per record (building and
// dumping one cost about half the ingest time, issue 6). It answers as a document would: the
// last of repeated keys wins, problems are found in sorted key order, and the hashed text is the
// record's compact JSON with sorted keys, as nlohmann's dump() writes it.
class RecordReader {
public:
    explicit RecordReader(Entity e)
        : e_(e),
          s_(schema_of(e)),
          cells_(s_.fields.size()),
          values_(s_.fields.size()),
          state_(s_.fields.size()) {
        std::vector<std::string> header;
        for (const auto& f : s_.fields) header.emplace_back(f.name);
        table_.set_header(header);
        for (std::size_t f = 0; f < s_.fields.size(); ++f) sorted_.push_back(int(f));
        std::sort(sorted_.begin(), sorted_.end(),
                  [&](int a, int b) { return s_.fields[a].name < s_.fields[b].name; });
        for (const auto& f : s_.fields) {
            std::string prefix;
            append_json_string(prefix, f.name);
            prefixes_.push_back(prefix + ":");
        }
    }
    std::string where() const { return "records." + std::string(s_.name); }

    void begin() {
        std::fill(state_.begin(), state_.end(), Absent);
        unknown_.clear();
        next_ = 0;
    }
    void string_field(std::string_view key, std::string_view value) {
        const int f = field_of(key);
        if (f < 0) {
            unknown_.emplace_back(key);
        } else {
            values_[f].assign(value);
            state_[f] = Text;
        }
    }
    void other_field(std::string_view key) {
        const int f = field_of(key);
        if (f < 0)
            unknown_.emplace_back(key);
        else
            state_[f] = Other;
    }
    // Ends the record at index `i` of the entity's array.
    void finish_record(std::size_t i, Sha256& hash) {
        check(i);
        line_.assign(s_.name);
        line_ += " {";
        bool first = true;
        for (const int f : sorted_) {
            if (state_[f] != Text) continue;
            if (!first) line_.push_back(',');
            first = false;
            line_ += prefixes_[f];
            append_json_string(line_, values_[f]);
            cells_[f] = values_[f];
        }
        line_ += "}\n";
        hash.update(line_);
        for (std::size_t f = 0; f < cells_.size(); ++f)
            if (state_[f] != Text) cells_[f] = {};
        table_.add_row(cells_, std::uint32_t(i + 2));
    }
    [[noreturn]] void not_object(std::size_t i) const { fail(at(i) + " is not an object"); }

    // The record at index `i` of the entity's array, as a document.
    void add(const json& rec, std::size_t i, Sha256& hash) {
        if (!rec.is_object()) not_object(i);
        begin();
        for (const auto& [key, value] : rec.items()) {
            if (value.is_string())
                string_field(key, value.get_ref<const std::string&>());
            else
                other_field(key);
        }
        finish_record(i, hash);
    }
    // Findings name the entity's template file and the row the record has there (the header is
    // row 1): what the browser shows for the same stored records, and where the record is in the
    // CSV that `hemis pack` read.
    RecordSet finish() { return make_record_set(e_, std::string(s_.file), std::move(table_)); }

private:
    enum State : unsigned char { Absent, Text, Other };

    std::string at(std::size_t i) const { return where() + "[" + std::to_string(i) + "]"; }
    // Packages write keys sorted, so the field after the last one found is tried first.
    int field_of(std::string_view key) {
        if (next_ < sorted_.size() && s_.fields[sorted_[next_]].name == key)
            return sorted_[next_++];
        const int f = s_.field_index(key);
        if (f >= 0)
            next_ = std::size_t(std::find(sorted_.begin(), sorted_.end(), f) - sorted_.begin()) + 1;
        return f;
    }
    // A document's keys come sorted: the first unknown or non-string one is the problem.
    void check(std::size_t i) const {
        const std::string* unknown =
            unknown_.empty() ? nullptr : &*std::min_element(unknown_.begin(), unknown_.end());
        for (const int f : sorted_) {
            if (unknown && std::string_view(*unknown) < s_.fields[f].name) break;
            if (state_[f] == Other)
                fail(at(i) + "." + std::string(s_.fields[f].name) + " is not a string");
        }
        if (unknown) fail(at(i) + ": unknown field '" + *unknown + "'");
    }

    Entity e_;
    const EntitySchema& s_;
    std::vector<std::string_view> cells_;
    std::vector<std::string> values_;  // this record's field values, by field index
    std::vector<State> state_;
    std::vector<std::string> unknown_;   // this record's keys that are no field
    std::vector<int> sorted_;            // field indexes in key order
    std::size_t next_ = 0;               // where in sorted_ the next key is looked for first
    std::vector<std::string> prefixes_;  // "\"name\":" by field index
    std::string line_;
    CsvTable table_;
};

RecordSet read_records(Entity e, const json& list, Sha256& hash) {
    RecordReader reader(e);
    if (!list.is_array()) fail(reader.where() + " is not an array");
    for (std::size_t i = 0; i < list.size(); ++i) reader.add(list[i], i, hash);
    return reader.finish();
}

// Parses a package without holding its records as a JSON document (which took about seven times
// the package's size, issue 6): every value goes to a DOM as before, except each array
// records.<entity>, which stays empty in the DOM while its records go field by field into the
// entity's RecordReader. A record's problem is kept, not thrown, so read_package reports problems
// in the same order as when reading the whole document. The hash covers entities in their fixed
// order, so streaming holds only when the arrays come in that order, once each; otherwise
// `streamed` is false and the caller reads the whole document instead.
class StreamingReader {
public:
    using sax_t = nlohmann::detail::json_sax_dom_parser<json>;

    explicit StreamingReader(json& doc) : top_(doc, true) {}

    bool streamed = true;
    Sha256 hash;
    std::optional<RecordSet> sets[kAllEntities.size()];
    std::optional<std::string> problems[kAllEntities.size()];

    bool null() {
        return value([&](sax_t& s) { return s.null(); });
    }
    bool boolean(bool b) {
        return value([&](sax_t& s) { return s.boolean(b); });
    }
    bool number_integer(json::number_integer_t v) {
        return value([&](sax_t& s) { return s.number_integer(v); });
    }
    bool number_unsigned(json::number_unsigned_t v) {
        return value([&](sax_t& s) { return s.number_unsigned(v); });
    }
    bool number_float(json::number_float_t v, const std::string& text) {
        return value([&](sax_t& s) { return s.number_float(v, text); });
    }
    bool string(std::string& v) {
        if (in_array_ && depth_ == array_depth_ + 1 && record_object_) {
            reader_->string_field(key_, v);
            return true;
        }
        return value([&](sax_t& s) { return s.string(v); });
    }
    bool binary(json::binary_t& v) {
        return value([&](sax_t& s) { return s.binary(v); });
    }
    bool key(std::string& k) {
        if (in_array_) {
            if (depth_ == array_depth_ + 1) key_.assign(k);
            return true;
        }
        if (depth_ == 1) top_key_ = k, records_key_.clear();
        if (depth_ == 2) records_key_ = k;
        return top_.key(k);
    }
    bool start_object(std::size_t n) {
        if (in_array_) return open_in_array(true);
        ++depth_;
        return top_.start_object(n);
    }
    bool end_object() {
        if (in_array_) return close_in_array();
        --depth_;
        return top_.end_object();
    }
    bool start_array(std::size_t n) {
        if (in_array_) return open_in_array(false);
        if (depth_ == 2 && top_key_ == "records") {
            if (const auto e = entity_from_name(records_key_)) {
                ++depth_;
                begin_entity(*e);
                return top_.start_array(n) && top_.end_array();  // the DOM keeps []
            }
        }
        ++depth_;
        return top_.start_array(n);
    }
    bool end_array() {
        if (in_array_ && depth_ == array_depth_) {
            --depth_;
            end_entity();
            return true;
        }
        if (in_array_) return close_in_array();
        --depth_;
        return top_.end_array();
    }
    template <class Exception>
    bool parse_error(std::size_t pos, const std::string& token, const Exception& ex) {
        return top_.parse_error(pos, token, ex);  // throws it, as json::parse does
    }

private:
    // Depth counts open arrays and objects; a record is an element at array_depth_ + 1, and a
    // record's values sit at that depth too. Anything deeper is only a value that is no string.
    bool open_in_array(bool object) {
        ++depth_;
        if (depth_ == array_depth_ + 1) {
            record_object_ = object;
            reader_->begin();
        } else if (depth_ == array_depth_ + 2 && record_object_) {
            reader_->other_field(key_);
        }
        return true;
    }
    bool close_in_array() {
        if (depth_ == array_depth_ + 1) end_record();
        --depth_;
        return true;
    }
    // A scalar outside the records arrays goes to the DOM; inside, it is a record that is no
    // object, or a field that is no string.
    template <class F>
    bool value(F f) {
        if (!in_array_) return f(top_);
        if (depth_ == array_depth_) {
            record_object_ = false;
            end_record();
        } else if (depth_ == array_depth_ + 1 && record_object_) {
            reader_->other_field(key_);
        }
        return true;
    }

    void begin_entity(Entity e) {
        const std::size_t k = std::size_t(e);
        // Out of order or repeated: the hash cannot be streamed (and the DOM would keep the
        // last of repeated keys).
        if (sets[k] || problems[k] || k < next_entity_) streamed = false;
        next_entity_ = k + 1;
        entity_ = e;
        reader_.emplace(e);
        index_ = 0;
        in_array_ = true;
        array_depth_ = depth_;
    }
    void end_entity() {
        const std::size_t k = std::size_t(entity_);
        if (!problems[k]) sets[k] = reader_->finish();
        reader_.reset();
        in_array_ = false;
    }
    void end_record() {
        const std::size_t k = std::size_t(entity_);
        if (!problems[k] && streamed) {
            try {
                if (!record_object_) reader_->not_object(index_);
                reader_->finish_record(index_, hash);
            } catch (const PackageError& e) {
                problems[k] = e.what();
            }
        }
        ++index_;
    }

    sax_t top_;
    std::optional<RecordReader> reader_;
    Entity entity_ = Entity::programme;
    std::size_t next_entity_ = 0, index_ = 0;
    int depth_ = 0, array_depth_ = 0;
    bool in_array_ = false, record_object_ = false;
    std::string top_key_, records_key_, key_;
};

// Deepest nesting of arrays and objects in JSON text, counted outside strings. Checked before
// parsing: nlohmann's callback parser, which could check it on the way, is quadratic in the
// number of records. Strings are most of a package: each is skipped with memchr to its closing
// quote, the first one not escaped by an odd run of backslashes.
int nesting_depth(std::string_view text) {
    int depth = 0, deepest = 0;
    const char* p = text.data();
    const char* const end = p + text.size();
    while (p < end) {
        const char c = *p++;
        if (c == '"') {
            for (;;) {
                const auto* q = static_cast<const char*>(std::memchr(p, '"', end - p));
                if (!q) return deepest;  // an unterminated string: nothing after it counts
                const char* run = q;
                while (run > p && run[-1] == '\\') --run;
                p = q + 1;
                if ((q - run) % 2 == 0) break;
            }
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

}  // namespace

namespace {

[[noreturn]] void fail_json(const json::exception& e) {
    // The library's words after its "[json.exception.parse_error.101] " tag: where and why.
    const std::string what = e.what();
    const auto tag = what.find("] ");
    fail("package is not valid JSON: " + (tag == std::string::npos ? what : what.substr(tag + 2)));
}

// The checks of a parsed package, in their order. With `stream`, the records arrays were read
// while parsing (see StreamingReader) and `doc` holds them as empty arrays.
Package checked_package(const json& doc, StreamingReader* stream) {
    Package p;
    try {
        if (!doc.is_object()) fail("package is not a JSON object");
        only_keys(doc, {"manifest", "records"}, "package");
        only_keys(member(doc, "records", "package"), {"programme", "staff", "learner", "status"},
                  "records");
        p.manifest = read_manifest(member(doc, "manifest", "package"));
        Sha256 hash;
        const json& records = doc.at("records");
        for (Entity e : kAllEntities) {
            const std::size_t k = std::size_t(e);
            const std::string name(entity_name(e));
            if (!records.contains(name)) fail("records." + name + " is missing");
            if (stream && stream->problems[k]) fail(*stream->problems[k]);
            // Not streamed (not an array): read_records says what is wrong.
            p.data.sets[k] = stream && stream->sets[k] ? std::move(*stream->sets[k])
                                                       : read_records(e, records.at(name), hash);
            const std::size_t n = p.data.count(e);
            if (n != p.manifest.counts[k])
                fail("records." + name + " holds " + std::to_string(n) +
                     " records but the manifest says " + std::to_string(p.manifest.counts[k]));
        }
        if ((stream ? stream->hash : hash).hex_digest() != p.manifest.content_sha256)
            fail("content_sha256 does not match the records");
    } catch (const json::exception& e) {
        // Every part is checked by name above; this is what slipped through, kept short.
        fail(std::string("package has a wrong shape (") + std::to_string(e.id) + ")");
    }
    return p;
}

}  // namespace

Package read_package_dom(std::string_view text);

Package read_package(std::string_view text) {
    if (nesting_depth(text) > kMaxDepth) fail("package is nested too deeply");
    json doc;
    std::optional<StreamingReader> stream;
    try {
        stream.emplace(doc);
        json::sax_parse(text, &*stream);
    } catch (const json::exception& e) {  // parse_error, and out_of_range for huge numbers
        fail_json(e);
    }
    if (!stream->streamed) return read_package_dom(text);
    return checked_package(doc, &*stream);
}

// The whole document at once: for packages whose entity arrays are not in the fixed order.
Package read_package_dom(std::string_view text) {
    if (nesting_depth(text) > kMaxDepth) fail("package is nested too deeply");
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) {
        fail_json(e);
    }
    return checked_package(doc, nullptr);
}

}  // namespace hemis
