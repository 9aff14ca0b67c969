// Test URBGs for the distribution tests: scripted words, and a wrapper that
// counts calls, so tests can pin exact bit mappings and word consumption.
#ifndef CBRNG_TESTS_URBG_UTIL_HPP
#define CBRNG_TESTS_URBG_UTIL_HPP

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace cbrng_test {

/// Returns the scripted words in order, cycling; range [Min, Max].
template <class Word, Word Min, Word Max>
class script_urbg {
  public:
    using result_type = Word;
    script_urbg(std::initializer_list<Word> words) : words_(words) {}
    static constexpr Word min() { return Min; }
    static constexpr Word max() { return Max; }
    Word operator()() {
        ++calls_;
        return words_[(calls_ - 1) % words_.size()];
    }
    [[nodiscard]] std::size_t calls() const { return calls_; }

  private:
    std::vector<Word> words_;
    std::size_t calls_ = 0;
};

using script32 = script_urbg<std::uint32_t, 0, 0xffffffffu>;
using script64 = script_urbg<std::uint64_t, 0, ~std::uint64_t{0}>;

/// Forwards to G and counts the calls.
template <class G>
class counting_urbg {
  public:
    using result_type = typename G::result_type;
    explicit counting_urbg(G g) : g_(g) {}
    static constexpr result_type min() { return G::min(); }
    static constexpr result_type max() { return G::max(); }
    result_type operator()() {
        ++calls_;
        return g_();
    }
    [[nodiscard]] std::size_t calls() const { return calls_; }

  private:
    G g_;
    std::size_t calls_ = 0;
};

}  // namespace cbrng_test

#endif  // CBRNG_TESTS_URBG_UTIL_HPP
