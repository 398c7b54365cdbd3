// `hemis-server admin …`: accounts. A token is shown once and stored only as its SHA-256.
#pragma once
#include <string>

namespace hemis::server {

struct AdminOptions {
    std::string db, data_dir, code;
    bool allow_unknown = false;  // accept an institution code missing from the ministry's list
};

int add_institution(const AdminOptions& opt);
int add_operator(const AdminOptions& opt);

}  // namespace hemis::server
