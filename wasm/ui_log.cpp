// Log panel: the recent log lines, newest last, for support without browser developer tools.
#include <imgui.h>

#include "i18n.hpp"
#include "log.hpp"
#include "ui.hpp"

namespace web {

void draw_log(App&) {
    help_text(tr("log.help"));
    ImGui::BeginChild("log_lines", ImVec2(0, 0), true);
    for (const auto& line : log_lines()) {
        const ImVec4 colour = line.level >= LogLevel::warn ? ImVec4(0.7f, 0.1f, 0.1f, 1)
                                                           : ImVec4(0.2f, 0.2f, 0.25f, 1);
        ImGui::TextColored(colour, "%8.2f %-5s %s", line.time_s, level_name(line.level).data(),
                           line.text.c_str());
    }
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) ImGui::SetScrollHereY(1.0f);
    ImGui::EndChild();
}

}  // namespace web
