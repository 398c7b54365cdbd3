// The record form: one field per schema column with its findings right under it, checked again
// a moment after each edit. Ctrl+Enter saves, Escape goes back to the table.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "i18n.hpp"
#include "ui.hpp"

namespace web {
namespace {

constexpr double kCheckDelay = 0.25;  // seconds of quiet typing before the record is re-checked

void draw_record_findings(const FormState& form) {
    for (const auto& f : form.live)
        if (f.field.empty()) show_finding_message(f);
}

void draw_field(App& app, std::size_t i, double& last_edit) {
    const auto& spec = hemis::schema_of(app.form.entity).fields[i];
    // Label beside the field where there is room; above it, full width, on a phone.
    const float label_w = ImGui::GetFontSize() * 14, field_w = ImGui::GetFontSize() * 22;
    const bool narrow = ImGui::GetContentRegionAvail().x < label_w + field_w;
    const float indent = narrow ? 0.0f : label_w;
    ImGui::PushID(int(i));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(field_label(spec.name));
    if (!narrow) ImGui::SameLine(label_w);
    if (input_text("##value", app.form.values[i], narrow ? -1.0f : field_w)) {
        app.form.dirty = true;
        last_edit = ImGui::GetTime();
    }
    mark_item("form." + std::string(spec.name));
    for (const auto& f : app.form.live) {
        if (f.field != spec.name) continue;
        if (indent > 0) ImGui::Indent(indent);
        show_finding_message(f);
        if (indent > 0) ImGui::Unindent(indent);
    }
    ImGui::PopID();
}

void draw_buttons(App& app) {
    const bool ctrl_enter = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_ENTER);
    if (ImGui::Button(tr("form.save")) || ctrl_enter) app.save_form();
    ImGui::SameLine();
    if (ImGui::Button(tr("form.back")) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) {
        app.table_entity = app.form.entity;
        app.screen = Screen::table;
    }
    if (app.form.id == 0) return;
    ImGui::SameLine();
    if (ImGui::Button(tr("form.delete"))) ImGui::OpenPopup("confirm_delete");
    if (ImGui::BeginPopup("confirm_delete")) {
        ImGui::TextUnformatted(tr("form.delete_confirm"));
        if (ImGui::Button(tr("form.delete")) && app.delete_record(app.form.entity, app.form.id)) {
            app.form.open = false;
            app.screen = Screen::table;
        }
        ImGui::EndPopup();
    }
}

}  // namespace

void draw_form(App& app) {
    static double last_edit = -1;
    FormState& form = app.form;
    if (!form.open) return empty_state(tr("form.none"));
    if (last_edit >= 0 && ImGui::GetTime() - last_edit > kCheckDelay) {
        app.check_form();
        last_edit = -1;
    }
    ImGui::TextUnformatted(
        trf(form.id ? "form.title_edit" : "form.title_new", {entity_label(form.entity)}).c_str());
    help_text(tr("form.help"));
    draw_buttons(app);
    ImGui::Separator();
    draw_record_findings(form);
    ImGui::BeginChild("fields");
    // The first field takes the keyboard when a form opens, so entry can start without a click.
    if (ImGui::IsWindowAppearing()) form.focus_first = true;
    for (std::size_t i = 0; i < form.values.size(); ++i) {
        if (i == 0 && form.focus_first) {
            ImGui::SetKeyboardFocusHere();
            form.focus_first = false;
        }
        draw_field(app, i, last_edit);
    }
    ImGui::EndChild();
}

}  // namespace web
