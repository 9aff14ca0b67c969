// cbrng._core's stateless core for the frozen Generator methods
// (python/cbrng/_generator.py) and the Dask layer: every call names a stream
// (generator, seed, process, task) and a position, builds that C++
// cbrng::stream<B> in O(1), writes into a caller-owned numpy array and returns
// the stream's end position (in words). Nothing here keeps state between
// calls, so the same call always writes the same numbers and a caller can
// start anywhere (Dask chunks at explicit positions).
//
//   frozen_fill(generator, seed, process, task, position, method, out, *params) -> end
//     out (a writable C-contiguous array, treated as flat) receives variates of
//     the C++ distribution `method` (the C++ name: "uniform_real", "normal",
//     "gamma", "poisson", ...; see methods below) with the C++ parameters
//     (e.g. exponential's lambda, not numpy's scale: the numpy mapping lives in
//     _generator.py). All-scalar params: cbrng::fill (its SIMD paths where the
//     library has them). Any param a 1-D C-contiguous float64/int64 array of
//     out's length: out[i] = dist(p_0[i], p_1[i], ...)(stream), in order,
//     which is what the scalar calls give.
//   frozen_fill_blocks(generator, seed, process, task, position, block_words, block,
//                      method, out, *params) -> used
//     frozen_fill of out[j * block : (j + 1) * block] from position
//     position + j * block_words for each j (the last piece may be shorter);
//     used[j] (int64 array) is the words piece j consumed. Scalar parameters
//     only (an array is a TypeError); the method is dispatched and the
//     distribution built once for all the pieces.
//   frozen_words_per_variate(generator, method, *params, dtype="float64") -> k
//     words per variate when the distribution's consumption is fixed, else 0.
//   frozen_shuffle(generator, seed, process, task, position, out) -> end
//     cbrng::shuffle of the int64 array out, in place.
//   frozen_sample(generator, seed, process, task, position, population, out) -> end
//     cbrng::sample of out.size elements of 0..population-1 (forward iterators:
//     selection sampling, the population's order kept) into int64 out.
//   frozen_discrete(generator, seed, process, task, position, weights, out) -> end
//     discrete_distribution<int64_t>(weights) variates into int64 out.
//
// Errors: bad ids as cbrng.Stream (TypeError / ValueError naming the field), a
// position past the end and running past the end IndexError (std::out_of_range),
// bad distribution parameters ValueError with the C++ message
// (std::invalid_argument), a wrong `out` TypeError (dtype) or ValueError (not
// C-contiguous, not writable): never a silent copy. The GIL is released while
// drawing.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <algorithm>
#include <cbrng/algorithm.hpp>
#include <cbrng/distributions/beta.hpp>
#include <cbrng/distributions/binomial.hpp>
#include <cbrng/distributions/cauchy.hpp>
#include <cbrng/distributions/chi_squared.hpp>
#include <cbrng/distributions/discrete.hpp>
#include <cbrng/distributions/exponential.hpp>
#include <cbrng/distributions/extreme_value.hpp>
#include <cbrng/distributions/fisher_f.hpp>
#include <cbrng/distributions/gamma.hpp>
#include <cbrng/distributions/geometric.hpp>
#include <cbrng/distributions/lognormal.hpp>
#include <cbrng/distributions/negative_binomial.hpp>
#include <cbrng/distributions/normal.hpp>
#include <cbrng/distributions/poisson.hpp>
#include <cbrng/distributions/student_t.hpp>
#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/distributions/uniform_real.hpp>
#include <cbrng/distributions/weibull.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/stream.hpp>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

namespace py = pybind11;

void cbrng_register_frozen(py::module_& m);

namespace {

// ------------------------------------------------------------ ids and positions

/// A Python int as a 64-bit field, with cbrng.Stream's errors.
std::uint64_t u64_arg(const py::handle& obj, const char* field) {
    PyObject* p = obj.ptr();
    if (PyBool_Check(p) || !PyIndex_Check(p)) {
        throw py::type_error(std::string("cbrng: ") + field + " must be an int, got " +
                             std::string(py::str(py::type::of(obj).attr("__name__"))));
    }
    const py::int_ v = py::reinterpret_steal<py::int_>(PyNumber_Index(p));
    if (!v) throw py::error_already_set();
    if (PyObject_RichCompareBool(v.ptr(), py::int_(0).ptr(), Py_LT) == 1) {
        throw py::value_error(std::string("cbrng: ") + field + " must be >= 0, got " +
                              std::string(py::str(py::object(v))));
    }
    const unsigned long long r = PyLong_AsUnsignedLongLong(v.ptr());
    if (r == static_cast<unsigned long long>(-1) && PyErr_Occurred()) {
        PyErr_Clear();
        throw py::value_error(std::string("cbrng: ") + field + " " +
                              std::string(py::str(py::object(v))) +
                              " exceeds the 64-bit field's limit 18446744073709551615");
    }
    return static_cast<std::uint64_t>(r);
}

struct stream_args {
    std::string generator;
    cbrng::stream_id id;
    std::uint64_t position;
};

stream_args parse_stream(const std::string& generator, const py::handle& seed,
                         const py::handle& process, const py::handle& task,
                         const py::handle& position) {
    return {generator,
            {u64_arg(seed, "seed"), u64_arg(process, "process"), u64_arg(task, "task")},
            u64_arg(position, "position")};
}

/// The C++ stream at the given id and position; ValueError for a process id
/// over the generator's limit, IndexError for a position past the end.
template <class B>
cbrng::stream<B> make_stream(const stream_args& a) {
    using S = cbrng::stream<B>;
    if (a.id.process > S::max_process) {
        throw py::value_error("cbrng: process id " + std::to_string(a.id.process) + " exceeds " +
                              a.generator + "'s process field limit " +
                              std::to_string(S::max_process));
    }
    if (a.position > S::capacity) {
        throw py::index_error(
            "cbrng: position " + std::to_string(a.position) + " is past the end of the " +
            a.generator + " stream, whose capacity is " + std::to_string(S::capacity) + " words");
    }
    return S{a.id, a.position};
}

/// Calls f(type tag of B) for the stream generator named g.
template <class F>
decltype(auto) with_generator(const std::string& g, F&& f) {
    if (g == "philox4x32_10") return f(cbrng::philox4x32_10{});
    if (g == "philox2x64_10") return f(cbrng::philox2x64_10{});
    if (g == "philox4x64_10") return f(cbrng::philox4x64_10{});
    if (g == "threefry4x32_20") return f(cbrng::threefry4x32_20{});
    if (g == "threefry2x64_20") return f(cbrng::threefry2x64_20{});
    if (g == "threefry4x64_20") return f(cbrng::threefry4x64_20{});
    throw py::value_error("cbrng: unknown generator '" + g +
                          "'; the stream generators are philox4x32_10, philox2x64_10, "
                          "philox4x64_10, threefry4x32_20, threefry2x64_20, threefry4x64_20");
}

// ------------------------------------------------------------ arrays

template <class T>
const char* dtype_name() {
    if constexpr (std::is_same_v<T, double>) return "float64";
    if constexpr (std::is_same_v<T, float>) return "float32";
    if constexpr (std::is_same_v<T, std::int64_t>) return "int64";
    if constexpr (std::is_same_v<T, std::int32_t>) return "int32";
    if constexpr (std::is_same_v<T, std::int16_t>) return "int16";
    if constexpr (std::is_same_v<T, std::int8_t>) return "int8";
    if constexpr (std::is_same_v<T, std::uint64_t>) return "uint64";
    if constexpr (std::is_same_v<T, std::uint32_t>) return "uint32";
    if constexpr (std::is_same_v<T, std::uint16_t>) return "uint16";
    if constexpr (std::is_same_v<T, std::uint8_t>) return "uint8";
}

template <class T>
bool has_dtype(const py::array& a) {
    return py::isinstance<py::array_t<T>>(a);
}

/// out as a writable C-contiguous array of T: TypeError / ValueError naming
/// `out` otherwise (never a converted copy).
template <class T>
T* checked_out(const py::handle& h, const std::string& what) {
    if (!py::isinstance<py::array>(h)) {
        throw py::type_error("cbrng: " + what + ": out must be a numpy.ndarray, got " +
                             std::string(py::str(py::type::of(h).attr("__name__"))));
    }
    auto a = py::reinterpret_borrow<py::array>(h);
    if (!has_dtype<T>(a)) {
        throw py::type_error("cbrng: " + what + ": out must have dtype " + dtype_name<T>() +
                             ", got " + std::string(py::str(a.dtype())));
    }
    if (!(a.flags() & py::array::c_style)) {
        throw py::value_error("cbrng: " + what + ": out must be C-contiguous");
    }
    if (!a.writeable()) throw py::value_error("cbrng: " + what + ": out is read-only");
    return static_cast<T*>(a.mutable_data());
}

/// A distribution parameter: one scalar, or one value per variate.
template <class P>
struct param_arg {
    P scalar{};
    const P* data = nullptr;
    [[nodiscard]] P at(std::size_t i) const noexcept { return data != nullptr ? data[i] : scalar; }
};

template <class P>
param_arg<P> parse_param(const py::handle& h, std::size_t n, std::size_t index,
                         const std::string& method) {
    param_arg<P> r;
    if (py::isinstance<py::array>(h)) {
        const auto a = py::reinterpret_borrow<py::array>(h);
        const std::string which =
            "cbrng: frozen_fill " + method + ": parameter " + std::to_string(index);
        if (!has_dtype<P>(a)) {
            throw py::type_error(which + " must be a " + dtype_name<P>() + " array, got dtype " +
                                 std::string(py::str(a.dtype())));
        }
        if (a.ndim() != 1 || static_cast<std::size_t>(a.size()) != n ||
            !(a.flags() & py::array::c_style)) {
            throw py::value_error(which + " must be a C-contiguous 1-D array of out's size " +
                                  std::to_string(n));
        }
        r.data = static_cast<const P*>(a.data());
    } else {
        r.scalar = h.cast<P>();
    }
    return r;
}

/// The pieces of one output for frozen_fill_blocks: piece j (`block`
/// elements, the last one shorter) from the stream at position
/// first.position + j * block_words; used[j] receives the words piece j
/// consumed. fill_method takes it in place of a stream, so the method
/// dispatch, the parameter checks and the distribution's construction happen
/// once for all the pieces (scalar parameters only).
template <class B>
struct block_plan {
    using bijection = B;
    stream_args first;
    std::uint64_t block_words;
    std::size_t block;
    std::int64_t* used;
};
template <class S>
struct is_block_plan : std::false_type {};
template <class B>
struct is_block_plan<block_plan<B>> : std::true_type {};

/// cbrng::fill of o[0, n) from s, or of each piece of a block_plan from its own
/// position.
template <class S, class T, class D>
void fill_out(S& s, T* o, std::size_t n, const D& d) {
    if constexpr (is_block_plan<S>::value) {
        for (std::size_t j = 0, lo = 0; lo < n; ++j, lo += s.block) {
            const std::uint64_t at = s.first.position + j * s.block_words;
            cbrng::stream<typename S::bijection> g{s.first.id, at};
            cbrng::fill(g, o + lo, o + std::min(n, lo + s.block), d);
            s.used[j] = static_cast<std::int64_t>(g.position() - at);
        }
    } else {
        cbrng::fill(s, o, o + n, d);
    }
}

/// Fills out with make(params...)-distributed variates from s (see the header).
template <class Out, class... P, class S, class Make, std::size_t... I>
void run_impl(S& s, const py::handle& out, const py::args& args, std::size_t first,
              const std::string& method, Make make, std::index_sequence<I...>) {
    if (args.size() != first + sizeof...(P)) {
        throw py::type_error("cbrng: frozen_fill " + method + " takes " +
                             std::to_string(sizeof...(P)) + " distribution parameter(s), got " +
                             std::to_string(args.size() - first));
    }
    Out* o = checked_out<Out>(out, "frozen_fill " + method);
    const auto n = static_cast<std::size_t>(py::reinterpret_borrow<py::array>(out).size());
    const std::tuple<param_arg<P>...> a{parse_param<P>(args[first + I], n, I, method)...};
    const bool any_array = (false || ... || (std::get<I>(a).data != nullptr));
    if (!any_array) {
        auto d = make(std::get<I>(a).scalar...);  // checks the parameters with the GIL held
        py::gil_scoped_release nogil;
        fill_out(s, o, n, d);
    } else if constexpr (is_block_plan<S>::value) {
        throw py::type_error("cbrng: frozen_fill_blocks " + method +
                             ": the parameters must be scalars");
    } else {
        // A run of equal parameters (a broadcast row, say) reuses one
        // distribution: the distributions are stateless, so this is what a
        // fill over that run gives, without rebuilding the parameters.
        using D = decltype(make(std::get<I>(a).scalar...));
        py::gil_scoped_release nogil;
        std::optional<D> d;
        std::tuple<P...> last{};
        for (std::size_t i = 0; i < n; ++i) {
            std::tuple<P...> now{std::get<I>(a).at(i)...};
            if (!d || now != last) {
                d.emplace(make(std::get<I>(now)...));
                last = now;
            }
            o[i] = (*d)(s);
        }
    }
}

template <class Out, class... P, class S, class Make>
void run(S& s, const py::handle& out, const py::args& args, std::size_t first,
         const std::string& method, Make make) {
    run_impl<Out, P...>(s, out, args, first, method, make, std::index_sequence_for<P...>{});
}

bool is_float32(const py::handle& out) {
    return py::isinstance<py::array>(out) &&
           has_dtype<float>(py::reinterpret_borrow<py::array>(out));
}

/// A real distribution D over doubles, or over floats when Float32 and out is float32.
template <template <class> class D, bool Float32, class... P, class S>
void run_real(S& s, const py::handle& out, const py::args& args, std::size_t first,
              const std::string& method) {
    if constexpr (Float32) {
        if (is_float32(out)) {
            run<float, P...>(s, out, args, first, method,
                             [](P... p) { return D<float>(static_cast<float>(p)...); });
            return;
        }
    }
    run<double, P...>(s, out, args, first, method, [](P... p) { return D<double>(p...); });
}

template <class T, class S>
bool run_uniform_int(S& s, const py::handle& out, const py::args& args, std::size_t first,
                     const std::string& method) {
    if (!has_dtype<T>(py::reinterpret_borrow<py::array>(out))) return false;
    run<T, T, T>(s, out, args, first, method,
                 [](T a, T b) { return cbrng::uniform_int_distribution<T>(a, b); });
    return true;
}

constexpr const char* method_names =
    "uniform_real, normal, exponential, gamma, beta, chi_squared, student_t, fisher_f, cauchy, "
    "lognormal, weibull, extreme_value, uniform_int, geometric, poisson, binomial, "
    "negative_binomial";

/// The method dispatch of frozen_fill; args[first..] are the parameters.
template <class S>
void fill_method(S& s, const std::string& m, const py::handle& out, const py::args& args,
                 std::size_t first) {
    using std::int64_t;
    if (m == "uniform_real")
        return run_real<cbrng::uniform_real_distribution, true, double, double>(s, out, args, first,
                                                                                m);
    if (m == "normal")
        return run_real<cbrng::normal_distribution, true, double, double>(s, out, args, first, m);
    if (m == "exponential")
        return run_real<cbrng::exponential_distribution, true, double>(s, out, args, first, m);
    if (m == "gamma")
        return run_real<cbrng::gamma_distribution, true, double, double>(s, out, args, first, m);
    if (m == "beta")
        return run_real<cbrng::beta_distribution, false, double, double>(s, out, args, first, m);
    if (m == "chi_squared")
        return run_real<cbrng::chi_squared_distribution, false, double>(s, out, args, first, m);
    if (m == "student_t")
        return run_real<cbrng::student_t_distribution, false, double>(s, out, args, first, m);
    if (m == "fisher_f")
        return run_real<cbrng::fisher_f_distribution, false, double, double>(s, out, args, first,
                                                                             m);
    if (m == "cauchy")
        return run_real<cbrng::cauchy_distribution, false, double, double>(s, out, args, first, m);
    if (m == "lognormal")
        return run_real<cbrng::lognormal_distribution, false, double, double>(s, out, args, first,
                                                                              m);
    if (m == "weibull")
        return run_real<cbrng::weibull_distribution, false, double, double>(s, out, args, first, m);
    if (m == "extreme_value")
        return run_real<cbrng::extreme_value_distribution, false, double, double>(s, out, args,
                                                                                  first, m);
    if (m == "geometric") {
        return run<int64_t, double>(s, out, args, first, m, [](double p) {
            return cbrng::geometric_distribution<int64_t>(p);
        });
    }
    if (m == "poisson") {
        return run<int64_t, double>(s, out, args, first, m, [](double mean) {
            return cbrng::poisson_distribution<int64_t>(mean);
        });
    }
    if (m == "binomial") {
        return run<int64_t, int64_t, double>(s, out, args, first, m, [](int64_t t, double p) {
            return cbrng::binomial_distribution<int64_t>(t, p);
        });
    }
    if (m == "negative_binomial") {
        return run<int64_t, int64_t, double>(s, out, args, first, m, [](int64_t k, double p) {
            return cbrng::negative_binomial_distribution<int64_t>(k, p);
        });
    }
    if (m == "uniform_int") {
        if (!py::isinstance<py::array>(out)) {
            checked_out<int64_t>(out, "frozen_fill uniform_int");  // throws
        }
        if (run_uniform_int<int64_t>(s, out, args, first, m) ||
            run_uniform_int<std::int32_t>(s, out, args, first, m) ||
            run_uniform_int<std::int16_t>(s, out, args, first, m) ||
            run_uniform_int<std::int8_t>(s, out, args, first, m) ||
            run_uniform_int<std::uint64_t>(s, out, args, first, m) ||
            run_uniform_int<std::uint32_t>(s, out, args, first, m) ||
            run_uniform_int<std::uint16_t>(s, out, args, first, m) ||
            run_uniform_int<std::uint8_t>(s, out, args, first, m)) {
            return;
        }
        throw py::type_error(
            "cbrng: frozen_fill uniform_int: out must have an integer dtype (int8..int64, "
            "uint8..uint64), got " +
            std::string(py::str(py::reinterpret_borrow<py::array>(out).dtype())));
    }
    throw py::value_error("cbrng: frozen_fill: unknown method '" + m + "'; the methods are " +
                          method_names);
}

// ------------------------------------------------------------ words per variate

template <class D, class = void>
struct fixed_consumption : std::false_type {};
template <class D>
struct fixed_consumption<D, std::enable_if_t<D::fixed_consumption>> : std::true_type {};

template <class D, class S>
std::size_t words_of() {
    if constexpr (fixed_consumption<D>::value) {
        return D::template words_per_variate<S>();
    } else {
        return 0;
    }
}

template <class S>
std::size_t method_words(const std::string& m, bool f32, const py::args& p) {
    using std::int64_t;
    const auto d = [&](std::size_t i) {
        if (i >= p.size()) {
            throw py::type_error("cbrng: frozen_words_per_variate " + m + " needs parameter " +
                                 std::to_string(i));
        }
        return p[i].cast<double>();
    };
    const auto k = [&](std::size_t i) {
        if (i >= p.size()) {
            throw py::type_error("cbrng: frozen_words_per_variate " + m + " needs parameter " +
                                 std::to_string(i));
        }
        return p[i].cast<int64_t>();
    };
    // Each branch constructs the distribution, so bad parameters raise as in frozen_fill.
    if (m == "uniform_real") {
        if (f32)
            return (void)cbrng::uniform_real_distribution<float>(float(d(0)), float(d(1))),
                   words_of<cbrng::uniform_real_distribution<float>, S>();
        return (void)cbrng::uniform_real_distribution<double>(d(0), d(1)),
               words_of<cbrng::uniform_real_distribution<double>, S>();
    }
    if (m == "normal") {
        if (f32)
            return (void)cbrng::normal_distribution<float>(float(d(0)), float(d(1))),
                   words_of<cbrng::normal_distribution<float>, S>();
        return (void)cbrng::normal_distribution<double>(d(0), d(1)),
               words_of<cbrng::normal_distribution<double>, S>();
    }
    if (m == "exponential") {
        if (f32)
            return (void)cbrng::exponential_distribution<float>(float(d(0))),
                   words_of<cbrng::exponential_distribution<float>, S>();
        return (void)cbrng::exponential_distribution<double>(d(0)),
               words_of<cbrng::exponential_distribution<double>, S>();
    }
    if (m == "gamma")
        return (void)cbrng::gamma_distribution<double>(d(0), d(1)),
               words_of<cbrng::gamma_distribution<double>, S>();
    if (m == "beta")
        return (void)cbrng::beta_distribution<double>(d(0), d(1)),
               words_of<cbrng::beta_distribution<double>, S>();
    if (m == "chi_squared")
        return (void)cbrng::chi_squared_distribution<double>(d(0)),
               words_of<cbrng::chi_squared_distribution<double>, S>();
    if (m == "student_t")
        return (void)cbrng::student_t_distribution<double>(d(0)),
               words_of<cbrng::student_t_distribution<double>, S>();
    if (m == "fisher_f")
        return (void)cbrng::fisher_f_distribution<double>(d(0), d(1)),
               words_of<cbrng::fisher_f_distribution<double>, S>();
    if (m == "cauchy")
        return (void)cbrng::cauchy_distribution<double>(d(0), d(1)),
               words_of<cbrng::cauchy_distribution<double>, S>();
    if (m == "lognormal")
        return (void)cbrng::lognormal_distribution<double>(d(0), d(1)),
               words_of<cbrng::lognormal_distribution<double>, S>();
    if (m == "weibull")
        return (void)cbrng::weibull_distribution<double>(d(0), d(1)),
               words_of<cbrng::weibull_distribution<double>, S>();
    if (m == "extreme_value")
        return (void)cbrng::extreme_value_distribution<double>(d(0), d(1)),
               words_of<cbrng::extreme_value_distribution<double>, S>();
    if (m == "geometric")
        return (void)cbrng::geometric_distribution<int64_t>(d(0)),
               words_of<cbrng::geometric_distribution<int64_t>, S>();
    if (m == "poisson")
        return (void)cbrng::poisson_distribution<int64_t>(d(0)),
               words_of<cbrng::poisson_distribution<int64_t>, S>();
    if (m == "binomial")
        return (void)cbrng::binomial_distribution<int64_t>(k(0), d(1)),
               words_of<cbrng::binomial_distribution<int64_t>, S>();
    if (m == "negative_binomial")
        return (void)cbrng::negative_binomial_distribution<int64_t>(k(0), d(1)),
               words_of<cbrng::negative_binomial_distribution<int64_t>, S>();
    if (m == "uniform_int") return words_of<cbrng::uniform_int_distribution<int64_t>, S>();
    if (m == "discrete") return words_of<cbrng::discrete_distribution<int64_t>, S>();
    throw py::value_error("cbrng: frozen_words_per_variate: unknown method '" + m +
                          "'; the methods are " + method_names + ", discrete");
}

// ------------------------------------------------------------ permutations

/// 0, 1, 2, ... as a random access iterator (std::distance in O(1)), so
/// cbrng::sample takes its forward-iterator algorithm without a population array.
class counting_iterator {
  public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = std::int64_t;
    using difference_type = std::int64_t;
    using pointer = const std::int64_t*;
    using reference = std::int64_t;

    explicit counting_iterator(std::int64_t v) : v_(v) {}
    reference operator*() const { return v_; }
    counting_iterator& operator++() {
        ++v_;
        return *this;
    }
    counting_iterator operator++(int) {
        counting_iterator t = *this;
        ++v_;
        return t;
    }
    difference_type operator-(const counting_iterator& b) const { return v_ - b.v_; }
    bool operator==(const counting_iterator& b) const { return v_ == b.v_; }
    bool operator!=(const counting_iterator& b) const { return v_ != b.v_; }

  private:
    std::int64_t v_;
};

}  // namespace

void cbrng_register_frozen(py::module_& m) {
    m.def(
        "frozen_fill",
        [](const std::string& generator, const py::object& seed, const py::object& process,
           const py::object& task, const py::object& position, const std::string& method,
           const py::object& out, const py::args& params) {
            const stream_args a = parse_stream(generator, seed, process, task, position);
            return with_generator(generator, [&](auto b) -> std::uint64_t {
                auto s = make_stream<decltype(b)>(a);
                fill_method(s, method, out, params, 0);
                return s.position();
            });
        },
        "Fills out with the C++ distribution `method`'s variates from the stream (generator, "
        "seed, process, task) at `position`; returns the end position (see frozen.cpp).");

    m.def(
        "frozen_fill_blocks",
        [](const std::string& generator, const py::object& seed, const py::object& process,
           const py::object& task, const py::object& position, std::uint64_t block_words,
           std::size_t block, const std::string& method, const py::object& out,
           const py::args& params) {
            const stream_args a = parse_stream(generator, seed, process, task, position);
            if (!py::isinstance<py::array>(out)) {
                throw py::type_error("cbrng: frozen_fill_blocks: out must be a numpy.ndarray");
            }
            const auto arr = py::reinterpret_borrow<py::array>(out);
            if (arr.ndim() != 1 || block == 0) {
                throw py::value_error("cbrng: frozen_fill_blocks: out must be 1-D and block >= 1");
            }
            const auto n = static_cast<std::size_t>(arr.size());
            const std::size_t pieces = (n + block - 1) / block;
            py::array_t<std::int64_t> used(static_cast<py::ssize_t>(pieces));
            with_generator(generator, [&](auto b) {
                using B = decltype(b);
                (void)make_stream<B>(a);  // the process field and the first position
                if (pieces > 1) {
                    // the last piece's start: in the stream (IndexError as frozen_fill)
                    const std::uint64_t k = pieces - 1;
                    if (block_words != 0 && k > (~std::uint64_t{0} - a.position) / block_words) {
                        throw py::index_error("cbrng: frozen_fill_blocks: positions overflow");
                    }
                    stream_args last = a;
                    last.position = a.position + k * block_words;
                    (void)make_stream<B>(last);
                }
                block_plan<B> plan{a, block_words, block, used.mutable_data()};
                fill_method(plan, method, out, params, 0);
            });
            return used;
        },
        "frozen_fill of consecutive pieces of `block` elements of out, piece j from stream "
        "position `position + j * block_words`; returns the words each piece used (the block "
        "layout of cbrng.dask, see frozen.cpp).");

    m.def(
        "frozen_words_per_variate",
        [](const std::string& generator, const std::string& method, const py::args& params,
           const py::kwargs& kw) {
            bool f32 = false;
            for (const auto& item : kw) {
                const std::string key = py::str(item.first);
                if (key != "dtype") {
                    throw py::type_error("cbrng: frozen_words_per_variate: unexpected keyword '" +
                                         key + "'");
                }
                const std::string dt =
                    py::str(py::dtype::from_args(py::reinterpret_borrow<py::object>(item.second)));
                if (dt == "float32") {
                    f32 = true;
                } else if (dt != "float64" && dt != "int64") {
                    throw py::type_error(
                        "cbrng: frozen_words_per_variate: dtype must be float64 or float32, "
                        "got " +
                        dt);
                }
            }
            return with_generator(generator, [&](auto b) -> std::size_t {
                return method_words<cbrng::stream<decltype(b)>>(method, f32, params);
            });
        },
        "Stream words per variate of the C++ distribution `method` (0: variable).");

    m.def(
        "frozen_shuffle",
        [](const std::string& generator, const py::object& seed, const py::object& process,
           const py::object& task, const py::object& position, const py::object& out) {
            const stream_args a = parse_stream(generator, seed, process, task, position);
            std::int64_t* o = checked_out<std::int64_t>(out, "frozen_shuffle");
            const auto n = static_cast<std::size_t>(py::reinterpret_borrow<py::array>(out).size());
            return with_generator(generator, [&](auto b) -> std::uint64_t {
                auto s = make_stream<decltype(b)>(a);
                py::gil_scoped_release nogil;
                cbrng::shuffle(o, o + n, s);
                return s.position();
            });
        },
        "cbrng::shuffle of the int64 array out in place; returns the end position.");

    m.def(
        "frozen_sample",
        [](const std::string& generator, const py::object& seed, const py::object& process,
           const py::object& task, const py::object& position, std::int64_t population,
           const py::object& out) {
            const stream_args a = parse_stream(generator, seed, process, task, position);
            std::int64_t* o = checked_out<std::int64_t>(out, "frozen_sample");
            const auto k = py::reinterpret_borrow<py::array>(out).size();
            if (population < 0 || k > population) {
                throw py::value_error("cbrng: frozen_sample: cannot take " + std::to_string(k) +
                                      " of a population of " + std::to_string(population) +
                                      " without replacement");
            }
            return with_generator(generator, [&](auto b) -> std::uint64_t {
                auto s = make_stream<decltype(b)>(a);
                py::gil_scoped_release nogil;
                cbrng::sample(counting_iterator(0), counting_iterator(population), o, k, s);
                return s.position();
            });
        },
        "cbrng::sample of out.size of 0..population-1 (selection sampling, in order) into "
        "int64 out; returns the end position.");

    m.def(
        "frozen_discrete",
        [](const std::string& generator, const py::object& seed, const py::object& process,
           const py::object& task, const py::object& position,
           const py::array_t<double, py::array::c_style | py::array::forcecast>& weights,
           const py::object& out) {
            const stream_args a = parse_stream(generator, seed, process, task, position);
            std::int64_t* o = checked_out<std::int64_t>(out, "frozen_discrete");
            const auto n = static_cast<std::size_t>(py::reinterpret_borrow<py::array>(out).size());
            const double* w = weights.data();
            cbrng::discrete_distribution<std::int64_t> d(
                w, w + static_cast<std::size_t>(weights.size()));
            return with_generator(generator, [&](auto b) -> std::uint64_t {
                auto s = make_stream<decltype(b)>(a);
                py::gil_scoped_release nogil;
                cbrng::fill(s, o, o + n, d);
                return s.position();
            });
        },
        "discrete_distribution<int64_t>(weights) variates into int64 out; returns the end "
        "position.");
}
