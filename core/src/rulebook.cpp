// Rulebook loading: parses the JSON, checks every rule against the entity schemas and catalogs,
// compiles patterns once, and hashes the rules together with the catalog files they read.
#include "hemis/rulebook.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "hemis/sha256.hpp"
#include "rule_checks.hpp"
#include "rulebook_impl.hpp"

namespace hemis {

using nlohmann::json;

namespace {

const std::map<std::string, RuleKind, std::less<>> kKinds = {
    {"input", RuleKind::input},           {"required", RuleKind::required},
    {"format", RuleKind::format},         {"date", RuleKind::date},
    {"datetime", RuleKind::datetime},     {"code", RuleKind::code},
    {"range", RuleKind::range},           {"compare", RuleKind::compare},
    {"citizen_id", RuleKind::citizen_id}, {"unique", RuleKind::unique},
    {"reference", RuleKind::reference},   {"tolerance", RuleKind::tolerance}};

// Number of fields each kind takes; -1 means one or more.
int field_count(RuleKind k) {
    switch (k) {
        case RuleKind::input:
        case RuleKind::tolerance: return 0;
        case RuleKind::compare: return 2;
        case RuleKind::unique: return -1;
        default: return 1;
    }
}

std::string param_text(const json& v) {
    return v.is_string() ? v.get<std::string>() : v.dump();
}

struct RuleCompiler {
    const Rulebook::Impl& book;
    CompiledRule& r;
    const json& p;  // params
    std::string where;

    [[noreturn]] void fail(const std::string& what) const {
        throw RulebookError(where + ": " + what);
    }

    int field(const std::string& name, Entity e) const {
        const int f = schema_of(e).field_index(name);
        if (f < 0) fail("entity " + std::string(entity_name(e)) + " has no field '" + name + "'");
        return f;
    }
    const Catalog* catalog(const std::string& name) const {
        const auto it = book.catalogs.find(name);
        if (it == book.catalogs.end()) fail("unknown catalog '" + name + "'");
        return &it->second;
    }
    int optional_field(const char* key) const {
        return p.contains(key) ? field(p.at(key).get<std::string>(), *r.entity) : -1;
    }

    void compile_kind() {
        switch (r.kind) {
            case RuleKind::format:
                r.digits = p.value("digits", false);
                r.length = p.value("length", -1);
                r.min_length = p.value("min_length", -1);
                r.max_length = p.value("max_length", -1);
                if (p.contains("pattern")) {
                    RE2::Options options;
                    options.set_log_errors(false);
                    auto re = std::make_shared<const RE2>(p.at("pattern").get<std::string>(),
                                                          options);
                    if (!re->ok()) fail("bad pattern: " + re->error());
                    r.pattern = std::move(re);
                }
                break;
            case RuleKind::code:
                r.catalog = catalog(p.at("catalog").get<std::string>());
                r.as_of = optional_field("as_of");
                break;
            case RuleKind::range:
                if (p.contains("min")) r.min = p.at("min").get<double>();
                if (p.contains("max")) r.max = p.at("max").get<double>();
                if (!r.min && !r.max) fail("range needs min or max");
                break;
            case RuleKind::compare:
                r.op = p.at("op").get<std::string>();
                if (r.op != "<" && r.op != "<=" && r.op != ">" && r.op != ">=" && r.op != "==")
                    fail("unknown comparison '" + r.op + "'");
                break;
            case RuleKind::citizen_id: compile_citizen_id(); break;
            case RuleKind::reference: {
                const auto target = entity_from_name(p.at("entity").get<std::string>());
                if (!target) fail("unknown target entity");
                r.target_entity = *target;
                r.target_field = field(p.at("field").get<std::string>(), *target);
                break;
            }
            case RuleKind::tolerance:
                r.counted =
                    p.value("severity", "warning") == "error" ? Severity::error : Severity::warning;
                r.max_share = p.at("max_share").get<double>();
                r.min_records = p.value("min_records", std::size_t{1});
                if (!r.entity) fail("tolerance needs an entity");
                break;
            default: break;
        }
    }

    void compile_citizen_id() {
        r.check = p.at("check").get<std::string>();
        r.catalog = catalog(p.at("catalog").get<std::string>());
        r.birth_date = optional_field("birth_date");
        r.gender = optional_field("gender");
        if (r.check == "century_gender") {
            if (r.catalog->attribute_index("century") < 0 ||
                r.catalog->attribute_index("gender") < 0)
                fail("catalog needs attributes century and gender");
        } else if (r.check != "birth_year" && r.check != "province") {
            fail("unknown citizen_id check '" + r.check + "'");
        }
        if (r.check == "birth_year" && r.birth_date < 0) fail("birth_year needs birth_date");
    }
};

CompiledRule compile_rule(const json& j, std::size_t index, const Rulebook::Impl& book) {
    CompiledRule r;
    r.id = j.at("id").get<std::string>();
    const std::string where = "rule " + std::to_string(index + 1) + " (" + r.id + ")";
    r.kind_name = j.at("kind").get<std::string>();
    const auto kind = kKinds.find(r.kind_name);
    if (kind == kKinds.end()) throw RulebookError(where + ": unknown kind '" + r.kind_name + "'");
    r.kind = kind->second;
    const std::string sev = j.at("severity").get<std::string>();
    if (sev != "error" && sev != "warning") throw RulebookError(where + ": bad severity");
    r.severity = sev == "error" ? Severity::error : Severity::warning;
    r.message_vi = j.at("message").at("vi").get<std::string>();
    r.message_en = j.at("message").at("en").get<std::string>();
    const json params = j.value("params", json::object());
    for (const auto& [k, v] : params.items()) r.params.emplace_back(k, param_text(v));

    RuleCompiler c{book, r, params, where};
    if (j.contains("entity")) {
        r.entity = entity_from_name(j.at("entity").get<std::string>());
        if (!r.entity) c.fail("unknown entity");
    }
    const int want = field_count(r.kind);
    for (const auto& f : j.value("fields", json::array())) r.field_names.push_back(f);
    if ((want >= 0 && int(r.field_names.size()) != want) || (want < 0 && r.field_names.empty()))
        c.fail("wrong number of fields");
    if (!r.field_names.empty() && !r.entity) c.fail("fields need an entity");
    for (const auto& f : r.field_names) r.fields.push_back(c.field(f, *r.entity));
    if (j.contains("when")) {
        r.when.field = c.field(j["when"].at("field").get<std::string>(), *r.entity);
        for (const auto& v : j["when"].at("in")) r.when.in.push_back(v.get<std::string>());
    }
    c.compile_kind();
    // {codes} lists a short code list in the message; anywhere else it would print nothing.
    const bool lists_codes = r.message_vi.find("{codes}") != std::string::npos ||
                             r.message_en.find("{codes}") != std::string::npos;
    if (lists_codes) {
        if (r.kind == RuleKind::code) r.listed_codes = listed_codes(*r.catalog);
        if (r.listed_codes.empty())
            c.fail("{codes} needs a code rule whose list has at most 12 codes");
    }
    return r;
}

}  // namespace

const CompiledRule& Rulebook::Impl::rule(std::string_view id) const {
    const auto it = by_id.find(std::string(id));
    if (it == by_id.end()) throw RulebookError("unknown rule id '" + std::string(id) + "'");
    return rules[it->second];
}

std::string fill_message(std::string_view tmpl, const Rulebook::Vars& vars) {
    std::string out;
    out.reserve(tmpl.size() + 32);
    for (std::size_t i = 0; i < tmpl.size();) {
        const std::size_t close = tmpl[i] == '{' ? tmpl.find('}', i) : std::string_view::npos;
        bool replaced = false;
        if (close != std::string_view::npos) {
            const auto name = tmpl.substr(i + 1, close - i - 1);
            for (const auto& [k, v] : vars) {
                if (k == name) {
                    out.append(v);
                    replaced = true;
                    break;
                }
            }
        }
        if (replaced) {
            i = close + 1;
        } else {
            out.push_back(tmpl[i++]);
        }
    }
    return out;
}

Rulebook Rulebook::load(std::string_view rulebook_json, const FileLoader& catalogs) {
    json doc;
    try {
        doc = json::parse(rulebook_json);
    } catch (const json::exception& e) {
        throw RulebookError(std::string("rulebook is not valid JSON: ") + e.what());
    }
    auto impl = std::make_shared<Impl>();
    try {
        if (!doc.is_object() || doc.at("format").get<int>() != 1)
            throw RulebookError("unsupported rulebook format");
        impl->version = doc.at("version").get<std::string>();
        std::string hash_input = "hemis-rulebook\n" + doc.dump();
        load_catalogs(doc.at("catalogs"), catalogs, *impl, hash_input);
        const json& rules = doc.at("rules");
        for (std::size_t i = 0; i < rules.size(); ++i) {
            try {
                impl->rules.push_back(compile_rule(rules[i], i, *impl));
            } catch (const json::exception& e) {
                throw RulebookError("rule " + std::to_string(i + 1) +
                                    " has a wrong shape: " + e.what());
            }
            if (!impl->by_id.emplace(impl->rules.back().id, i).second)
                throw RulebookError("duplicate rule id '" + impl->rules.back().id + "'");
        }
        for (const char* id : kInputRules)
            if (!impl->by_id.count(id)) throw RulebookError(std::string("missing rule ") + id);
        impl->hash = sha256_hex(hash_input);
    } catch (const json::exception& e) {
        throw RulebookError(std::string("rulebook has a wrong shape: ") + e.what());
    }
    Rulebook book;
    book.impl_ = std::move(impl);
    return book;
}

const std::string& Rulebook::version() const {
    return impl_->version;
}
const std::string& Rulebook::hash() const {
    return impl_->hash;
}

const Catalog* Rulebook::catalog(std::string_view name) const {
    const auto it = impl_->catalogs.find(name);
    return it == impl_->catalogs.end() ? nullptr : &it->second;
}

std::vector<RuleInfo> Rulebook::rules() const {
    std::vector<RuleInfo> out;
    for (const auto& r : impl_->rules)
        out.push_back(
            {r.id, r.kind_name, r.severity, r.entity, r.field_names, r.message_vi, r.message_en});
    return out;
}

Finding Rulebook::make_finding(std::string_view rule_id, std::optional<Entity> entity,
                               std::string file, std::string record, std::uint32_t row,
                               std::uint32_t column, std::string field, std::string value,
                               const Vars& extra) const {
    return finding_for(impl_->rule(rule_id), entity, std::move(file), std::move(record), row,
                       column, std::move(field), std::move(value), extra);
}

namespace {

// Cuts text shown in a finding to a readable length, at a code point boundary. A stray quote can
// put the rest of a file into one cell; repeating it in every message helps nobody.
std::string shortened(std::string s) {
    constexpr std::size_t kMaxBytes = 200;
    if (s.size() <= kMaxBytes) return s;
    std::size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s.resize(cut);
    return s + "…";
}

}  // namespace

Finding finding_for(const CompiledRule& r, std::optional<Entity> entity, std::string file,
                    std::string record, std::uint32_t row, std::uint32_t column, std::string field,
                    std::string value, const Rulebook::Vars& extra) {
    record = shortened(std::move(record));
    value = shortened(std::move(value));
    Rulebook::Vars vars = extra;
    vars.emplace_back("field", field);
    vars.emplace_back("value", value);
    vars.insert(vars.end(), r.params.begin(), r.params.end());
    Severity sev = r.severity;
    if (r.kind == RuleKind::code && r.catalog->partial) sev = Severity::warning;
    return Finding{r.id,
                   sev,
                   entity,
                   std::move(file),
                   std::move(record),
                   row,
                   column,
                   std::move(field),
                   std::move(value),
                   fill_message(r.message_vi, vars),
                   fill_message(r.message_en, vars)};
}

FileLoader directory_loader(std::string directory) {
    return [dir = std::move(directory)](const std::string& name) -> std::optional<std::string> {
        if (name.find("..") != std::string::npos) return std::nullopt;
        std::ifstream in(dir + "/" + name, std::ios::binary);
        if (!in) return std::nullopt;
        std::ostringstream ss;
        ss << in.rdbuf();
        return ss.str();
    };
}

std::string default_data_dir() {
    if (const char* env = std::getenv("HEMIS_DATA_DIR"); env && *env) return env;
    return HEMIS_SOURCE_DATA_DIR;
}

Rulebook load_default_rulebook(const std::string& data_dir) {
    const auto text = directory_loader(data_dir + "/rules")("rulebook.json");
    if (!text) throw RulebookError("cannot read " + data_dir + "/rules/rulebook.json");
    return Rulebook::load(*text, directory_loader(data_dir + "/reference"));
}

}  // namespace hemis
