// POST /api/v1/packages, after authentication: checks, re-validation, receipt, storage.
#include "upload.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <future>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "body_checks.hpp"
#include "hemis/package.hpp"
#include "hemis/report.hpp"
#include "hemis/validator.hpp"

namespace hemis::server {

namespace {

using ojson = nlohmann::ordered_json;
constexpr int kMaxDepth = 16;

long long version_of(std::string_view text) {
    long long v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
}

// Each record's fields as one JSON object in schema order, built straight into a string: an
// ordered_json per record cost more than storing it (issue 6). One row at a time: see Upload.
void each_record_row(const Dataset& data, const std::function<void(const RecordRow&)>& fn) {
    RecordRow row;
    for (Entity e : kAllEntities) {
        const RecordSet* set = data.get(e);
        if (!set) continue;
        const EntitySchema& schema = schema_of(e);
        const auto field = [&](std::string_view n) { return schema.field_index(n); };
        const int event = field("su_kien"), updated = field("cap_nhat_luc"),
                  version = field("phien_ban");
        std::vector<std::string> keys;  // `{"name":` for the first field, `,"name":` after
        for (const auto& f : schema.fields) {
            keys.emplace_back(keys.empty() ? "{" : ",");
            append_json_string(keys.back(), f.name);
            keys.back().push_back(':');
        }
        row.entity = entity_name(e);
        for (std::size_t r = 0; r < set->size(); ++r) {
            std::string& fields = row.data;
            fields.clear();
            for (std::size_t f = 0; f < schema.fields.size(); ++f) {
                fields += keys[f];
                append_json_string(fields, set->value(r, int(f)));
            }
            fields.push_back('}');
            row.id = set->record_id(r);
            row.event = set->value(r, event);
            row.updated_at = set->value(r, updated);
            row.version = version_of(set->value(r, version));
            fn(row);
        }
    }
}

// The receipt's "findings" is spliced in as the exact text `hemis validate --json` prints (without
// its final newline), so clients can compare it byte for byte.
std::string receipt_text(const Package& p, const Verdict& v, const std::string& received_at,
                         const MergeCounts& merged) {
    const Manifest& m = p.manifest;
    ojson counts = ojson::object();
    for (Entity e : kAllEntities) counts[std::string(entity_name(e))] = p.data.count(e);
    const ojson head = {
        {"package_id", m.package_id},
        {"institution", m.institution},
        {"status", v.summary.errors ? "rejected" : "accepted"},
        {"received_at", received_at},
        {"content_sha256", m.content_sha256},
        {"counts", counts},
        {"merged", {{"applied", merged.applied}, {"kept", merged.kept}}},
        {"errors", v.summary.errors},
        {"warnings", v.summary.warnings},
        {"rulebook", {{"version", v.rulebook_version}, {"hash", v.rulebook_hash}}},
        {"package_rulebook", {{"version", m.rulebook_version}, {"hash", m.rulebook_hash}}},
        {"revalidated_with_newer_rulebook", m.rulebook_hash != v.rulebook_hash},
    };
    std::string text = head.dump();
    std::string findings = verdict_to_json(v, Lang::vi);
    if (!findings.empty() && findings.back() == '\n') findings.pop_back();
    text.pop_back();
    return text + ",\"findings\":" + findings + "}\n";
}

// Validation runs on a thread of its own while the store merges the records: with validation
// first, the merge waited a second per million records with the second core idle (issue 6). A
// package found rejected has its merge undone by the store. One whose own verdict counts errors
// is validated before anything, and its records are merged only if it passes after all.
Reply save(Store& store, const Rulebook& rulebook, const Package& p) {
    const std::string now = utc_now();
    std::future<Verdict> validating =
        std::async(std::launch::async, [&rulebook, &p] { return validate(rulebook, p.data); });
    std::optional<Verdict> verdict;
    const auto v = [&]() -> const Verdict& {
        if (!verdict) verdict = validating.get();
        return *verdict;
    };
    const auto status = [&]() -> std::string {
        return v().summary.errors ? "rejected" : "accepted";
    };
    Upload u;
    u.receipt = {
        p.manifest.institution, p.manifest.package_id, p.manifest.content_sha256, {}, now, {}};
    u.status = status;
    u.make_receipt = [&](const MergeCounts& merged) { return receipt_text(p, v(), now, merged); };
    if (!p.manifest.errors || !v().summary.errors)
        u.each_record = [&p](const std::function<void(const RecordRow&)>& fn) {
            each_record_row(p.data, fn);
        };
    const SaveResult r = store.save_upload(u);
    switch (r.outcome) {
        case SaveOutcome::stored: return {201, r.receipt, status()};
        case SaveOutcome::duplicate: return {200, r.receipt, "duplicate"};
        case SaveOutcome::conflict: break;
    }
    Reply c = error_reply(Err::conflict, p.manifest.package_id);
    c.outcome = "conflict";
    return c;
}

}  // namespace

std::string utc_now() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    char out[48];
    std::snprintf(out, sizeof out, "%s.%03dZ", buf, int(ms.count() % 1000));
    return out;
}

Reply error_reply(Err e, const std::string& detail) {
    const ErrorInfo& info = error_info(e);
    const auto fill = [&](std::string s) {
        if (const auto at = s.find("{detail}"); at != std::string::npos)
            s = s.substr(0, at) + detail + s.substr(at + 8);
        return s;
    };
    const std::string message = fill(info.vi) + " / " + fill(info.en);
    const ojson body = {{"error", {{"code", info.code}, {"message", message}}}};
    return {info.status, body.dump() + "\n", info.code};
}

Reply handle_upload(Store& store, const Rulebook& rulebook, const Account& account,
                    std::string_view body) {
    if (account.role != "institution") return error_reply(Err::operator_upload);
    Package p;
    try {
        p = read_package(body);
    } catch (const PackageError& e) {
        // Told apart only on failure: each of these checks is a pass over the whole body, and a
        // package that reads is valid UTF-8 and JSON nested no deeper than a package may be.
        // A second full parse of every upload cost a fifth of the ingest time (issue 6).
        if (!valid_utf8(body)) return error_reply(Err::invalid_utf8);
        if (json_depth(body, kMaxDepth) > kMaxDepth) return error_reply(Err::too_deep);
        if (!nlohmann::json::accept(body)) return error_reply(Err::invalid_json);
        return error_reply(Err::invalid_package, e.what());
    }
    if (p.manifest.institution != account.institution)
        return error_reply(Err::other_institution, p.manifest.institution);
    return save(store, rulebook, p);
}

}  // namespace hemis::server
