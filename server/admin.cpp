// Account creation. Tokens are 32 random bytes from the kernel, in hex with a readable prefix.
#include "admin.hpp"

#include <fstream>
#include <iostream>

#include "hemis/rulebook.hpp"
#include "hemis/sha256.hpp"
#include "store.hpp"

namespace hemis::server {

namespace {

std::string new_token() {
    std::ifstream random("/dev/urandom", std::ios::binary);
    unsigned char bytes[32];
    if (!random.read(reinterpret_cast<char*>(bytes), sizeof bytes))
        throw std::runtime_error("cannot read /dev/urandom");
    static const char* hex = "0123456789abcdef";
    std::string token = "hemis_";
    for (unsigned char b : bytes) token += {hex[b >> 4], hex[b & 15]};
    return token;
}

int create(const std::string& db, const Account& account, const std::string& label) {
    const std::string token = new_token();
    open_store(db)->add_account(sha256_hex(token), account);
    std::cout << "Mã truy cập mới cho " << label << " (chỉ hiện một lần) / New token for " << label
              << " (shown once):\n"
              << token << "\n";
    return 0;
}

}  // namespace

int add_institution(const AdminOptions& opt) {
    const Rulebook book = load_default_rulebook(opt.data_dir);
    const Catalog* schools = book.catalog("truong");
    if (!opt.allow_unknown && schools && !schools->entry(opt.code)) {
        std::cerr << "hemis-server: mã trường " << opt.code
                  << " không có trong danh mục; dùng --allow-unknown nếu chắc chắn / institution "
                     "code "
                  << opt.code << " is not in the catalogue; pass --allow-unknown if you are sure\n";
        return 2;
    }
    return create(opt.db, {"institution", opt.code, opt.code}, opt.code);
}

int add_operator(const AdminOptions& opt) {
    return create(opt.db, {"operator", "", opt.code}, opt.code);
}

}  // namespace hemis::server
