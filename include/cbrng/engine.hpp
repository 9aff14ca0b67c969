// cbrng/engine.hpp: standard random number engines over a bijection.
//
// counter_engine<B> turns any bijection B (philox, threefry) into a C++
// RandomNumberEngine: it holds a key and a counter, computes one block per N
// calls, emits the block's words in order 0..N-1 and then counts up. That is
// exactly the C++26 std::philox_engine rule, so
//
//     cbrng::philox_engine<UIntType, w, n, r, consts...>
//
// is provided with the standard's full interface and semantics (after LWG 4134)
// on top of the same machinery, with the aliases cbrng::philox4x32 and
// cbrng::philox4x64. Use these when you need a drop-in std engine; use
// cbrng::stream (stream.hpp) when you need a named per-task stream.
//
// Both are trivially copyable value types: no heap, no locks, no global state.
// discard(z) is O(1) and carries through every counter word; the counter wraps
// after 2^(N*w) blocks, which is the engine's period.
#ifndef CBRNG_ENGINE_HPP
#define CBRNG_ENGINE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <type_traits>

#include "config.hpp"
#include "detail/counter.hpp"
#include "detail/io.hpp"
#include "detail/mulhilo.hpp"
#include "philox.hpp"
#include "word_array.hpp"

CBRNG_NAMESPACE_BEGIN
namespace detail {

/// Philox with the constants and word width of a std::philox_engine
/// instantiation. `consts` are in the standard's order M0, C0, M1, C1; the
/// standard's M0 multiplies counter word 2 (Random123's second multiplier).
template <class UIntType, std::size_t w, std::size_t n, std::size_t r, UIntType... consts>
struct philox_std_bijection {
    static_assert(n == 2 || n == 4, "cbrng::philox_engine: n must be 2 or 4");
    static_assert(sizeof...(consts) == n, "cbrng::philox_engine: n constants (M0, C0, ...) needed");
    static_assert(w >= 1 && w <= 64 && w <= std::numeric_limits<UIntType>::digits,
                  "cbrng::philox_engine: w must be 1..min(64, digits of UIntType)");
    static_assert(r >= 1, "cbrng::philox_engine: r must be at least 1");
    static_assert(std::is_unsigned_v<UIntType>, "cbrng::philox_engine: UIntType must be unsigned");

    using word_type = UIntType;
    using counter_type = word_array<UIntType, n>;
    using key_type = word_array<UIntType, n / 2>;
    static constexpr std::size_t word_count = n;
    static constexpr std::size_t word_size = w;
    static constexpr unsigned rounds = static_cast<unsigned>(r);

    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr word_array<UIntType, n> all() noexcept {
        return {{static_cast<UIntType>(consts & low_mask<UIntType, w>)...}};
    }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr counter_type operator()(counter_type x,
                                                                      key_type k) const noexcept {
        constexpr word_array<UIntType, n> c = all();
        key_type mul{}, weyl{};
        if constexpr (n == 2) {
            mul = {{c[0]}};
            weyl = {{c[1]}};
        } else {
            mul = {{c[2], c[0]}};
            weyl = {{c[1], c[3]}};
        }
        return philox_rounds<static_cast<unsigned>(w), rounds>(x, k, mul, weyl);
    }
};

template <class T, class Engine, class Result, class Key>
inline constexpr bool is_seed_sequence_v =
    !std::is_convertible_v<T, Result> && !std::is_base_of_v<Engine, std::remove_cv_t<T>> &&
    !std::is_same_v<std::remove_cv_t<T>, Key>;

}  // namespace detail

/// A C++ RandomNumberEngine over any counter-based bijection B.
///
/// State: key K, counter X (the next block to compute), the current block Y
/// and the index i of the last word returned. operator() follows C++26
/// [rand.eng.philox]: `if (++i == N) { Y = B(X, K); ++X; i = 0; } return Y[i];`
/// so the first block is computed from counter 0 and its words come out in
/// order 0..N-1. seed(value) sets key word 0 to value (the other key words to
/// 0) and the counter to 0; seed(q) fills the key from a seed sequence as the
/// standard specifies for philox_engine. The default seed is 20111115, as in
/// the standard, so counter_engine<philox4x32_10> yields cbrng::philox4x32's
/// sequence.
///
/// Thread-safety: a value type; distinct objects may be used concurrently.
/// Stability: the output sequence for a given key and counter is frozen.
///
///     cbrng::counter_engine<cbrng::threefry4x64_20> eng{{1, 2, 3, 4}};  // key
///     std::uint64_t x = eng();
template <class Bijection>
class counter_engine {
  public:
    using bijection_type = Bijection;
    using result_type = typename Bijection::word_type;
    using counter_type = typename Bijection::counter_type;
    using key_type = typename Bijection::key_type;

    static constexpr std::size_t word_size = Bijection::word_size;
    static constexpr std::size_t word_count = counter_type::size();
    static constexpr std::size_t key_words = key_type::size();
    static constexpr result_type default_seed = 20111115u;

    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr result_type min() noexcept { return 0; }
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr result_type max() noexcept {
        return detail::low_mask<result_type, static_cast<unsigned>(word_size)>;
    }

    CBRNG_HOST_DEVICE constexpr counter_engine() noexcept : counter_engine(default_seed) {}
    CBRNG_HOST_DEVICE explicit constexpr counter_engine(result_type value) noexcept { seed(value); }
    CBRNG_HOST_DEVICE explicit constexpr counter_engine(const key_type& key) noexcept { seed(key); }
    template <class Sseq, class = std::enable_if_t<detail::is_seed_sequence_v<
                              Sseq, counter_engine, result_type, key_type>>>
    explicit counter_engine(Sseq& q) {
        seed(q);
    }

    /// K = {value mod 2^w, 0, ...}, X = 0.
    CBRNG_HOST_DEVICE constexpr void seed(result_type value = default_seed) noexcept {
        key_type k{};
        k[0] = static_cast<result_type>(value & max());
        seed(k);
    }
    /// K = key (each word reduced mod 2^w), X = 0.
    CBRNG_HOST_DEVICE constexpr void seed(const key_type& key) noexcept {
        for (std::size_t j = 0; j < key_words; ++j)
            key_[j] = static_cast<result_type>(key[j] & max());
        x_ = counter_type{};
        y_ = counter_type{};
        i_ = word_count - 1;
    }
    /// p = ceil(w/32) 32-bit words per key word from q.generate, least
    /// significant first: K_k = sum_j a[k*p + j] * 2^(32 j), then X = 0.
    template <class Sseq, class = std::enable_if_t<detail::is_seed_sequence_v<
                              Sseq, counter_engine, result_type, key_type>>>
    void seed(Sseq& q) {
        constexpr std::size_t p = (word_size + 31) / 32;
        std::uint_least32_t a[key_words * p] = {};
        q.generate(a, a + key_words * p);
        key_type k{};
        for (std::size_t j = 0; j < key_words; ++j) {
            std::uint64_t v = 0;
            for (std::size_t h = 0; h < p; ++h) {
                v |= static_cast<std::uint64_t>(a[j * p + h] & 0xffffffffu) << (32 * h);
            }
            k[j] = static_cast<result_type>(v);
        }
        seed(k);
    }

    CBRNG_HOST_DEVICE constexpr result_type operator()() noexcept {
        if (++i_ == word_count) {
            y_ = Bijection{}(x_, key_);
            detail::counter_increment<static_cast<unsigned>(word_size)>(x_);
            i_ = 0;
        }
        return y_[i_];
    }

    /// Advances as if by z calls to operator(), in O(1).
    CBRNG_HOST_DEVICE constexpr void discard(unsigned long long z) noexcept {
        const std::uint64_t left = word_count - 1 - i_;  // words still buffered
        if (z <= left) {
            i_ += static_cast<std::size_t>(z);
            return;
        }
        const std::uint64_t rest = static_cast<std::uint64_t>(z) - left;  // >= 1
        detail::counter_add<static_cast<unsigned>(word_size)>(x_, (rest - 1) / word_count);
        y_ = Bijection{}(x_, key_);
        detail::counter_increment<static_cast<unsigned>(word_size)>(x_);
        i_ = static_cast<std::size_t>((rest - 1) % word_count);
    }

    /// Sets the counter, most significant word first (c[0] is X_{N-1}), as
    /// std::philox_engine::set_counter; the next call computes block c.
    void set_counter(const std::array<result_type, word_count>& c) noexcept {
        for (std::size_t j = 0; j < word_count; ++j) {
            x_[word_count - 1 - j] = static_cast<result_type>(c[j] & max());
        }
        i_ = word_count - 1;
    }

    /// The key, and the counter of the next block to be computed (word 0 least
    /// significant).
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr key_type key() const noexcept { return key_; }
    [[nodiscard]] CBRNG_HOST_DEVICE constexpr counter_type counter() const noexcept { return x_; }

    /// Equal when both will produce the same sequence from now on.
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator==(
        const counter_engine& a, const counter_engine& b) noexcept {
        return a.key_ == b.key_ && a.x_ == b.x_ && a.i_ == b.i_;
    }
    [[nodiscard]] CBRNG_HOST_DEVICE friend constexpr bool operator!=(
        const counter_engine& a, const counter_engine& b) noexcept {
        return !(a == b);
    }

    /// Text form: K_0 .. K_{k-1} X_0 .. X_{N-1} i, decimal, space separated.
    template <class Traits>
    friend std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os,
                                                        const counter_engine& e) {
        detail::ostream_state_guard guard{os};
        for (std::size_t j = 0; j < key_words; ++j) os << +e.key_[j] << ' ';
        for (std::size_t j = 0; j < word_count; ++j) os << +e.x_[j] << ' ';
        return os << e.i_;
    }
    /// Reads the text form; on malformed or out-of-range text sets failbit and
    /// leaves the engine unchanged.
    template <class Traits>
    friend std::basic_istream<char, Traits>& operator>>(std::basic_istream<char, Traits>& is,
                                                        counter_engine& e) {
        key_type k{};
        counter_type x{};
        std::uint64_t i = 0;
        if (!detail::read_words(is, max(), k.data(), key_words) ||
            !detail::read_words(is, max(), x.data(), word_count) ||
            !detail::read_word(is, word_count - 1, i)) {
            is.setstate(is.failbit);
            return is;
        }
        e.key_ = k;
        e.x_ = x;
        e.i_ = static_cast<std::size_t>(i);
        if (e.i_ != word_count - 1) {  // recompute the buffered block X - 1
            e.y_ = Bijection{}(minus_one(x), k);
        }
        return is;
    }

  private:
    // X - 1 modulo 2^(N*w).
    [[nodiscard]] CBRNG_HOST_DEVICE static constexpr counter_type minus_one(
        counter_type x) noexcept {
        for (std::size_t j = 0; j < word_count; ++j) {
            const bool borrow = x[j] == 0;
            x[j] = static_cast<result_type>((x[j] - 1u) & max());
            if (!borrow) break;
        }
        return x;
    }

    key_type key_{};
    counter_type x_{};
    counter_type y_{};
    std::size_t i_ = word_count - 1;
};

/// C++26 std::philox_engine (with LWG 4134 and 4153), for C++17 and up.
///
/// Same interface and values as the standard: consts are M0, C0, M1, C1;
/// default_seed is 20111115; set_counter takes the most significant word
/// first; discard is O(1). The 10000th output of a default-constructed
/// philox4x32 is 1955073260 and of philox4x64 is 3409172418970261260.
template <class UIntType, std::size_t w, std::size_t n, std::size_t r, UIntType... consts>
class philox_engine
    : public counter_engine<detail::philox_std_bijection<UIntType, w, n, r, consts...>> {
    using base = counter_engine<detail::philox_std_bijection<UIntType, w, n, r, consts...>>;

  public:
    using result_type = UIntType;
    static constexpr std::size_t word_size = w;
    static constexpr std::size_t word_count = n;
    static constexpr std::size_t round_count = r;
    static constexpr std::array<result_type, n / 2> multipliers = [] {
        constexpr UIntType c[] = {consts...};
        std::array<result_type, n / 2> m{};
        for (std::size_t k = 0; k < n / 2; ++k) m[k] = c[2 * k];
        return m;
    }();
    static constexpr std::array<result_type, n / 2> round_consts = [] {
        constexpr UIntType c[] = {consts...};
        std::array<result_type, n / 2> m{};
        for (std::size_t k = 0; k < n / 2; ++k) m[k] = c[2 * k + 1];
        return m;
    }();
    static constexpr result_type default_seed = 20111115u;

    using base::base;
    CBRNG_HOST_DEVICE constexpr philox_engine() noexcept : base(default_seed) {}
};

/// The standard's predefined Philox engines.
using philox4x32 =
    philox_engine<std::uint_fast32_t, 32, 4, 10, 0xCD9E8D57, 0x9E3779B9, 0xD2511F53, 0xBB67AE85>;
using philox4x64 = philox_engine<std::uint_fast64_t, 64, 4, 10, 0xCA5A826395121157,
                                 0x9E3779B97F4A7C15, 0xD2E7470EE14C6C93, 0xBB67AE8584CAA73B>;

CBRNG_NAMESPACE_END

#endif  // CBRNG_ENGINE_HPP
