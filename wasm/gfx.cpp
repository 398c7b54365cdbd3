// GLFW window, WebGL2 context and ImGui backends. GLFW's own character callback is left out on
// purpose: typed text arrives from the hidden input (text_input.cpp), which sees IME composition.
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cmath>

#include "browser.hpp"
#include "fonts.hpp"
#include "gfx.hpp"
#include "log.hpp"

namespace web {
namespace {

constexpr float kBaseFontPx = 15.0f;
GLFWwindow* g_window = nullptr;
ImGuiStyle g_base_style;

void install_callbacks(GLFWwindow* w) {
    glfwSetWindowFocusCallback(w, ImGui_ImplGlfw_WindowFocusCallback);
    glfwSetCursorEnterCallback(w, ImGui_ImplGlfw_CursorEnterCallback);
    glfwSetMouseButtonCallback(w, ImGui_ImplGlfw_MouseButtonCallback);
    glfwSetScrollCallback(w, [](GLFWwindow* win, double dx, double dy) {
        // Browsers report wheel deltas in pixels (about 100 a notch); ImGui expects notches.
        ImGui_ImplGlfw_ScrollCallback(win, -dx / 100.0, -dy / 100.0);
    });
    glfwSetKeyCallback(w, ImGui_ImplGlfw_KeyCallback);
}

void apply_style(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = g_base_style;
    style.ScaleAllSizes(scale);
}

}  // namespace

bool gfx_init(Gfx& gfx) {
    if (!glfwInit()) return false;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // ImGui uses no depth or stencil buffer and covers the whole canvas: an opaque canvas without
    // them leaves the browser fewer buffers to clear and nothing to blend with the page, which
    // counts when WebGL runs on a software rasteriser (SwiftShader) and every pixel costs.
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    int w = 0, h = 0;
    canvas_css_size(w, h);
    const double dpr = device_pixel_ratio();
    g_window = glfwCreateWindow(int(w * dpr), int(h * dpr), "HEMIS Entry", nullptr, nullptr);
    if (!g_window) {
        log_error("gfx: cannot create a WebGL2 context");
        return false;
    }
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is fixed; nothing to remember between visits
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui::StyleColorsLight();
    ImGui::GetStyle().FrameBorderSize = 1.0f;
    g_base_style = ImGui::GetStyle();

    ImGui_ImplGlfw_InitForOpenGL(g_window, false);
    install_callbacks(g_window);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    gfx.ui_scale = 0;  // forces the first gfx_sync_size to build fonts and style
    return true;
}

void gfx_sync_size(Gfx& gfx, float zoom) {
    int css_w = 0, css_h = 0;
    canvas_css_size(css_w, css_h);
    const float dpr = float(device_pixel_ratio());
    const int want_w = int(std::lround(css_w * dpr)), want_h = int(std::lround(css_h * dpr));
    int cur_w = 0, cur_h = 0;
    glfwGetWindowSize(g_window, &cur_w, &cur_h);
    if (cur_w != want_w || cur_h != want_h) glfwSetWindowSize(g_window, want_w, want_h);

    const float scale = dpr * zoom;
    if (std::fabs(scale - gfx.ui_scale) < 0.01f) return;
    const bool renderer_ready = gfx.font_px > 0;
    gfx.ui_scale = scale;
    gfx.font_px = std::round(kBaseFontPx * scale);
    build_fonts(gfx.font_px, renderer_ready);
    apply_style(scale);
}

void gfx_begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    // A frozen clock (headless virtual time) gives zero; ImGui asserts on that.
    if (!(io.DeltaTime > 0.0f)) io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
}

void gfx_end_frame() {
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(g_window, &w, &h);
    glViewport(0, 0, w, h);
    // The clear paints the main window's background (drawn without one, see draw_app): one
    // full-canvas blended quad less per frame, about 10 ms under SwiftShader at 1280x800.
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace web
