// Vietnamese ordering and accent-insensitive matching for the tables.
// Order follows the Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư …), then tones in
// dictionary order (none, huyền, hỏi, ngã, sắc, nặng), then the raw text as a tie-breaker.
#pragma once
#include <string>
#include <string_view>

namespace web {

// A byte string whose plain comparison gives Vietnamese order for the NFC text `s`.
std::string collation_key(std::string_view s);

// Lower case without tone or letter marks ("Đặng Thị Ánh" -> "dang thi anh"), for search.
std::string fold_for_search(std::string_view s);

}  // namespace web
