// cbrng._core: the C++ streams as numpy bit generators (python/cbrng wraps it).
//
// A Stream owns one cbrng::stream<B> for the generator named at construction
// and a numpy bitgen_t (numpy/random/bitgen.h) whose state pointer is that
// stream, in place: numpy.random.Generator copies the bitgen_t once, so the
// stream never moves or changes type after construction (setting `state`
// re-positions it in place and refuses another generator's state).
//
// Word mapping (docs/python.md), the library's uniform_bits convention:
//   32-bit-word generators: next_uint32 = one stream word; next_uint64 = two
//     words, the first the low half; next_raw = one word.
//   64-bit-word generators: next_uint64 = next_raw = one word; next_uint32 =
//     the low half of one word.
//   next_double = (next_uint64 >> 11) * 2^-53, which is
//     cbrng::uniform_real_distribution<double>(0, 1) of the same draw.
//
// The bulk methods run cbrng::fill with the frozen C++ distributions, with
// the GIL released; the Python layer holds the stream's lock around them.
// Past the end of a stream the bulk methods raise IndexError (the C++
// std::out_of_range); through numpy's Generator, whose bitgen_t callbacks have
// no error channel, the callback terminates the process with the same message
// rather than wrap into numbers already used.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <unistd.h>

#include <cbrng/distributions/uniform_int.hpp>
#include <cbrng/fill.hpp>
#include <cbrng/stream.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "numpy/random/bitgen.h"

namespace py = pybind11;

namespace {

// ------------------------------------------------------------ argument checks

/// A Python int as a 64-bit field: TypeError for non-integers, ValueError for
/// negatives, OverflowError above 2^64 - 1, each naming the field.
std::uint64_t u64_field(const py::handle& obj, const char* field) {
    if (!PyLong_Check(obj.ptr()) || PyBool_Check(obj.ptr())) {
        throw py::type_error(std::string("cbrng: ") + field + " must be an int, got " +
                             std::string(py::str(py::type::of(obj).attr("__name__"))));
    }
    if (PyObject_RichCompareBool(obj.ptr(), py::int_(0).ptr(), Py_LT) == 1) {
        throw py::value_error(std::string("cbrng: ") + field + " must be >= 0, got " +
                              std::string(py::str(obj)));
    }
    const unsigned long long v = PyLong_AsUnsignedLongLong(obj.ptr());
    if (v == static_cast<unsigned long long>(-1) && PyErr_Occurred()) {
        PyErr_Clear();
        throw py::value_error(std::string("cbrng: ") + field + " " + std::string(py::str(obj)) +
                              " exceeds the 64-bit field's limit 18446744073709551615");
    }
    return static_cast<std::uint64_t>(v);
}

// ------------------------------------------------------------ streams

[[noreturn]] void die(const std::exception& e) noexcept {
    std::fprintf(stderr,
                 "cbrng: fatal: %s (drawn through numpy's bitgen_t, which has no error "
                 "channel)\n",
                 e.what());
    std::fflush(stderr);
    std::abort();
}

struct stream_base {
    virtual ~stream_base() = default;
    bitgen_t bitgen{};
    [[nodiscard]] virtual const char* name() const noexcept = 0;
    [[nodiscard]] virtual unsigned word_bits() const noexcept = 0;
    [[nodiscard]] virtual std::uint64_t max_process() const noexcept = 0;
    [[nodiscard]] virtual std::uint64_t capacity() const noexcept = 0;
    [[nodiscard]] virtual cbrng::stream_id id() const noexcept = 0;
    [[nodiscard]] virtual std::uint64_t position() const noexcept = 0;
    virtual void reset(const cbrng::stream_id& id, std::uint64_t position) = 0;
    virtual void set_position(std::uint64_t p) = 0;
    virtual void discard(std::uint64_t n) = 0;
    virtual void words(void* out, std::size_t n) = 0;
    virtual void uniform(double* out, std::size_t n, double a, double b) = 0;
    virtual void normal(double* out, std::size_t n, double mean, double stddev) = 0;
    virtual void exponential(double* out, std::size_t n, double lambda) = 0;
    virtual void integers(std::int64_t* out, std::size_t n, std::int64_t a, std::int64_t b) = 0;
};

template <class B>
struct stream_impl final : stream_base {
    using S = cbrng::stream<B>;
    using word = typename S::result_type;
    static constexpr bool narrow = sizeof(word) == 4;
    S s;
    const char* name_;

    stream_impl(const cbrng::stream_id& id, const char* name) : s(id), name_(name) {
        bitgen.state = &s;
        bitgen.next_uint64 = &next_uint64;
        bitgen.next_uint32 = &next_uint32;
        bitgen.next_double = &next_double;
        bitgen.next_raw = &next_raw;
    }

    static std::uint64_t draw64(S& g) {
        if constexpr (narrow) {
            const std::uint64_t lo = g();
            const std::uint64_t hi = g();
            return lo | (hi << 32);
        } else {
            return g();
        }
    }
    static std::uint64_t next_uint64(void* st) noexcept {
        try {
            return draw64(*static_cast<S*>(st));
        } catch (const std::exception& e) {
            die(e);
        }
    }
    static std::uint32_t next_uint32(void* st) noexcept {
        try {
            return static_cast<std::uint32_t>((*static_cast<S*>(st))());
        } catch (const std::exception& e) {
            die(e);
        }
    }
    static double next_double(void* st) noexcept {
        try {
            return static_cast<double>(draw64(*static_cast<S*>(st)) >> 11) * 0x1p-53;
        } catch (const std::exception& e) {
            die(e);
        }
    }
    static std::uint64_t next_raw(void* st) noexcept {
        try {
            return (*static_cast<S*>(st))();
        } catch (const std::exception& e) {
            die(e);
        }
    }

    const char* name() const noexcept override { return name_; }
    unsigned word_bits() const noexcept override { return narrow ? 32u : 64u; }
    std::uint64_t max_process() const noexcept override { return S::max_process; }
    std::uint64_t capacity() const noexcept override { return S::capacity; }
    cbrng::stream_id id() const noexcept override { return s.id(); }
    std::uint64_t position() const noexcept override { return s.position(); }
    void reset(const cbrng::stream_id& id, std::uint64_t position) override { s = S(id, position); }
    void set_position(std::uint64_t p) override { s.set_position(p); }
    void discard(std::uint64_t n) override { s.discard(n); }
    void words(void* out, std::size_t n) override {
        word* p = static_cast<word*>(out);
        cbrng::fill(s, p, p + n);
    }
    void uniform(double* out, std::size_t n, double a, double b) override {
        cbrng::fill(s, out, out + n, cbrng::uniform_real_distribution<double>(a, b));
    }
    void normal(double* out, std::size_t n, double mean, double stddev) override {
        cbrng::fill(s, out, out + n, cbrng::normal_distribution<double>(mean, stddev));
    }
    void exponential(double* out, std::size_t n, double lambda) override {
        cbrng::fill(s, out, out + n, cbrng::exponential_distribution<double>(lambda));
    }
    void integers(std::int64_t* out, std::size_t n, std::int64_t a, std::int64_t b) override {
        cbrng::fill(s, out, out + n, cbrng::uniform_int_distribution<std::int64_t>(a, b));
    }
};

constexpr const char* generator_names[] = {"philox4x32_10",   "philox2x64_10",   "philox4x64_10",
                                           "threefry4x32_20", "threefry2x64_20", "threefry4x64_20"};

std::unique_ptr<stream_base> make_stream(const std::string& g, const cbrng::stream_id& id) {
    if (g == "philox4x32_10")
        return std::make_unique<stream_impl<cbrng::philox4x32_10>>(id, generator_names[0]);
    if (g == "philox2x64_10")
        return std::make_unique<stream_impl<cbrng::philox2x64_10>>(id, generator_names[1]);
    if (g == "philox4x64_10")
        return std::make_unique<stream_impl<cbrng::philox4x64_10>>(id, generator_names[2]);
    if (g == "threefry4x32_20")
        return std::make_unique<stream_impl<cbrng::threefry4x32_20>>(id, generator_names[3]);
    if (g == "threefry2x64_20")
        return std::make_unique<stream_impl<cbrng::threefry2x64_20>>(id, generator_names[4]);
    if (g == "threefry4x64_20")
        return std::make_unique<stream_impl<cbrng::threefry4x64_20>>(id, generator_names[5]);
    std::string known;
    for (const char* n : generator_names) known += std::string(known.empty() ? "" : ", ") + n;
    throw py::value_error("cbrng: unknown generator '" + g + "'; the stream generators are " +
                          known);
}

// ------------------------------------------------------------ the fork-safe lock

/// The stream's lock: a threading lock that a forked child never inherits
/// held. It remembers the pid that created its inner lock and creates a new
/// inner lock when os.getpid() differs; the check and the swap run with the
/// GIL held, so they are atomic with respect to the child's other threads.
class fork_safe_lock {
  public:
    fork_safe_lock() : inner_(allocate()), pid_(::getpid()) {}

    bool acquire(bool blocking, double timeout) {
        py::object l = current();
        return l.attr("acquire")(blocking, timeout).cast<bool>();
    }
    void release() {
        if (::getpid() != pid_) {
            // Held by the parent (this thread acquired it before the fork):
            // the child's lock is a new, free one.
            current();
            return;
        }
        inner_.attr("release")();
    }
    bool locked() {
        if (::getpid() != pid_) return false;
        return inner_.attr("locked")().cast<bool>();
    }

  private:
    static py::object allocate() {
        // Looked up once and kept for the life of the process (never
        // destroyed, so no Python call runs at static destruction).
        static const py::object* const make =
            new py::object(py::module_::import("_thread").attr("allocate_lock"));
        return (*make)();
    }
    py::object current() {
        const pid_t p = ::getpid();
        if (p != pid_) {
            inner_ = allocate();
            pid_ = p;
        }
        return inner_;
    }
    py::object inner_;
    pid_t pid_;
};

// ------------------------------------------------------------ the Python Stream

class py_stream {
  public:
    py_stream(const py::object& seed, const py::object& process, const py::object& task,
              const std::string& generator)
        : lock_(py::cast(fork_safe_lock{})) {
        const cbrng::stream_id id{u64_field(seed, "seed"), u64_field(process, "process"),
                                  u64_field(task, "task")};
        impl_ = make_stream(generator, checked_id(generator, id));
        capsule_ = py::capsule(static_cast<void*>(&impl_->bitgen), "BitGenerator");
    }

    stream_base& impl() { return *impl_; }
    py::object lock() const { return lock_; }
    py::object capsule() const { return capsule_; }

    py::dict state() const {
        const cbrng::stream_id id = impl_->id();
        py::dict d;
        d["bit_generator"] = std::string("cbrng.") + impl_->name();
        d["seed"] = id.seed;
        d["process"] = id.process;
        d["task"] = id.task;
        d["position"] = impl_->position();
        return d;
    }
    void set_state(const py::dict& d) {
        const std::string want = std::string("cbrng.") + impl_->name();
        if (!d.contains("bit_generator") ||
            py::str(d["bit_generator"]).cast<std::string>() != want) {
            throw py::value_error("cbrng: state is not a " + want + " state (bit_generator '" +
                                  (d.contains("bit_generator")
                                       ? py::str(d["bit_generator"]).cast<std::string>()
                                       : std::string("missing")) +
                                  "'); a Stream keeps its generator");
        }
        for (const char* k : {"seed", "process", "task", "position"}) {
            if (!d.contains(k))
                throw py::value_error(std::string("cbrng: state lacks '") + k + "'");
        }
        const cbrng::stream_id id{u64_field(d["seed"], "seed"), u64_field(d["process"], "process"),
                                  u64_field(d["task"], "task")};
        const std::uint64_t pos = u64_field(d["position"], "position");
        checked_id(impl_->name(), id);
        if (pos > impl_->capacity()) position_error("position", pos);
        impl_->reset(id, pos);
    }
    void set_position(const py::object& p) {
        const std::uint64_t v = u64_field(p, "position");
        if (v > impl_->capacity()) position_error("position", v);
        impl_->set_position(v);
    }
    void advance(const py::object& n) {
        const std::uint64_t v = u64_field(n, "advance");
        if (v > impl_->capacity() - impl_->position()) position_error("advance", v);
        impl_->discard(v);
    }

  private:
    cbrng::stream_id checked_id(const std::string& generator, const cbrng::stream_id& id) const {
        const std::uint64_t limit =
            impl_ ? impl_->max_process() : make_stream(generator, {})->max_process();
        if (id.process > limit) {
            throw py::value_error("cbrng: process id " + std::to_string(id.process) + " exceeds " +
                                  generator + "'s process field limit " + std::to_string(limit));
        }
        return id;
    }
    [[noreturn]] void position_error(const char* what, std::uint64_t n) const {
        throw py::index_error(std::string("cbrng: ") + what + " " + std::to_string(n) +
                              " is past the end of the " + impl_->name() +
                              " stream, whose capacity is " + std::to_string(impl_->capacity()) +
                              " words (now at position " + std::to_string(impl_->position()) + ")");
    }

    std::unique_ptr<stream_base> impl_;
    py::object lock_;
    py::capsule capsule_;
};

/// Runs fill on a C-contiguous array with the GIL released, translating the
/// end-of-stream std::out_of_range to IndexError (pybind11's default).
template <class T, class F>
void fill_array(py::array_t<T, py::array::c_style>& out, F&& f) {
    T* p = out.mutable_data();
    const auto n = static_cast<std::size_t>(out.size());
    py::gil_scoped_release nogil;
    f(p, n);
}

}  // namespace

PYBIND11_MODULE(_core, m) {
    m.doc() = "cbrng's C++ streams as numpy bit generators (use the cbrng package, not _core)";

    py::class_<fork_safe_lock>(m, "ForkSafeLock",
                               "A lock that a forked child never inherits held (docs/python.md).")
        .def(py::init<>())
        .def("acquire", &fork_safe_lock::acquire, py::arg("blocking") = true,
             py::arg("timeout") = -1.0)
        .def("release", &fork_safe_lock::release)
        .def("locked", &fork_safe_lock::locked)
        .def("__enter__", [](fork_safe_lock& l) { return l.acquire(true, -1.0); })
        .def("__exit__", [](fork_safe_lock& l, const py::args&) { l.release(); });

    py::list names;
    for (const char* n : generator_names) names.append(n);
    m.attr("generators") = py::tuple(names);

    py::class_<py_stream>(m, "Stream", py::dynamic_attr())
        .def(
            py::init<const py::object&, const py::object&, const py::object&, const std::string&>(),
            py::arg("seed") = 0, py::arg("process") = 0, py::arg("task") = 0,
            py::arg("generator") = "philox4x32_10")
        .def_property_readonly("capsule", &py_stream::capsule)
        .def_property_readonly("lock", &py_stream::lock)
        .def_property("state", &py_stream::state, &py_stream::set_state)
        .def_property(
            "position", [](py_stream& s) { return s.impl().position(); }, &py_stream::set_position)
        .def("_advance", &py_stream::advance)
        .def_property_readonly("generator", [](py_stream& s) { return s.impl().name(); })
        .def_property_readonly("word_bits", [](py_stream& s) { return s.impl().word_bits(); })
        .def_property_readonly("max_process", [](py_stream& s) { return s.impl().max_process(); })
        .def_property_readonly("capacity", [](py_stream& s) { return s.impl().capacity(); })
        .def_property_readonly("seed", [](py_stream& s) { return s.impl().id().seed; })
        .def_property_readonly("process", [](py_stream& s) { return s.impl().id().process; })
        .def_property_readonly("task", [](py_stream& s) { return s.impl().id().task; })
        .def("_words32",
             [](py_stream& s, py::array_t<std::uint32_t, py::array::c_style> out) {
                 fill_array(out, [&](std::uint32_t* p, std::size_t n) { s.impl().words(p, n); });
             })
        .def("_words64",
             [](py_stream& s, py::array_t<std::uint64_t, py::array::c_style> out) {
                 fill_array(out, [&](std::uint64_t* p, std::size_t n) { s.impl().words(p, n); });
             })
        .def("_uniform",
             [](py_stream& s, py::array_t<double, py::array::c_style> out, double a, double b) {
                 cbrng::uniform_real_distribution<double> check(a, b);  // throws before the fill
                 (void)check;
                 fill_array(out, [&](double* p, std::size_t n) { s.impl().uniform(p, n, a, b); });
             })
        .def("_normal",
             [](py_stream& s, py::array_t<double, py::array::c_style> out, double mean,
                double stddev) {
                 cbrng::normal_distribution<double> check(mean, stddev);
                 (void)check;
                 fill_array(out,
                            [&](double* p, std::size_t n) { s.impl().normal(p, n, mean, stddev); });
             })
        .def("_exponential",
             [](py_stream& s, py::array_t<double, py::array::c_style> out, double lambda) {
                 cbrng::exponential_distribution<double> check(lambda);
                 (void)check;
                 fill_array(out,
                            [&](double* p, std::size_t n) { s.impl().exponential(p, n, lambda); });
             })
        .def("_integers", [](py_stream& s, py::array_t<std::int64_t, py::array::c_style> out,
                             std::int64_t a, std::int64_t b) {
            cbrng::uniform_int_distribution<std::int64_t> check(a, b);
            (void)check;
            fill_array(out, [&](std::int64_t* p, std::size_t n) { s.impl().integers(p, n, a, b); });
        });

    void cbrng_register_frozen(py::module_ & m);  // python/src/frozen.cpp
    cbrng_register_frozen(m);
}
