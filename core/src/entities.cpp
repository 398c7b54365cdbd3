// Entity schemas: the interchange contract's columns, in the order `hemis template` prints them.
#include "hemis/entities.hpp"

namespace hemis {

namespace {

using T = FieldType;

// Metadata every record carries so uploads merge by id and version instead of overwriting.
void add_meta(std::vector<FieldSpec>& f) {
    f.push_back({"phien_ban", T::integer});
    f.push_back({"su_kien", T::code});
    f.push_back({"cap_nhat_luc", T::datetime});
}

EntitySchema make_programme() {
    EntitySchema s{Entity::programme, "programme", "programmes.csv", {"ma_nganh"}, {}};
    s.fields = {{"ma_nganh", T::digits},
                {"ten_nganh", T::text},
                {"trinh_do", T::code},
                {"hinh_thuc", T::code}};
    add_meta(s.fields);
    return s;
}

EntitySchema make_staff() {
    EntitySchema s{Entity::staff, "staff", "staff.csv", {"ma_can_bo"}, {}};
    s.fields = {{"ma_can_bo", T::text}, {"so_dinh_danh", T::digits}, {"ho_ten", T::text},
                {"ngay_sinh", T::date}, {"gioi_tinh", T::code},      {"trinh_do", T::code},
                {"chuc_danh", T::code}, {"loai_hop_dong", T::code},  {"don_vi", T::text},
                {"email", T::text}};
    add_meta(s.fields);
    return s;
}

EntitySchema make_learner() {
    EntitySchema s{Entity::learner, "learner", "learners.csv", {"ma_nguoi_hoc"}, {}};
    s.fields = {{"ma_nguoi_hoc", T::text},
                {"so_dinh_danh", T::digits},
                {"ho_ten", T::text},
                {"ngay_sinh", T::date},
                {"gioi_tinh", T::code},
                {"ma_dan_toc", T::code},
                {"ma_quoc_tich", T::code},
                {"ma_tinh_noi_sinh", T::code},
                {"ma_tinh_thuong_tru", T::code},
                {"ma_nganh", T::digits},
                {"nam_nhap_hoc", T::integer},
                {"ngay_nhap_hoc", T::date},
                {"phuong_thuc_tuyen_sinh", T::code},
                {"trang_thai", T::code},
                {"ngay_tot_nghiep", T::date},
                {"xep_loai_tot_nghiep", T::code},
                {"so_hieu_van_bang", T::text},
                {"dien_thoai", T::text},
                {"email", T::text}};
    add_meta(s.fields);
    return s;
}

// Enrolment status history: one row per change of a learner's status.
EntitySchema make_status() {
    EntitySchema s{
        Entity::status, "status", "learner_status.csv", {"ma_nguoi_hoc", "ngay_hieu_luc"}, {}};
    s.fields = {{"ma_nguoi_hoc", T::text},
                {"trang_thai", T::code},
                {"ngay_hieu_luc", T::date},
                {"so_quyet_dinh", T::text}};
    add_meta(s.fields);
    return s;
}

const std::array<EntitySchema, kEntityCount>& schemas() {
    static const std::array<EntitySchema, kEntityCount> all = {make_programme(), make_staff(),
                                                               make_learner(), make_status()};
    return all;
}

}  // namespace

int EntitySchema::field_index(std::string_view field) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == field) return int(i);
    return -1;
}

const EntitySchema& schema_of(Entity e) {
    return schemas()[std::size_t(e)];
}
std::string_view entity_name(Entity e) {
    return schema_of(e).name;
}

std::optional<Entity> entity_from_name(std::string_view name) {
    for (const auto& s : schemas())
        if (s.name == name) return s.entity;
    return std::nullopt;
}

std::optional<Entity> entity_from_file_name(std::string_view file_name) {
    const auto slash = file_name.find_last_of("/\\");
    if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
    for (const auto& s : schemas())
        if (s.file == file_name) return s.entity;
    return std::nullopt;
}

std::string RecordSet::record_id(std::size_t row) const {
    const EntitySchema& s = schema_of(entity);
    std::string id;
    for (std::size_t k = 0; k < s.key.size(); ++k) {
        if (k) id.push_back('/');
        id.append(value(row, s.field_index(s.key[k])));
    }
    return id;
}

RecordSet make_record_set(Entity e, std::string source, CsvTable table) {
    RecordSet set;
    set.entity = e;
    set.source = std::move(source);
    const EntitySchema& s = schema_of(e);
    set.column_of_field.assign(s.fields.size(), -1);
    const auto& header = table.header();
    for (std::size_t c = 0; c < header.size(); ++c) {
        const int f = s.field_index(header[c]);
        if (f >= 0 && set.column_of_field[f] < 0)
            set.column_of_field[f] = int(c);
        else
            set.unknown_columns.push_back({header[c], std::uint32_t(c + 1), f >= 0});
    }
    set.table = std::move(table);
    return set;
}

}  // namespace hemis
