// Synthetic institution generator. Randomness comes from std::mt19937_64, whose output the C++
// standard fixes, reduced with plain modulo: the standard distributions differ between libstdc++
// and libc++, and native and wasm builds must write the same bytes.
#include "hemis/generator.hpp"

#include <algorithm>
#include <random>
#include <set>

#include "generator_names.hpp"
#include "hemis/csv.hpp"
#include "hemis/inputs.hpp"
#include "rule_checks.hpp"

namespace hemis {

namespace {

constexpr const char* kUpdatedAt = "2026-09-15T08:00:00+07:00";

class Rng {
public:
    explicit Rng(std::uint64_t seed) : gen_(seed) {}
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(gen_() % n); }
    int between(int lo, int hi) { return lo + int(below(std::size_t(hi - lo + 1))); }
    bool chance(double p) { return double(gen_() >> 11) * 0x1.0p-53 < p; }
    template <class T>
    const T& pick(std::span<const T> items) {
        return items[below(items.size())];
    }
    template <class T>
    const T& pick(const std::vector<T>& items) {
        return items[below(items.size())];
    }

private:
    std::mt19937_64 gen_;
};

std::string two(int n) {
    return {char('0' + n / 10 % 10), char('0' + n % 10)};
}
std::string dmy(const Date& d) {
    return two(d.day) + "/" + two(d.month) + "/" + std::to_string(d.year);
}

std::vector<std::string> codes_of(const Rulebook& book, const char* catalog) {
    const Catalog* c = book.catalog(catalog);
    if (!c) throw RulebookError(std::string("generator needs catalog ") + catalog);
    std::vector<std::string> out;
    for (const auto& e : c->entries()) out.push_back(e.code);
    return out;
}

// Rows of one CSV file in schema column order.
struct Sheet {
    Entity entity;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string>& add() {
        rows.emplace_back(schema_of(entity).fields.size());
        return rows.back();
    }
    void set(std::vector<std::string>& row, std::string_view field, std::string value) const {
        row[std::size_t(schema_of(entity).field_index(field))] = std::move(value);
    }
    std::string csv() const {
        std::string out = template_header(entity);
        for (const auto& row : rows) {
            for (std::size_t i = 0; i < row.size(); ++i) {
                if (i) out.push_back(',');
                append_csv_field(out, row[i]);
            }
            out.push_back('\n');
        }
        return out;
    }
};

struct Person {
    bool male;
    Date birth;
    std::string name, id;
};

class Generator {
public:
    Generator(const Rulebook& book, const GeneratorOptions& opt)
        : book_(book), opt_(opt), rng_(opt.seed) {
        const Catalog* cccd = book.catalog("cccd_tinh");
        if (!cccd) throw RulebookError("generator needs catalog cccd_tinh");
        for (const auto& e : cccd->entries())
            cccd_provinces_.push_back({e.code, e.attributes.at(0)});
        for (const auto& c : codes_of(book, "nganh"))
            if (c.size() == 7 && c[0] == '7') bachelor_majors_.push_back(c);
        ethnic_ = codes_of(book, "dan_toc");
        residence_ = codes_of(book, "tinh_thuong_tru");
        methods_ = codes_of(book, "phuong_thuc_tuyen_sinh");
    }

    GeneratedInstitution run();

private:
    Person person(int year_from, int year_to);
    std::string citizen_id(const std::string& province, bool male, int year);
    void programmes();
    void staff();
    void learners();
    void learner_row(std::size_t i);
    void inject_fault(std::size_t i, std::vector<std::string>& row, Person& p);
    // Rerolls the random tail of an altered ID until no other record has it.
    void keep_unique(std::string& id) {
        while (!used_ids_.insert(id).second) id.back() = char('0' + rng_.below(10));
    }
    void expect(std::size_t i, const char* rule, std::string_view field,
                const std::vector<std::string>& row, Rulebook::Vars extra = {});

    const Rulebook& book_;
    GeneratorOptions opt_;
    Rng rng_;
    std::vector<std::pair<std::string, std::string>> cccd_provinces_;  // cccd code, GSO code
    std::vector<std::string> bachelor_majors_, offered_, ethnic_, residence_, methods_;
    std::set<std::string> used_ids_;
    Sheet programmes_{Entity::programme, {}}, staff_{Entity::staff, {}},
        learners_{Entity::learner, {}}, status_{Entity::status, {}};
    std::vector<Person> people_;
    std::vector<bool> faulted_;
    std::vector<Finding> expected_;
};

std::string Generator::citizen_id(const std::string& province, bool male, int year) {
    const int century_digit = ((year - 1900) / 100) * 2 + (male ? 0 : 1);
    for (;;) {
        std::string id = province + char('0' + century_digit) + two(year % 100);
        for (int k = 0; k < 6; ++k) id.push_back(char('0' + rng_.below(10)));
        if (used_ids_.insert(id).second) return id;
    }
}

Person Generator::person(int year_from, int year_to) {
    Person p;
    p.male = rng_.chance(0.5);
    p.birth = {rng_.between(year_from, year_to), rng_.between(1, 12), rng_.between(1, 28)};
    // One statement per draw: the operands of + are evaluated in an unspecified order, and
    // compilers differ, which would make native and wasm names differ.
    const std::string_view family = rng_.pick(names::family());
    const std::string_view middle =
        rng_.pick(p.male ? names::middle_male() : names::middle_female());
    const std::string_view given = rng_.pick(p.male ? names::given_male() : names::given_female());
    p.name = std::string(family) + " " + std::string(middle) + " " + std::string(given);
    return p;
}

void Generator::programmes() {
    std::set<std::string> chosen;
    const std::size_t n = std::min<std::size_t>(12, bachelor_majors_.size());
    while (chosen.size() < n) chosen.insert(rng_.pick(bachelor_majors_));
    const Catalog* majors = book_.catalog("nganh");
    for (const auto& code : chosen) {
        auto& row = programmes_.add();
        programmes_.set(row, "ma_nganh", code);
        programmes_.set(row, "ten_nganh", majors->entry(code)->name);
        programmes_.set(row, "trinh_do", "7");
        programmes_.set(row, "hinh_thuc", rng_.chance(0.8) ? "CQ" : "VLVH");
        programmes_.set(row, "phien_ban", "1");
        programmes_.set(row, "su_kien", "new");
        programmes_.set(row, "cap_nhat_luc", kUpdatedAt);
        offered_.push_back(code);
    }
}

void Generator::staff() {
    static const std::vector<std::string> degrees = {"TS", "TS", "ThS", "ThS", "ThS", "DH"};
    static const std::vector<std::string> contracts = {"vien_chuc", "vien_chuc", "hop_dong",
                                                       "thinh_giang"};
    const std::size_t n = 10 + opt_.learners / 25;
    for (std::size_t i = 0; i < n; ++i) {
        Person p = person(1960, 1995);
        const auto& province = rng_.pick(cccd_provinces_).first;
        auto& row = staff_.add();
        const std::string degree = rng_.pick(degrees);
        staff_.set(row, "ma_can_bo", "CB" + std::to_string(100000 + i));
        staff_.set(row, "so_dinh_danh", citizen_id(province, p.male, p.birth.year));
        staff_.set(row, "ho_ten", p.name);
        staff_.set(row, "ngay_sinh", dmy(p.birth));
        staff_.set(row, "gioi_tinh", p.male ? "Nam" : "Nữ");
        staff_.set(row, "trinh_do", degree);
        staff_.set(row, "chuc_danh",
                   degree == "TS" && rng_.chance(0.2) ? (rng_.chance(0.3) ? "GS" : "PGS") : "");
        staff_.set(row, "loai_hop_dong", rng_.pick(contracts));
        staff_.set(row, "don_vi", std::string(rng_.pick(names::units())));
        staff_.set(row, "email", "cb" + std::to_string(100000 + i) + "@example.edu.vn");
        staff_.set(row, "phien_ban", "1");
        staff_.set(row, "su_kien", "new");
        staff_.set(row, "cap_nhat_luc", kUpdatedAt);
    }
}

void Generator::learners() {
    faulted_.assign(opt_.learners, false);
    for (std::size_t i = 0; i < opt_.learners; ++i) learner_row(i);
}

void Generator::learner_row(std::size_t i) {
    static const std::vector<std::string> ranks = {"xuat_sac", "gioi", "kha", "kha", "trung_binh"};
    Person p = person(1998, 2007);
    const auto& [cccd, gso] = rng_.pick(cccd_provinces_);
    p.id = citizen_id(cccd, p.male, p.birth.year);
    const int year = std::min(p.birth.year + 18 + rng_.between(0, 1), 2026);
    const Date admitted{year, 9, rng_.between(1, 15)};
    std::string status = year <= 2022 && rng_.chance(0.6) ? "da_tot_nghiep"
                         : rng_.chance(0.05)              ? "bao_luu"
                         : rng_.chance(0.03)              ? "thoi_hoc"
                                                          : "dang_hoc";
    const std::string code = "SV" + std::to_string(year) + std::to_string(1000000 + i).substr(1);

    auto& row = learners_.add();
    const auto set = [&](std::string_view f, std::string v) {
        learners_.set(row, f, std::move(v));
    };
    set("ma_nguoi_hoc", code);
    set("so_dinh_danh", p.id);
    set("ho_ten", p.name);
    set("ngay_sinh", dmy(p.birth));
    set("gioi_tinh", p.male ? "Nam" : "Nữ");
    set("ma_dan_toc", rng_.chance(0.85) ? "01" : ethnic_[1 + rng_.below(53)]);
    set("ma_quoc_tich", "VN");
    set("ma_tinh_noi_sinh", gso);
    set("ma_tinh_thuong_tru", rng_.pick(residence_));
    set("ma_nganh", rng_.pick(offered_));
    set("nam_nhap_hoc", std::to_string(year));
    set("ngay_nhap_hoc", dmy(admitted));
    set("phuong_thuc_tuyen_sinh", rng_.pick(methods_));
    set("trang_thai", status);
    if (status == "da_tot_nghiep") {
        set("ngay_tot_nghiep", dmy({year + 4, 6, rng_.between(10, 30)}));
        set("xep_loai_tot_nghiep", rng_.pick(ranks));
        set("so_hieu_van_bang", "VB" + std::to_string(year + 4) + "-" + std::to_string(100000 + i));
    }
    const char network = "35789"[rng_.below(5)];
    set("dien_thoai", std::string("0") + network + std::to_string(10000000 + rng_.below(90000000)));
    set("email", "sv" + std::to_string(100000 + i) + "@st.example.edu.vn");
    set("phien_ban", "1");
    set("su_kien", "new");
    set("cap_nhat_luc", kUpdatedAt);

    // Status history: admission, then the current status when it differs.
    const auto history = [&](const std::string& s, const Date& d) {
        auto& h = status_.add();
        status_.set(h, "ma_nguoi_hoc", code);
        status_.set(h, "trang_thai", s);
        status_.set(h, "ngay_hieu_luc", dmy(d));
        status_.set(h, "so_quyet_dinh", std::to_string(100 + i % 900) + "/QĐ-ĐT");
        status_.set(h, "phien_ban", "1");
        status_.set(h, "su_kien", "new");
        status_.set(h, "cap_nhat_luc", kUpdatedAt);
    };
    history("dang_hoc", admitted);
    if (status != "dang_hoc") history(status, {std::min(year + 4, 2026), 6, 30});

    if (rng_.chance(opt_.faults)) inject_fault(i, row, p);
    people_.push_back(p);
}

void Generator::expect(std::size_t i, const char* rule, std::string_view field,
                       const std::vector<std::string>& row, Rulebook::Vars extra) {
    const auto& s = schema_of(Entity::learner);
    const int f = s.field_index(field);
    expected_.push_back(book_.make_finding(rule, Entity::learner, "learners.csv", row[0],
                                           std::uint32_t(i + 2), std::uint32_t(f + 1),
                                           std::string(field), row[std::size_t(f)], extra));
}

// Each fault produces exactly one finding, whose rule, row, column and value are known here.
void Generator::inject_fault(std::size_t i, std::vector<std::string>& row, Person& p) {
    faulted_[i] = true;
    const auto at = [&](std::string_view f) -> std::string& {
        return row[std::size_t(schema_of(Entity::learner).field_index(f))];
    };
    switch (rng_.below(10)) {
        case 0:
            at("so_dinh_danh").pop_back();
            keep_unique(at("so_dinh_danh"));
            return expect(i, "learner.so_dinh_danh.format", "so_dinh_danh", row);
        case 1:
            at("ma_dan_toc") = "99";
            return expect(i, "learner.ma_dan_toc.code", "ma_dan_toc", row);
        case 2:
            at("ngay_sinh") = "31/02/" + std::to_string(p.birth.year);
            return expect(i, "learner.ngay_sinh.date", "ngay_sinh", row);
        case 3: at("ho_ten").clear(); return expect(i, "learner.ho_ten.required", "ho_ten", row);
        case 4: {
            const std::string expected = two(p.birth.year % 100);
            std::string& id = at("so_dinh_danh");
            id.replace(4, 2, two((p.birth.year + 3) % 100));
            keep_unique(id);
            return expect(i, "learner.so_dinh_danh.birth_year", "so_dinh_danh", row,
                          {{"expected", expected}});
        }
        case 5:
            at("dien_thoai") = "12345";
            return expect(i, "learner.dien_thoai.format", "dien_thoai", row);
        case 6:
            at("email") = "sv" + std::to_string(i) + "@";
            return expect(i, "learner.email.format", "email", row);
        case 7:
            at("nam_nhap_hoc") = "1890";
            return expect(i, "learner.nam_nhap_hoc.range", "nam_nhap_hoc", row);
        case 8: {
            for (const auto& m : bachelor_majors_) {
                if (std::find(offered_.begin(), offered_.end(), m) != offered_.end()) continue;
                at("ma_nganh") = m;
                return expect(i, "learner.ma_nganh.reference", "ma_nganh", row);
            }
            break;
        }
        default: {
            // Entered twice: an earlier clean learner's ID, birth date and gender.
            if (i == 0 || faulted_[i - 1]) break;
            const Person& prev = people_[i - 1];
            at("so_dinh_danh") = prev.id;
            at("ngay_sinh") = dmy(prev.birth);
            at("gioi_tinh") = prev.male ? "Nam" : "Nữ";
            return expect(i, "learner.so_dinh_danh.unique", "so_dinh_danh", row,
                          {{"first_row", std::to_string(i + 1)}});
        }
    }
    faulted_[i] = false;  // the fault could not be placed: the record stays clean
}

GeneratedInstitution Generator::run() {
    programmes();
    staff();
    learners();
    // With many faults the share of learners with warnings can pass a tolerance rule's limit:
    // predict that finding the same way validation computes it.
    for (const auto& r : book_.impl().rules)
        if (r.kind == RuleKind::tolerance && r.entity == Entity::learner)
            if (auto f = tolerance_finding(r, expected_, opt_.learners, "learners.csv"))
                expected_.push_back(std::move(*f));
    sort_findings(expected_);
    return {programmes_.csv(), staff_.csv(), learners_.csv(), status_.csv(), std::move(expected_)};
}

}  // namespace

GeneratedInstitution generate_institution(const Rulebook& rulebook, const GeneratorOptions& opt) {
    return Generator(rulebook, opt).run();
}

}  // namespace hemis
