// Package screen: what will be sent, and the downloads (package JSON, report CSV).
#include <imgui.h>

#include "i18n.hpp"
#include "ui.hpp"

namespace web {

void draw_package(App& app) {
    help_text(tr("package.help"));
    ImGui::Text("%s: %s", tr("settings.code"), app.profile.code.c_str());
    ImGui::Text("%s: %s", tr("settings.period"), app.profile.period.c_str());
    for (hemis::Entity e : hemis::kAllEntities)
        ImGui::BulletText("%s: %zu", entity_label(e), app.records.count(e));
    if (app.verdict && app.verdict->summary.errors > 0)
        ImGui::TextColored(
            ImVec4(0.7f, 0.1f, 0.1f, 1), "%s",
            trf("package.has_errors", {std::to_string(app.verdict->summary.errors)}).c_str());
    if (ImGui::Button(tr("package.download"))) {
        std::string error;
        const std::string text = app.package_text(error);
        if (!error.empty())
            app.show(error, true);
        else
            download("hemis-" + app.profile.code + "-" + app.profile.period + ".json", text,
                     "application/json");
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("report.download_csv")))
        download(tr("report.file_name"), app.report_csv(), "text/csv;charset=utf-8");
}

}  // namespace web
