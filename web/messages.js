// Page-shell texts shown before the WebAssembly client runs (the client has its own catalogues).
// Vietnamese first; English when the user chose it in the app or the browser prefers it.
"use strict";
window.hemisMessages = {
  vi: {
    loading: "Đang tải ứng dụng…",
    downloading: "Đang tải ứng dụng ({0}%)…",
    starting: "Đang khởi động…",
    noWasm: "Trình duyệt này không chạy được WebAssembly nên không mở được HEMIS Entry. Hãy dùng bản mới của Chrome, Edge, Firefox hoặc Safari.",
    noWebgl: "Trình duyệt này không bật WebGL 2 nên không vẽ được giao diện. Hãy bật tăng tốc phần cứng trong cài đặt trình duyệt, hoặc dùng bản mới của Chrome, Edge, Firefox hoặc Safari.",
    failed: "Không tải được ứng dụng: {0}. Hãy tải lại trang; nếu vẫn lỗi, báo cho bộ phận hỗ trợ."
  },
  en: {
    loading: "Loading the application…",
    downloading: "Loading the application ({0}%)…",
    starting: "Starting…",
    noWasm: "This browser cannot run WebAssembly, so HEMIS Entry cannot open. Use a current Chrome, Edge, Firefox or Safari.",
    noWebgl: "This browser has WebGL 2 turned off, so the interface cannot be drawn. Turn on hardware acceleration in the browser's settings, or use a current Chrome, Edge, Firefox or Safari.",
    failed: "The application could not load: {0}. Reload the page; if this persists, contact support."
  }
};
window.hemisText = function (key, arg) {
  let lang = "vi";
  try { lang = localStorage.getItem("hemis.lang") || "vi"; } catch (e) { /* storage blocked */ }
  const table = window.hemisMessages[lang] || window.hemisMessages.vi;
  return (table[key] || key).replace("{0}", arg === undefined ? "" : String(arg));
};
