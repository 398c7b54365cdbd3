// hemis-server: the upload server (serve) and its account administration (admin). Flags come from
// the command line or HEMIS_* environment variables; the command line wins.
#include <csignal>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>

#include "admin.hpp"
#include "api.hpp"
#include "upload.hpp"

using namespace hemis;
using namespace hemis::server;

namespace {

struct ServeOptions {
    std::string listen = "127.0.0.1:8080", db = "hemis.db", web, data_dir;
    std::size_t max_body = 64u << 20;
    int rate_limit = 120;  // requests a minute per token
    int timeout = 30;      // seconds to read or write one request
    int threads = 64;      // request threads: each kept-alive connection holds one
};

bool split_listen(const std::string& listen, std::string& host, int& port) {
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos) return false;
    host = listen.substr(0, colon);
    if (host.size() > 1 && host.front() == '[') host = host.substr(1, host.size() - 2);
    try {
        port = std::stoi(listen.substr(colon + 1));
    } catch (const std::exception&) {
        return false;
    }
    return port >= 0 && port < 65536;
}

// SIGTERM and SIGINT are blocked in every thread and taken here, so stop() runs outside a
// signal handler; httplib then finishes the requests in flight before listen returns.
std::thread stop_on_signal(httplib::Server& svr) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    return std::thread([&svr, set] {
        int sig = 0;
        sigwait(&set, &sig);
        log_json("info", {{"event", "stopping"}, {"signal", sig}});
        svr.stop();
    });
}

int serve(const ServeOptions& opt) {
    std::string host;
    int port = 0;
    if (!split_listen(opt.listen, host, port)) {
        std::cerr << "hemis-server: --listen expects HOST:PORT\n";
        return 2;
    }
    auto store = open_store(opt.db);
    Context ctx{*store, load_default_rulebook(opt.data_dir), opt.max_body, {}, opt.rate_limit};
    httplib::Server svr;
    // cpp-httplib sets SO_REUSEPORT, which lets a second server bind a port already in use and
    // split the requests between two databases. SO_REUSEADDR alone still allows a quick restart.
    svr.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    svr.set_payload_max_length(opt.max_body);
    // cpp-httplib serves a connection on one pool thread for as long as it is kept alive; with
    // its default pool (max(8, cores - 1) threads) the 9th concurrent client waited seconds for a
    // thread (p99 of 25 s at 50 clients, issue 6). Threads mostly wait on sockets: a pool as
    // large as the expected number of concurrent clients is cheap.
    svr.new_task_queue = [n = opt.threads] { return new httplib::ThreadPool(std::size_t(n)); };
    // httplib writes a response's headers and body apart: with Nagle's algorithm the body then
    // waited for the client's delayed ACK, 40 ms on every kept-alive request (issue 6).
    svr.set_tcp_nodelay(true);
    svr.set_read_timeout(opt.timeout);
    svr.set_write_timeout(opt.timeout);
    svr.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
    svr.set_file_extension_and_mimetype_mapping("data", "application/octet-stream");  // preload
    if (!opt.web.empty() && !svr.set_mount_point("/", opt.web)) {
        std::cerr << "hemis-server: --web folder not found: " << opt.web << "\n";
        return 2;
    }
    install_hooks(svr, ctx);
    install_routes(svr, ctx);
    std::thread stopper = stop_on_signal(svr);
    if (port == 0)
        port = svr.bind_to_any_port(host);
    else if (!svr.bind_to_port(host, port))
        port = -1;
    if (port < 0) {
        std::cerr << "hemis-server: cannot listen on " << opt.listen << "\n";
        std::_Exit(2);  // the signal thread is blocked in sigwait and cannot be joined
    }
    log_json("info", {{"event", "listening"},
                      {"host", host},
                      {"port", port},
                      {"rulebook", ctx.rulebook.version()}});
    svr.listen_after_bind();
    stopper.join();
    log_json("info", {{"event", "stopped"}});
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"hemis-server: nhận gói dữ liệu HEMIS / receives HEMIS data packages"};
    ServeOptions opt;
    opt.data_dir = default_data_dir();
    app.add_option("--listen", opt.listen, "HOST:PORT (port 0 picks a free one)")
        ->envname("HEMIS_LISTEN");
    app.add_option("--db", opt.db, "SQLite file, or postgresql:// URL")->envname("HEMIS_DB");
    app.add_option("--web", opt.web, "folder of the browser client's files")->envname("HEMIS_WEB");
    app.add_option("--data", opt.data_dir, "folder holding rules/ and reference/")
        ->envname("HEMIS_DATA_DIR");
    app.add_option("--max-body", opt.max_body, "largest accepted body, bytes")
        ->envname("HEMIS_MAX_BODY");
    app.add_option("--rate-limit", opt.rate_limit, "requests a minute per token")
        ->envname("HEMIS_RATE_LIMIT")
        ->check(CLI::Range(1, 1000000));
    app.add_option("--threads", opt.threads, "request threads (concurrent connections served)")
        ->envname("HEMIS_THREADS")
        ->check(CLI::Range(2, 4096));
    app.add_option("--timeout", opt.timeout, "seconds to read or write a request")
        ->envname("HEMIS_TIMEOUT")
        ->check(CLI::Range(1, 3600));

    AdminOptions admin_opt;
    auto* admin = app.add_subcommand("admin", "accounts")->require_subcommand(1)->fallthrough();
    auto* add_inst =
        admin->add_subcommand("add-institution", "new institution token")->fallthrough();
    add_inst->add_option("code", admin_opt.code, "institution code (mã trường)")->required();
    add_inst->add_flag("--allow-unknown", admin_opt.allow_unknown, "code not in the catalogue");
    auto* add_op = admin->add_subcommand("add-operator", "new operator token")->fallthrough();
    add_op->add_option("name", admin_opt.code, "operator name")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    try {
        admin_opt.db = opt.db;
        admin_opt.data_dir = opt.data_dir;
        if (*add_inst) return add_institution(admin_opt);
        if (*add_op) return add_operator(admin_opt);
        return serve(opt);
    } catch (const std::exception& e) {
        std::cerr << "hemis-server: " << e.what() << "\n";
        return 2;
    }
}
