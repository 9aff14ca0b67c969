// Fuzz target: stream ids, positions and discard amounts near every capacity
// edge, and engine counters and discards near every carry, checked against a
// slow reference model written from the documented layout (README, "Stream
// layout") and the engine rule (C++26 [rand.eng.philox]).
//
// A stream either gives the numbers the layout formula says, or throws the
// documented std::out_of_range (process id too large, position past the
// capacity, draw at the end) and then has not moved. An engine's words are
// block (c, i) of the bijection where c is its counter as one N*w-bit integer
// that wraps, whatever sequence of draws and discards got it there.
//
// Input: a generator byte, then id and position values (edge-biased), then a
// sequence of operations until the input runs out.
#include <cbrng/engine.hpp>
#include <cbrng/philox.hpp>
#include <cbrng/stream.hpp>
#include <cbrng/threefry.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "fuzz_common.hpp"

namespace {

using u64 = std::uint64_t;
using u32 = std::uint32_t;
constexpr u64 max64 = std::numeric_limits<u64>::max();

// ---- Streams ---------------------------------------------------------------

// The README's layout table, written out independently of stream.hpp.
template <class B>
struct layout;
template <>
struct layout<cbrng::philox4x32_10> {
    static auto of(const cbrng::stream_id& id, u64 b) {
        return std::make_pair(cbrng::philox4x32_10::key_type{{u32(id.seed), u32(id.seed >> 32)}},
                              cbrng::philox4x32_10::counter_type{
                                  {u32(b), u32(id.task), u32(id.task >> 32), u32(id.process)}});
    }
};
template <>
struct layout<cbrng::threefry4x32_20> {
    static auto of(const cbrng::stream_id& id, u64 b) {
        return std::make_pair(
            cbrng::threefry4x32_20::key_type{{u32(id.seed), u32(id.seed >> 32), 0, 0}},
            cbrng::threefry4x32_20::counter_type{
                {u32(b), u32(id.task), u32(id.task >> 32), u32(id.process)}});
    }
};
template <>
struct layout<cbrng::philox2x64_10> {
    static auto of(const cbrng::stream_id& id, u64 b) {
        return std::make_pair(
            cbrng::philox2x64_10::key_type{{id.seed}},
            cbrng::philox2x64_10::counter_type{{(id.process << 32) + b, id.task}});
    }
};
template <>
struct layout<cbrng::philox4x64_10> {
    static auto of(const cbrng::stream_id& id, u64 b) {
        return std::make_pair(cbrng::philox4x64_10::key_type{{id.seed, 0}},
                              cbrng::philox4x64_10::counter_type{{b, id.task, id.process, 0}});
    }
};
template <>
struct layout<cbrng::threefry2x64_20> {
    static auto of(const cbrng::stream_id& id, u64 b) {
        return std::make_pair(cbrng::threefry2x64_20::key_type{{id.seed, id.process}},
                              cbrng::threefry2x64_20::counter_type{{b, id.task}});
    }
};
template <>
struct layout<cbrng::threefry4x64_20> {
    static auto of(const cbrng::stream_id& id, u64 b) {
        return std::make_pair(cbrng::threefry4x64_20::key_type{{id.seed, 0, 0, 0}},
                              cbrng::threefry4x64_20::counter_type{{b, id.task, id.process, 0}});
    }
};

template <class B>
typename B::word_type reference_word(const cbrng::stream_id& id, u64 pos) {
    constexpr u64 n = B::word_count;
    const auto kc = layout<B>::of(id, pos / n);
    return B{}(kc.second, kc.first)[pos % n];
}

template <class S>
struct edges {
    static u64 process(FuzzedDataProvider& in) {
        return cbrng_fuzz::edge_value(in, {0, S::max_process, u64{1} << 32, max64});
    }
    static u64 position(FuzzedDataProvider& in) {
        return cbrng_fuzz::edge_value(
            in, {0, S::capacity, S::capacity - S::word_count, S::block_limit * S::word_count,
                 u64{1} << 32, u64{4} << 32, max64, S::capacity / 2});
    }
    static u64 any(FuzzedDataProvider& in) {
        return cbrng_fuzz::edge_value(in, {0, u64{1} << 32, max64, u64{1} << 63});
    }
};

template <class F>
bool throws_out_of_range(F f) {
    try {
        f();
    } catch (const std::out_of_range&) {
        return true;
    }
    return false;
}

template <class B>
void fuzz_stream(FuzzedDataProvider& in) {
    using S = cbrng::stream<B>;
    using E = edges<S>;
    cbrng::stream_id id{E::any(in), E::process(in), E::any(in)};
    u64 pos = E::position(in);
    const bool bad_id = id.process > S::max_process;
    const bool bad_pos = pos > S::capacity;
    S s;
    if (bad_id || bad_pos) {
        FUZZ_CHECK(throws_out_of_range([&] { s = S(id, pos); }));
        if (bad_id) FUZZ_CHECK(throws_out_of_range([&] { s = S(id); }));
        id.process &= S::max_process;
        pos %= S::capacity + 1;
    }
    s = S(id, pos);
    FUZZ_CHECK(s.position() == pos);

    while (in.remaining_bytes() > 0) {
        switch (in.ConsumeIntegral<std::uint8_t>() % 7) {
            case 0: {  // draw a few words
                const int k = in.ConsumeIntegralInRange(1, 9);
                for (int i = 0; i < k; ++i) {
                    if (pos == S::capacity) {
                        FUZZ_CHECK(throws_out_of_range([&] { (void)s(); }));
                    } else {
                        FUZZ_CHECK(s() == reference_word<B>(id, pos));
                        ++pos;
                    }
                    FUZZ_CHECK(s.position() == pos);
                }
                break;
            }
            case 1: {  // set_position
                const u64 p = E::position(in);
                if (p > S::capacity) {
                    FUZZ_CHECK(throws_out_of_range([&] { s.set_position(p); }));
                } else {
                    s.set_position(p);
                    pos = p;
                }
                FUZZ_CHECK(s.position() == pos);
                break;
            }
            case 2: {  // discard, by an edge amount or up to the exact end
                u64 n = E::position(in);
                if (in.ConsumeBool()) n = S::capacity - pos + (n % 3) - 1;
                if (n > S::capacity - pos) {
                    FUZZ_CHECK(throws_out_of_range([&] { s.discard(n); }));
                } else {
                    s.discard(n);
                    pos += n;
                }
                FUZZ_CHECK(s.position() == pos);
                break;
            }
            case 3: {  // observers and equality
                FUZZ_CHECK(s.id() == id);
                FUZZ_CHECK(s.remaining() == S::capacity - pos);
                FUZZ_CHECK(s == S(id, pos));
                FUZZ_CHECK(!(s != S(id, pos)));
                if (pos < S::capacity) FUZZ_CHECK(s != S(id, pos + 1));
                break;
            }
            case 4: {  // text round trip at the current position
                std::stringstream ss;
                ss << s;
                S t{cbrng::stream_id{1, 1, 1}};
                ss >> t;
                FUZZ_CHECK(!ss.fail());
                FUZZ_CHECK(t == s);
                break;
            }
            case 5: {  // block(b) anywhere, independent of the position
                const u64 b = E::position(in) % S::block_limit;
                const auto blk = s.block(b);
                for (std::size_t j = 0; j < S::word_count; ++j) {
                    FUZZ_CHECK(blk[j] == reference_word<B>(id, b * S::word_count + j));
                }
                FUZZ_CHECK(s.position() == pos);
                break;
            }
            default: {  // a copy is independent
                S t = s;
                if (pos < S::capacity) {
                    FUZZ_CHECK(t() == reference_word<B>(id, pos));
                }
                FUZZ_CHECK(s.position() == pos);
                break;
            }
        }
    }
}

// ---- Engines ---------------------------------------------------------------

/// Reference model of a counter engine: the next word is word i of block c,
/// c an N-word counter of w-bit words that wraps modulo 2^(N*w).
template <class E>
struct engine_model {
    static constexpr std::size_t n = E::word_count;
    static constexpr unsigned w = static_cast<unsigned>(E::word_size);
    typename E::counter_type c{};
    std::size_t i = 0;

    void add_blocks(u64 k) {
        unsigned __int128 carry = 0;
        for (std::size_t j = 0; j < n; ++j) {
            u64 part = 0;
            if constexpr (w >= 64) {
                part = k;
                k = 0;
            } else {
                part = k & ((u64{1} << w) - 1);
                k >>= w;
            }
            const unsigned __int128 sum = static_cast<unsigned __int128>(c[j]) + part + carry;
            c[j] = static_cast<typename E::result_type>(sum & E::max());
            carry = sum >> w;
        }
    }
    void discard(u64 z) {
        const u64 blocks = z / n + (i + z % n) / n;
        i = static_cast<std::size_t>((i + z % n) % n);
        add_blocks(blocks);
    }
    typename E::result_type next(const typename E::key_type& key) {
        const auto y = typename E::bijection_type{}(c, key);
        const auto v = y[i];
        if (++i == n) {
            i = 0;
            add_blocks(1);
        }
        return v;
    }
};

template <class E>
std::array<typename E::result_type, E::word_count> msw_first(const typename E::counter_type& c) {
    std::array<typename E::result_type, E::word_count> a{};
    for (std::size_t j = 0; j < E::word_count; ++j) a[j] = c[E::word_count - 1 - j];
    return a;
}

template <class E>
void fuzz_engine(FuzzedDataProvider& in) {
    using R = typename E::result_type;
    const auto word = [&in] {
        return static_cast<R>(
            cbrng_fuzz::edge_value(in, {0, u64{E::max()}, u64{E::max()} >> 1, 1}) & E::max());
    };
    typename E::key_type key{};
    for (auto& k : key) k = word();
    engine_model<E> m;
    for (auto& x : m.c) x = word();
    E e{key};
    e.set_counter(msw_first<E>(m.c));
    const auto discard_amount = [&in] {
        return cbrng_fuzz::edge_value(
            in, {0, 1, E::word_count - 1, E::word_count, max64, max64 - E::word_count, u64{1} << 32,
                 (u64{1} << 32) * E::word_count, u64{1} << 63});
    };
    while (in.remaining_bytes() > 0) {
        switch (in.ConsumeIntegral<std::uint8_t>() % 4) {
            case 0: {
                const int k = in.ConsumeIntegralInRange(1, 9);
                for (int j = 0; j < k; ++j) FUZZ_CHECK(e() == m.next(key));
                break;
            }
            case 1: {
                const u64 z = discard_amount();
                e.discard(z);
                m.discard(z);
                break;
            }
            case 2: {  // equality with an engine built directly at (c, i)
                E f{key};
                f.set_counter(msw_first<E>(m.c));
                f.discard(m.i);
                FUZZ_CHECK(e == f);
                std::stringstream ss;
                ss << e;
                E g;
                ss >> g;
                FUZZ_CHECK(!ss.fail());
                FUZZ_CHECK(g == e);
                FUZZ_CHECK(g() == f());
                break;
            }
            default: {  // set_counter mid-block empties the buffer
                for (auto& x : m.c) x = word();
                m.i = 0;
                e.set_counter(msw_first<E>(m.c));
                break;
            }
        }
    }
    FUZZ_CHECK(e() == m.next(key));
}

using narrow_engine = cbrng::philox_engine<std::uint64_t, 40, 2, 7, 0xD2B74407B1u, 0x9E3779B97Fu>;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    switch (in.ConsumeIntegral<std::uint8_t>() % 11) {
        case 0:
            fuzz_stream<cbrng::philox4x32_10>(in);
            break;
        case 1:
            fuzz_stream<cbrng::philox2x64_10>(in);
            break;
        case 2:
            fuzz_stream<cbrng::philox4x64_10>(in);
            break;
        case 3:
            fuzz_stream<cbrng::threefry4x32_20>(in);
            break;
        case 4:
            fuzz_stream<cbrng::threefry2x64_20>(in);
            break;
        case 5:
            fuzz_stream<cbrng::threefry4x64_20>(in);
            break;
        case 6:
            fuzz_engine<cbrng::philox4x32>(in);
            break;
        case 7:
            fuzz_engine<cbrng::philox4x64>(in);
            break;
        case 8:
            fuzz_engine<cbrng::counter_engine<cbrng::threefry4x64_20>>(in);
            break;
        case 9:
            fuzz_engine<cbrng::counter_engine<cbrng::threefry2x32_20>>(in);
            break;
        default:
            fuzz_engine<narrow_engine>(in);
            break;
    }
    return 0;
}
