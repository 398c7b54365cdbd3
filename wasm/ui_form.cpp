// The record form: one field per schema column with its findings right under it, checked again
// a moment after each edit. Ctrl+Enter saves; Escape goes back to the table, asking first when
// there are unsaved changes. A saved record's id and the version metadata are read-only.
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

bool is_key(hemis::Entity e, std::string_view field) {
    for (auto k : hemis::schema_of(e).key)
        if (k == field) return true;
    return false;
}

// Written on saving, never typed: phien_ban and cap_nhat_luc.
bool is_stamped(std::string_view field) {
    return field == "phien_ban" || field == "cap_nhat_luc";
}

void draw_field_note(App& app, const hemis::FieldSpec& spec, float indent) {
    const bool locked_id = app.form.id != 0 && is_key(app.form.entity, spec.name);
    const bool first_key = spec.name == hemis::schema_of(app.form.entity).key.back();
    const bool first_meta = spec.name == "phien_ban";
    if (!(locked_id && first_key) && !first_meta) return;
    if (indent > 0) ImGui::Indent(indent);
    help_text(tr(first_meta ? "form.version_auto" : "form.id_locked"));
    if (indent > 0) ImGui::Unindent(indent);
}

void draw_duplicate_link(App& app, const hemis::FieldSpec& spec, float indent) {
    if (!app.form.duplicate_of || spec.name != hemis::schema_of(app.form.entity).key.front())
        return;
    if (indent > 0) ImGui::Indent(indent);
    if (ImGui::SmallButton(tr("form.open_existing")))
        app.open_form(app.form.entity, app.form.duplicate_of);
    if (indent > 0) ImGui::Unindent(indent);
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
    const bool read_only =
        is_stamped(spec.name) || (app.form.id != 0 && is_key(app.form.entity, spec.name));
    if (read_only)
        ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::GetStyleColorVec4(ImGuiCol_WindowBg));
    if (input_text("##value", app.form.values[i], narrow ? -1.0f : field_w,
                   read_only ? ImGuiInputTextFlags_ReadOnly : 0)) {
        app.form.dirty = true;
        last_edit = ImGui::GetTime();
    }
    if (read_only) ImGui::PopStyleColor();
    if (ImGui::IsItemActive()) app.form.focused_field = std::string(spec.name);
    mark_item("form." + std::string(spec.name));
    draw_field_note(app, spec, indent);
    for (const auto& f : app.form.live) {
        if (f.field != spec.name) continue;
        if (indent > 0) ImGui::Indent(indent);
        show_finding_message(f);
        if (indent > 0) ImGui::Unindent(indent);
    }
    draw_duplicate_link(app, spec, indent);
    ImGui::PopID();
}

void leave_form(App& app) {
    app.table_entity = app.form.entity;
    app.screen = Screen::table;
}

// Unsaved changes are never dropped by a stray Escape: the user saves, discards or goes on.
void draw_unsaved_question(App& app) {
    static int opened_frame = -1;
    if (app.form.asking && !ImGui::IsPopupOpen("###confirm_discard")) {
        ImGui::OpenPopup("###confirm_discard");
        opened_frame = ImGui::GetFrameCount();
    }
    const std::string title = std::string(tr("form.discard_title")) + "###confirm_discard";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        app.form.asking = false;
        return;
    }
    ImGui::TextUnformatted(tr("form.discard_confirm"));
    const bool escape =
        ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false) && ImGui::GetFrameCount() != opened_frame;
    bool close = false;
    if (ImGui::Button(tr("form.save")) && app.save_form()) close = true, leave_form(app);
    mark_item("form.ask.save");
    ImGui::SameLine();
    if (ImGui::Button(tr("form.discard"))) {
        close = true;
        app.form.dirty = false;
        leave_form(app);
    }
    mark_item("form.ask.discard");
    ImGui::SameLine();
    if (ImGui::Button(tr("form.keep_editing")) || escape) close = true;
    mark_item("form.ask.keep");
    if (close) {
        app.form.asking = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_buttons(App& app) {
    const bool ctrl_enter = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_ENTER);
    if (ImGui::Button(tr("form.save")) || (ctrl_enter && !app.form.asking)) app.save_form();
    ImGui::SameLine();
    const bool escape = ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false) && !app.form.asking;
    if (ImGui::Button(tr("form.back")) || escape) {
        if (app.form.dirty)
            app.form.asking = true;
        else
            leave_form(app);
    }
    draw_unsaved_question(app);
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
    // A field takes the keyboard when a form opens, so entry can start without a click: the
    // first one, or the one a finding chosen in the report is about.
    if (ImGui::IsWindowAppearing()) form.focus_first = true;
    form.focused_field.clear();
    for (std::size_t i = 0; i < form.values.size(); ++i) {
        if (int(i) == form.focus_field && form.focus_first) {
            ImGui::SetKeyboardFocusHere();
            ImGui::SetScrollHereY(0.3f);
            form.focus_first = false;
        }
        draw_field(app, i, last_edit);
    }
    ImGui::EndChild();
}

}  // namespace web
