// Name parts for synthetic people. Frequencies are not modelled: each part is equally likely.
#include "generator_names.hpp"

namespace hemis::names {

namespace {
constexpr std::string_view kFamily[] = {"Nguyễn", "Trần", "Lê",   "Phạm",  "Hoàng", "Huỳnh", "Phan",
                                        "Vũ",     "Võ",   "Đặng", "Bùi",   "Đỗ",    "Hồ",    "Ngô",
                                        "Dương",  "Lý",   "Đinh", "Trịnh", "Mai",   "Tạ"};
constexpr std::string_view kMiddleMale[] = {"Văn",  "Hữu", "Đức", "Minh", "Quang", "Thành",
                                            "Công", "Gia", "Anh", "Tuấn", "Xuân",  "Đình"};
constexpr std::string_view kMiddleFemale[] = {"Thị", "Ngọc", "Thu",  "Thanh", "Minh",  "Phương",
                                              "Bảo", "Kim",  "Hồng", "Diệu",  "Khánh", "Mỹ"};
constexpr std::string_view kGivenMale[] = {
    "An",    "Bảo",   "Cường", "Dũng", "Đạt",   "Hải",   "Hiếu",  "Hoàng", "Hùng", "Huy",
    "Khánh", "Khoa",  "Long",  "Lực",  "Nam",   "Nghĩa", "Phong", "Phúc",  "Quân", "Sơn",
    "Tâm",   "Thắng", "Thịnh", "Trí",  "Trung", "Tuấn",  "Việt",  "Vinh",  "Vũ",   "Ước"};
constexpr std::string_view kGivenFemale[] = {
    "Anh",   "Chi", "Diệp",  "Dung", "Giang", "Hà",   "Hạnh",  "Hằng", "Hoa",    "Hòa",
    "Hương", "Lan", "Linh",  "Mai",  "My",    "Ngân", "Nhung", "Oanh", "Phương", "Quỳnh",
    "Thảo",  "Thơ", "Trang", "Trâm", "Uyên",  "Vân",  "Vy",    "Xuân", "Yến",    "Ánh"};
constexpr std::string_view kUnits[] = {
    "Khoa Công nghệ thông tin", "Khoa Kinh tế",        "Khoa Ngoại ngữ", "Khoa Luật",
    "Khoa Toán - Tin",          "Khoa Điện - Điện tử", "Khoa Y dược",    "Phòng Đào tạo"};
}  // namespace

std::span<const std::string_view> family() {
    return kFamily;
}
std::span<const std::string_view> middle_male() {
    return kMiddleMale;
}
std::span<const std::string_view> middle_female() {
    return kMiddleFemale;
}
std::span<const std::string_view> given_male() {
    return kGivenMale;
}
std::span<const std::string_view> given_female() {
    return kGivenFemale;
}
std::span<const std::string_view> units() {
    return kUnits;
}

}  // namespace hemis::names
