// Settings: interface language and the institution profile used for packages.
#include <imgui.h>

#include "i18n.hpp"
#include "ui.hpp"

namespace web {

void draw_settings(App& app) {
    static Profile edit;
    // The child window "appears" each time the screen is opened: start from the saved profile.
    ImGui::BeginChild("settings_panel");
    if (ImGui::IsWindowAppearing()) edit = app.profile;
    ImGui::TextUnformatted(tr("settings.language"));
    int lang = language() == hemis::Lang::vi ? 0 : 1;
    const bool changed = ImGui::RadioButton("Tiếng Việt", &lang, 0);
    ImGui::SameLine();
    if (ImGui::RadioButton("English", &lang, 1) || changed) {
        app.set_language(lang == 0 ? hemis::Lang::vi : hemis::Lang::en);
        app.save_setting("language", lang == 0 ? "vi" : "en");
    }
    ImGui::Separator();
    ImGui::TextUnformatted(tr("settings.profile"));
    input_text(tr("settings.code"), edit.code, ImGui::GetFontSize() * 10);
    input_text(tr("settings.name"), edit.name, ImGui::GetFontSize() * 24);
    input_text(tr("settings.period"), edit.period, ImGui::GetFontSize() * 6);
    if (ImGui::Button(tr("settings.save")) && app.save_profile(edit))
        app.show(tr("settings.saved"));
    ImGui::EndChild();
}

}  // namespace web
