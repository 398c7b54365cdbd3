// `hemis upload PACKAGE --server URL --token TOKEN`: sends a package to hemis-server and prints the
// receipt. Exit code 0 accepted, 1 rejected, 2 not delivered (network, token, refused package).
#pragma once
#include <string>

#include "commands.hpp"

namespace hemis::cli {

struct UploadOptions {
    std::string package, server, token;
    int timeout = 120;  // seconds
};

int run_upload(const CommonOptions& common, const UploadOptions& opt);

}  // namespace hemis::cli
