// Upload screen: the server (this page's origin), the access token kept in this browser, the
// Upload button with its "sending" line, the server's answer (receipt with its findings, or a
// clear error) and this institution's earlier receipts.
#include <imgui.h>

#include <algorithm>

#include "i18n.hpp"
#include "ui.hpp"

namespace web {
namespace {

const ImVec4 kGreen(0.1f, 0.45f, 0.2f, 1), kRed(0.7f, 0.1f, 0.1f, 1);

// A masked text field: the token is never shown on screen.
bool token_field(std::string& value) {
    return input_text(tr("upload.token"), value, ImGui::GetFontSize() * 24,
                      ImGuiInputTextFlags_Password);
}

std::string& token_edit() {
    static std::string edit;
    return edit;
}

void draw_token(App& app) {
    std::string& edit = token_edit();
    if (ImGui::IsWindowAppearing()) edit = app.upload.token;
    token_field(edit);
    mark_item("upload.token");
    // Saved when the field is left (Enter, Tab or a click elsewhere), not at every key.
    if (ImGui::IsItemDeactivatedAfterEdit() && edit != app.upload.token) {
        upload_set_token(app, edit);
        if (!edit.empty()) app.show(tr("upload.token_saved"));
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("upload.forget"))) {
        edit.clear();
        upload_forget_token(app);
    }
    mark_item("upload.forget");
    help_text(tr("upload.token_help"));
}

void draw_send(App& app) {
    const UploadState& s = app.upload;
    if (app.verdict && app.verdict->summary.errors > 0)
        ImGui::TextColored(
            kRed, "%s",
            trf("package.has_errors", {std::to_string(app.verdict->summary.errors)}).c_str());
    if (s.sending) {
        ImGui::BeginDisabled();
        ImGui::Button(tr("upload.send"));
        ImGui::EndDisabled();
        ImGui::SameLine();
        const std::string kb = std::to_string((s.sent_bytes + 1023) / 1024);
        const std::string secs = std::to_string(int(upload_seconds(s)));
        ImGui::TextUnformatted(trf("upload.sending", {kb, secs}).c_str());
    } else if (ImGui::Button(tr("upload.send"))) {
        if (token_edit() != s.token) upload_set_token(app, token_edit());
        upload_start(app);
    }
    mark_item("upload.send");
    ImGui::SameLine();
    if (ImGui::Button(tr("upload.history_show"))) upload_list(app);
    mark_item("upload.history");
    if (s.listing || s.fetching) {
        ImGui::SameLine();
        help_text(tr("upload.loading"));
    }
    if (s.error) {
        ImGui::PushStyleColor(ImGuiCol_Text, kRed);
        ImGui::TextWrapped("%s", upload_error_text(*s.error).c_str());
        ImGui::PopStyleColor();
    }
}

// The validation report's table: the receipt's rows name the same files and rows as the
// browser's own data, so a click opens the record as it does there.
void draw_findings(App& app, const Receipt& r) {
    ImGui::TextUnformatted(tr("upload.findings"));
    if (*tr("upload.messages_lang")) help_text(tr("upload.messages_lang"));
    if (r.findings.empty()) return empty_state(tr("upload.no_findings"));
    std::vector<const hemis::Finding*> shown;
    for (const auto& f : r.findings) shown.push_back(&f);
    // As tall as its rows, up to a dozen; more scroll inside the table.
    const int lines = int(std::min<std::size_t>(r.findings.size(), 12)) + 1;
    draw_findings_table(app, "receipt_findings", shown,
                        ImGui::GetFrameHeightWithSpacing() * float(lines) + 4);
}

void draw_receipt(App& app, const Receipt& r) {
    ImGui::Separator();
    ImGui::TextUnformatted(tr("upload.receipt"));
    if (r.accepted)
        ImGui::TextColored(kGreen, "%s", tr("upload.accepted"));
    else
        ImGui::TextColored(kRed, "%s", trf("upload.rejected", {std::to_string(r.errors)}).c_str());
    ImGui::Text("%s: %s", tr("upload.package_id"), r.package_id.c_str());
    ImGui::Text("%s: %s", tr("upload.institution"), r.institution.c_str());
    ImGui::Text("%s: %s", tr("upload.received_at"), r.received_at.c_str());
    for (hemis::Entity e : hemis::kAllEntities)
        ImGui::BulletText("%s: %zu", entity_label(e), r.counts[std::size_t(e)]);
    ImGui::TextUnformatted(
        trf("dashboard.summary", {std::to_string(r.errors), std::to_string(r.warnings)}).c_str());
    if (r.accepted)
        ImGui::TextWrapped(
            "%s",
            trf("upload.merged", {std::to_string(r.applied), std::to_string(r.kept)}).c_str());
    if (r.revalidated)
        ImGui::TextColored(
            kRed, "%s",
            trf("upload.revalidated", {r.rulebook_version, r.package_rulebook_version}).c_str());
    else
        help_text(trf("upload.rulebook", {r.rulebook_version}).c_str());
    draw_findings(app, r);
}

void draw_history(App& app) {
    const UploadState& s = app.upload;
    if (!s.history) return;
    ImGui::Separator();
    ImGui::TextUnformatted(tr("upload.history"));
    if (s.history->empty()) return empty_state(tr("upload.history_empty"));
    help_text(tr("upload.history_help"));
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;
    // Drawn above the receipt, so it is kept short: six rows, the rest scroll.
    const int lines = int(std::min<std::size_t>(s.history->size(), 6)) + 1;
    const ImVec2 size(0, ImGui::GetFrameHeightWithSpacing() * float(lines) + 4);
    if (!ImGui::BeginTable("receipts", 3, flags, size)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* key : {"upload.col_package", "upload.col_status", "upload.col_received"})
        ImGui::TableSetupColumn(tr(key));
    ImGui::TableHeadersRow();
    std::string open;
    for (std::size_t i = 0; i < s.history->size(); ++i) {
        const ReceiptItem& item = (*s.history)[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Selectable(item.package_id.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
            open = item.package_id;
        mark_item("upload.history." + std::to_string(i));
        ImGui::TableNextColumn();
        const bool ok = item.status == "accepted";
        ImGui::TextColored(ok ? kGreen : kRed, "%s",
                           tr(ok ? "upload.status_accepted" : "upload.status_rejected"));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(item.received_at.c_str());
    }
    ImGui::EndTable();
    if (!open.empty()) upload_fetch(app, open);
}

}  // namespace

void draw_upload(App& app) {
    upload_init(app);
    // A child window "appears" each time the screen is opened: the token field starts from
    // what is saved.
    ImGui::BeginChild("upload_panel");
    help_text(tr("upload.help"));
    static const std::string origin = page_origin();
    ImGui::TextUnformatted(trf("upload.server", {origin}).c_str());
    if (app.profile.code.empty() || app.profile.period.empty())
        ImGui::TextColored(kRed, "%s", tr("package.need_profile"));
    else
        ImGui::TextUnformatted(
            trf("upload.profile", {app.profile.code, app.profile.period}).c_str());
    draw_token(app);
    draw_send(app);
    draw_history(app);
    if (app.upload.receipt)
        draw_receipt(app, *app.upload.receipt);
    else
        empty_state(tr("upload.none"));
    ImGui::EndChild();
}

}  // namespace web
