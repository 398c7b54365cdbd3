// See pattern.hpp. Parsing builds a small tree; code generation expands counted repetition into
// copies of the repeated part; matching keeps the set of live NFA states per input byte.
#include "pattern.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace hemis {

namespace {

constexpr int kMaxCount = 64;      // largest {n,m} bound accepted
constexpr int kMaxProgram = 4096;  // instructions; larger patterns stay with std::regex

struct Node;
using Alt = std::vector<std::vector<Node>>;  // alternatives, each a sequence
struct Node {
    std::bitset<256> set;                  // when `group` is empty
    std::shared_ptr<Alt> group;            // a parenthesised sub-pattern
    int min = 1, max = 1;                  // repetition; max -1 for unbounded
};

struct Unsupported {};

std::bitset<256> class_of(char c) {
    std::bitset<256> s;
    const auto add = [&](int lo, int hi) {
        for (int b = lo; b <= hi; ++b) s.set(std::size_t(b));
    };
    switch (c) {
        case 'd': case 'D': add('0', '9'); break;
        case 's': case 'S':  // the "C" locale's isspace: what std::regex's \s tests on bytes
            for (char w : {' ', '\t', '\n', '\v', '\f', '\r'}) s.set(static_cast<unsigned char>(w));
            break;
        case 'w': case 'W': add('0', '9'); add('A', 'Z'); add('a', 'z'); s.set('_'); break;
        default: throw Unsupported{};
    }
    if (c == 'D' || c == 'S' || c == 'W') s.flip();
    return s;
}

bool is_punct(char c) {
    return std::string_view("^$\\.*+?()[]{}|/-,:;=!@#%&'\"<>~`_ ").find(c) != std::string_view::npos;
}

class Parser {
public:
    explicit Parser(std::string_view p) : p_(p) {}
    Alt parse() {
        Alt a = alternation();
        if (i_ != p_.size()) throw Unsupported{};
        return a;
    }

private:
    bool more() const { return i_ < p_.size(); }
    char peek() const { return p_[i_]; }

    Alt alternation() {
        Alt a;
        a.push_back(sequence());
        while (more() && peek() == '|') {
            ++i_;
            a.push_back(sequence());
        }
        return a;
    }

    std::vector<Node> sequence() {
        std::vector<Node> seq;
        while (more() && peek() != '|' && peek() != ')') {
            Node n = atom();
            quantifier(n);
            seq.push_back(std::move(n));
        }
        return seq;
    }

    Node atom() {
        Node n;
        const char c = p_[i_++];
        switch (c) {
            case '(':
                if (more() && peek() == '?') {
                    if (i_ + 1 >= p_.size() || p_[i_ + 1] != ':') throw Unsupported{};
                    i_ += 2;
                }
                n.group = std::make_shared<Alt>(alternation());
                if (!more() || peek() != ')') throw Unsupported{};
                ++i_;
                return n;
            case '[': n.set = bracket(); return n;
            case '\\': n.set = escape(); return n;
            case '^': case '$': case '.': case '*': case '+': case '?': case '{': case '}':
            case ']': case ')':
                throw Unsupported{};
            default: n.set.set(static_cast<unsigned char>(c)); return n;
        }
    }

    std::bitset<256> escape() {
        if (!more()) throw Unsupported{};
        const char c = p_[i_++];
        std::bitset<256> s;
        if (is_punct(c)) {
            s.set(static_cast<unsigned char>(c));
            return s;
        }
        return class_of(c);  // \d \D \s \S \w \W; anything else is unsupported
    }

    std::bitset<256> bracket() {
        std::bitset<256> s;
        bool negate = false;
        if (more() && peek() == '^') negate = true, ++i_;
        if (more() && peek() == ']') throw Unsupported{};  // [] and []...] differ by dialect
        for (;;) {
            if (!more()) throw Unsupported{};
            char c = p_[i_++];
            if (c == ']') break;
            if (c == '[') throw Unsupported{};  // [:alpha:] and friends
            if (c == '\\') {
                if (!more()) throw Unsupported{};
                const char e = p_[i_++];
                if (!is_punct(e)) {
                    s |= class_of(e);
                    continue;
                }
                c = e;
            }
            // A range needs a plain character at both ends; '-' before ']' is literal.
            if (more() && peek() == '-' && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
                const char hi = p_[i_ + 1];
                if (hi == '\\' || hi == '[') throw Unsupported{};
                i_ += 2;
                const auto lo_b = static_cast<unsigned char>(c), hi_b = static_cast<unsigned char>(hi);
                if (lo_b > hi_b || lo_b >= 0x80 || hi_b >= 0x80) throw Unsupported{};
                for (unsigned b = lo_b; b <= hi_b; ++b) s.set(b);
                continue;
            }
            s.set(static_cast<unsigned char>(c));
        }
        if (negate) s.flip();
        return s;
    }

    int number() {
        int n = 0, digits = 0;
        while (more() && peek() >= '0' && peek() <= '9') {
            n = n * 10 + (peek() - '0');
            ++i_;
            if (++digits > 3) throw Unsupported{};
        }
        if (digits == 0) throw Unsupported{};
        return n;
    }

    void quantifier(Node& n) {
        if (!more()) return;
        const char c = peek();
        if (c == '*' || c == '+' || c == '?') {
            ++i_;
            n.min = c == '+' ? 1 : 0;
            n.max = c == '?' ? 1 : -1;
        } else if (c == '{') {
            ++i_;
            n.min = number();
            n.max = n.min;
            if (more() && peek() == ',') {
                ++i_;
                n.max = more() && peek() == '}' ? -1 : number();
            }
            if (!more() || peek() != '}') throw Unsupported{};
            ++i_;
            if (n.min > kMaxCount || n.max > kMaxCount || (n.max >= 0 && n.max < n.min))
                throw Unsupported{};
        } else {
            return;
        }
        if (more() && peek() == '?') ++i_;  // lazy or greedy: the same whole-string answer
        if (more() && (peek() == '*' || peek() == '+' || peek() == '{' || peek() == '?'))
            throw Unsupported{};
    }

    std::string_view p_;
    std::size_t i_ = 0;
};

class Emitter {
public:
    explicit Emitter(BytePattern& out) : out_(out) {}

    void alt(const Alt& a) {
        std::vector<int> to_end;
        for (std::size_t k = 0; k < a.size(); ++k) {
            if (k + 1 < a.size()) {
                const int split = emit({BytePattern::Op::split});
                out_.program[split].x = here();
                seq(a[k]);
                to_end.push_back(emit({BytePattern::Op::jump}));
                out_.program[split].y = here();
            } else {
                seq(a[k]);
            }
        }
        for (int j : to_end) out_.program[j].x = here();
    }

private:
    int here() const { return int(out_.program.size()); }
    int emit(BytePattern::Op op) {
        if (here() >= kMaxProgram) throw Unsupported{};
        out_.program.push_back(op);
        return here() - 1;
    }

    void seq(const std::vector<Node>& s) {
        for (const Node& n : s) repeat(n);
    }

    void once(const Node& n) {
        if (n.group) {
            alt(*n.group);
            return;
        }
        const int set = int(out_.sets.size());
        out_.sets.push_back(n.set);
        emit({BytePattern::Op::byte_set, set});
    }

    void repeat(const Node& n) {
        for (int k = 0; k < n.min; ++k) once(n);
        if (n.max < 0) {  // loop: split (body, out); body; jump split
            const int split = emit({BytePattern::Op::split});
            out_.program[split].x = here();
            once(n);
            emit({BytePattern::Op::jump, split});
            out_.program[split].y = here();
            return;
        }
        std::vector<int> skips;  // each optional copy may be skipped, and so are those after it
        for (int k = n.min; k < n.max; ++k) {
            const int split = emit({BytePattern::Op::split});
            out_.program[split].x = here();
            skips.push_back(split);
            once(n);
        }
        for (int s : skips) out_.program[s].y = here();
    }

    BytePattern& out_;
};

// The NFA states reachable from `pc` without reading a byte, added to `out` (kept sorted).
void closure(const BytePattern& p, int pc, std::vector<int>& out) {
    std::vector<int> stack{pc};
    while (!stack.empty()) {
        const int s = stack.back();
        stack.pop_back();
        const auto at = std::lower_bound(out.begin(), out.end(), s);
        if (at != out.end() && *at == s) continue;
        out.insert(at, s);
        const BytePattern::Op& op = p.program[std::size_t(s)];
        if (op.kind == BytePattern::Op::jump)
            stack.push_back(op.x);
        else if (op.kind == BytePattern::Op::split)
            stack.push_back(op.y), stack.push_back(op.x);
    }
}

// Subset construction; a pattern needing more DFA states than kMaxStates stays with std::regex.
void build_dfa(BytePattern& p) {
    constexpr std::size_t kMaxStates = 1024;
    std::map<std::vector<int>, int> ids;
    std::vector<std::vector<int>> states(1);
    closure(p, 0, states[0]);
    ids.emplace(states[0], 0);
    for (std::size_t s = 0; s < states.size(); ++s) {
        std::array<std::int16_t, 256> row;
        row.fill(-1);
        for (int b = 0; b < 256; ++b) {
            std::vector<int> to;
            for (int pc : states[s]) {
                const BytePattern::Op& op = p.program[std::size_t(pc)];
                if (op.kind == BytePattern::Op::byte_set && p.sets[std::size_t(op.x)].test(std::size_t(b)))
                    closure(p, pc + 1, to);
            }
            if (to.empty()) continue;
            auto [it, fresh] = ids.emplace(to, int(states.size()));
            if (fresh) {
                if (states.size() >= kMaxStates) throw Unsupported{};
                states.push_back(std::move(to));
            }
            row[std::size_t(b)] = std::int16_t(it->second);
        }
        p.next.push_back(row);
    }
    for (const auto& st : states) {
        bool accept = false;
        for (int pc : st) accept = accept || p.program[std::size_t(pc)].kind == BytePattern::Op::match;
        p.accepting.push_back(accept);
    }
}

}  // namespace

std::shared_ptr<const BytePattern> BytePattern::compile(std::string_view pattern) {
    auto p = std::make_shared<BytePattern>();
    try {
        const Alt tree = Parser(pattern).parse();
        Emitter(*p).alt(tree);
        p->program.push_back({Op::match});
        build_dfa(*p);
    } catch (const Unsupported&) {
        return nullptr;
    }
    return p;
}

bool BytePattern::full_match(std::string_view value) const {
    int state = 0;
    for (const char c : value) {
        state = next[std::size_t(state)][static_cast<unsigned char>(c)];
        if (state < 0) return false;
    }
    return accepting[std::size_t(state)];
}

}  // namespace hemis
