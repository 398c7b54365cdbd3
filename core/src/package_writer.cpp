// Package writing: records one per line as compact JSON with sorted keys, dates in ISO form, and
// a manifest whose content hash covers exactly those canonical lines (prefixed by the entity
// name), so any reader that re-serialises a record the same way can re-check it.
#include <nlohmann/json.hpp>

#include "hemis/dates.hpp"
#include "hemis/package.hpp"
#include "hemis/report.hpp"
#include "hemis/sha256.hpp"

namespace hemis {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

namespace {

const std::string kEpoch = "1970-01-01T00:00:00Z";

std::string normalised(const FieldSpec& f, std::string_view v) {
    if (f.type == FieldType::date)
        if (auto d = parse_date(v)) return d->iso();
    return std::string(v);
}

json record_json(const RecordSet& set, std::size_t row) {
    const auto& fields = schema_of(set.entity).fields;
    json rec = json::object();
    for (std::size_t f = 0; f < fields.size(); ++f)
        rec[std::string(fields[f].name)] = normalised(fields[f], set.value(row, int(f)));
    return rec;
}

// Canonical line of one record, as hashed: "<entity> <compact sorted JSON>\n".
std::string hash_line(Entity e, const std::string& record_text) {
    return std::string(entity_name(e)) + " " + record_text + "\n";
}

ojson manifest_json(const Manifest& m) {
    ojson counts = ojson::object();
    for (Entity e : kAllEntities) counts[std::string(entity_name(e))] = m.counts[std::size_t(e)];
    return {{"format_version", m.format_version},
            {"package_id", m.package_id},
            {"institution", m.institution},
            {"period", m.period},
            {"created_at", m.created_at},
            {"rulebook", {{"version", m.rulebook_version}, {"hash", m.rulebook_hash}}},
            {"core_version", m.core_version},
            {"counts", counts},
            {"content_sha256", m.content_sha256},
            {"verdict", {{"errors", m.errors}, {"warnings", m.warnings}}}};
}

}  // namespace

std::string write_package(const Dataset& data, const Rulebook& rulebook, const Verdict& verdict,
                          const PackageOptions& options) {
    Manifest m;
    m.institution = options.institution;
    m.period = options.period;
    m.rulebook_version = rulebook.version();
    m.rulebook_hash = rulebook.hash();
    m.core_version = std::string(kCoreVersion);
    m.errors = verdict.summary.errors;
    m.warnings = verdict.summary.warnings;

    Sha256 hash;
    std::string latest_update;  // the latest cap_nhat_luc as an instant, kept as written
    long long latest_seconds = 0;
    std::array<std::string, kEntityCount> bodies;
    for (Entity e : kAllEntities) {
        const RecordSet* set = data.get(e);
        if (!set) continue;
        m.counts[std::size_t(e)] = set->size();
        const int updated = schema_of(e).field_index("cap_nhat_luc");
        for (std::size_t row = 0; row < set->size(); ++row) {
            const std::string text = record_json(*set, row).dump();
            hash.update(hash_line(e, text));
            bodies[std::size_t(e)] += (row ? ",\n" : "\n") + text;
            const auto u = set->value(row, updated);
            const auto seconds = iso_datetime_seconds(u);
            if (seconds && (latest_update.empty() || *seconds > latest_seconds)) {
                latest_seconds = *seconds;
                latest_update = std::string(u);
            }
        }
    }
    m.content_sha256 = hash.hex_digest();
    m.created_at = options.created_at.value_or(latest_update.empty() ? kEpoch : latest_update);
    m.package_id = options.package_id.value_or(m.institution + "-" + m.period + "-" +
                                               m.content_sha256.substr(0, 16));

    std::string out = "{\n\"manifest\": " + manifest_json(m).dump(2) + ",\n\"records\": {";
    for (Entity e : kAllEntities) {
        out += (e == Entity::programme ? "\n\"" : ",\n\"") + std::string(entity_name(e)) + "\": [";
        out += bodies[std::size_t(e)] + (bodies[std::size_t(e)].empty() ? "]" : "\n]");
    }
    out += "\n}\n}\n";
    return out;
}

}  // namespace hemis
