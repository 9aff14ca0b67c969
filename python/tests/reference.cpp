// The C++ side of the Python tests (python/tests/test_bit_identity.py): for
// each stream generator and a few ids, prints the stream's words and the
// frozen distributions' variates as cbrng::fill computes them, one line each:
//
//   <generator> <seed> <process> <task> <kind> <value>...
//
// kinds: words (the first 40 words), at1000 (the word at position 1000),
// uniform01, uniform_m1_1 (uniform_real<double> on [0,1) and [-1,1)), normal
// (normal<double>(0,1)), normal_10_2, exponential_2 (exponential<double>(2)),
// integers (uniform_int<int64_t>(-1000, 1000)); 20 values each, doubles as
// the hex of their IEEE bits, integers in decimal.
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/stream.hpp>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

namespace {

constexpr std::size_t count = 20;

void print_doubles(const char* head, const char* kind, const std::vector<double>& v) {
    std::printf("%s %s", head, kind);
    for (double d : v) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        std::printf(" %016" PRIx64, bits);
    }
    std::printf("\n");
}

template <class B>
void emit(const char* name, const cbrng::stream_id& id) {
    using S = cbrng::stream<B>;
    char head[160];
    std::snprintf(head, sizeof head, "%s %" PRIu64 " %" PRIu64 " %" PRIu64, name, id.seed,
                  id.process, id.task);
    {
        S s{id};
        std::vector<typename S::result_type> w(40);
        cbrng::fill(s, w.data(), w.data() + w.size());
        std::printf("%s words", head);
        for (auto x : w) std::printf(" %" PRIu64, static_cast<std::uint64_t>(x));
        std::printf("\n");
        S t{id, 1000};
        std::printf("%s at1000 %" PRIu64 "\n", head, static_cast<std::uint64_t>(t()));
    }
    std::vector<double> v(count);
    {
        S s{id};
        cbrng::fill(s, v.data(), v.data() + count, cbrng::uniform_real_distribution<double>{});
        print_doubles(head, "uniform01", v);
    }
    {
        S s{id};
        cbrng::fill(s, v.data(), v.data() + count,
                    cbrng::uniform_real_distribution<double>{-1.0, 1.0});
        print_doubles(head, "uniform_m1_1", v);
    }
    {
        S s{id};
        cbrng::fill(s, v.data(), v.data() + count, cbrng::normal_distribution<double>{});
        print_doubles(head, "normal", v);
    }
    {
        S s{id};
        cbrng::fill(s, v.data(), v.data() + count, cbrng::normal_distribution<double>{10.0, 2.0});
        print_doubles(head, "normal_10_2", v);
    }
    {
        S s{id};
        cbrng::fill(s, v.data(), v.data() + count, cbrng::exponential_distribution<double>{2.0});
        print_doubles(head, "exponential_2", v);
    }
    {
        S s{id};
        std::vector<std::int64_t> k(count);
        cbrng::fill(s, k.data(), k.data() + count,
                    cbrng::uniform_int_distribution<std::int64_t>{-1000, 1000});
        std::printf("%s integers", head);
        for (auto x : k) std::printf(" %" PRId64, x);
        std::printf("\n");
    }
}

template <class B>
void emit_all(const char* name) {
    const std::uint64_t max_process = cbrng::stream<B>::max_process;
    emit<B>(name, {0, 0, 0});
    emit<B>(name, {42, 1, 2});
    emit<B>(name, {~std::uint64_t{0}, max_process, ~std::uint64_t{0}});
}

}  // namespace

int main() {
    emit_all<cbrng::philox4x32_10>("philox4x32_10");
    emit_all<cbrng::philox2x64_10>("philox2x64_10");
    emit_all<cbrng::philox4x64_10>("philox4x64_10");
    emit_all<cbrng::threefry4x32_20>("threefry4x32_20");
    emit_all<cbrng::threefry2x64_20>("threefry2x64_20");
    emit_all<cbrng::threefry4x64_20>("threefry4x64_20");
    return 0;
}
