// cbrng._core: the C++ streams as numpy bit generators (python/cbrng wraps it).
//
// A Stream owns one cbrng::buffered_stream<B, buffer_blocks> for the generator
// named at construction and a numpy bitgen_t (numpy/random/bitgen.h) whose
// state pointer is that stream, in place: numpy.random.Generator copies the
// bitgen_t once, so the stream never moves or changes type after construction
// (setting `state` re-positions it in place and refuses another generator's
// state). The buffered stream refills buffer_blocks blocks at a time through
// the SIMD block kernels where the generator has one (philox4x32_10,
// threefry4x64_20), and its words, position, discard and set_position are
// exactly cbrng::stream<B>'s (buffered-but-unused words are not counted), so
// the callbacks below are an index check and a load.
//
// Word mapping (docs/python.md): bitgen_words.hpp.
//
// The bulk methods run cbrng::fill with the frozen C++ distributions, with
// the GIL released; the Python layer holds the stream's lock around them.
// Past the end of a stream the bulk methods raise IndexError (the C++
// std::out_of_range); through numpy's Generator, whose bitgen_t callbacks have
// no error channel, the callback terminates the process with the same message
// rather than wrap into numbers already used.
#include <pthread.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <atomic>
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

#include "bitgen_words.hpp"
#include "numpy/random/bitgen.h"

namespace py = pybind11;

namespace {

// ------------------------------------------------------------ argument checks

/// True for Python's bool and numpy's bool_ (which still has a deprecated __index__).
bool is_bool(PyObject* o) {
    if (PyBool_Check(o)) return true;
    const std::string t = Py_TYPE(o)->tp_name;
    return t == "numpy.bool_" || t == "numpy.bool";
}

/// An integer (a Python int or anything with __index__: numpy integers) as a
/// 64-bit field: TypeError for bools, floats and other non-integers, ValueError
/// for negatives and above 2^64 - 1, each naming the field.
std::uint64_t u64_field(const py::handle& obj, const char* field) {
    PyObject* o = obj.ptr();
    if (is_bool(o) || PyFloat_Check(o) || !PyIndex_Check(o)) {
        throw py::type_error(std::string("cbrng: ") + field + " must be an int, got " +
                             std::string(py::str(py::type::of(obj).attr("__name__"))));
    }
    const py::object v = py::reinterpret_steal<py::object>(PyNumber_Index(o));
    if (!v) throw py::error_already_set();
    if (PyObject_RichCompareBool(v.ptr(), py::int_(0).ptr(), Py_LT) == 1) {
        throw py::value_error(std::string("cbrng: ") + field + " must be >= 0, got " +
                              std::string(py::str(v)));
    }
    const unsigned long long u = PyLong_AsUnsignedLongLong(v.ptr());
    if (u == static_cast<unsigned long long>(-1) && PyErr_Occurred()) {
        PyErr_Clear();
        throw py::value_error(std::string("cbrng: ") + field + " " + std::string(py::str(v)) +
                              " exceeds the 64-bit field's limit 18446744073709551615");
    }
    return static_cast<std::uint64_t>(u);
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
    /// 64-bit-word generators: the half next_uint32 keeps (bitgen_words.hpp).
    [[nodiscard]] virtual bool has_half() const noexcept = 0;
    [[nodiscard]] virtual std::uint32_t half() const noexcept = 0;
    virtual void set_half(bool has, std::uint32_t value) = 0;
    virtual void words(void* out, std::size_t n) = 0;
    virtual void uniform(double* out, std::size_t n, double a, double b) = 0;
    virtual void normal(double* out, std::size_t n, double mean, double stddev) = 0;
    virtual void exponential(double* out, std::size_t n, double lambda) = 0;
    virtual void integers(std::int64_t* out, std::size_t n, std::int64_t a, std::int64_t b) = 0;
};

#ifndef CBRNG_PY_BUFFER_BLOCKS
/// Blocks per refill of a Stream's buffer (docs/python.md, "Bit generator
/// internals", has the measurement that chose it).
#define CBRNG_PY_BUFFER_BLOCKS 128
#endif
constexpr std::size_t buffer_blocks = CBRNG_PY_BUFFER_BLOCKS;

template <class B>
struct stream_impl final : stream_base {
    using S = cbrng::buffered_stream<B, buffer_blocks>;
    using W = cbrng_python::bitgen_words<S>;
    using word = typename S::result_type;
    static constexpr bool narrow = W::narrow;
    W w;
    const char* name_;

    stream_impl(const cbrng::stream_id& id, const char* name) : w{S(id)}, name_(name) {
        bitgen.state = &w;
        bitgen.next_uint64 = &next_uint64;
        bitgen.next_uint32 = &next_uint32;
        bitgen.next_double = &next_double;
        bitgen.next_raw = &next_raw;
    }

    static std::uint64_t next_uint64(void* st) noexcept {
        try {
            return static_cast<W*>(st)->uint64();
        } catch (const std::exception& e) {
            die(e);
        }
    }
    static std::uint32_t next_uint32(void* st) noexcept {
        try {
            return static_cast<W*>(st)->uint32();
        } catch (const std::exception& e) {
            die(e);
        }
    }
    static double next_double(void* st) noexcept {
        try {
            return static_cast<W*>(st)->real();
        } catch (const std::exception& e) {
            die(e);
        }
    }
    static std::uint64_t next_raw(void* st) noexcept {
        try {
            return static_cast<W*>(st)->raw();
        } catch (const std::exception& e) {
            die(e);
        }
    }

    const char* name() const noexcept override { return name_; }
    unsigned word_bits() const noexcept override { return narrow ? 32u : 64u; }
    std::uint64_t max_process() const noexcept override { return S::max_process; }
    std::uint64_t capacity() const noexcept override { return S::capacity; }
    cbrng::stream_id id() const noexcept override { return w.s.id(); }
    std::uint64_t position() const noexcept override { return w.s.position(); }
    void reset(const cbrng::stream_id& id, std::uint64_t position) override {
        w.s = S(id, position);
        w.drop_half();
    }
    void set_position(std::uint64_t p) override {
        w.s.set_position(p);
        w.drop_half();
    }
    void discard(std::uint64_t n) override {
        w.s.discard(n);
        w.drop_half();
    }
    bool has_half() const noexcept override { return w.has_half; }
    std::uint32_t half() const noexcept override { return w.half; }
    void set_half(bool has, std::uint32_t value) override {
        if (narrow) return;
        w.has_half = has;
        w.half = has ? value : 0;
    }
    // The bulk methods fill a cbrng::stream<B> at this position (so their
    // words, and their end-of-stream error, are exactly stream<B>'s), then
    // move the buffered stream to where it stopped, also when it threw.
    template <class F>
    void bulk(F&& f) {
        // The waiting half (64-bit words) belongs to a word already drawn, so
        // it stays, as numpy's random_raw leaves its bit generators' one.
        cbrng::stream<B> t(w.s.id(), w.s.position());
        try {
            f(t);
        } catch (...) {
            w.s.set_position(t.position());
            throw;
        }
        w.s.set_position(t.position());
    }
    void words(void* out, std::size_t n) override {
        word* p = static_cast<word*>(out);
        bulk([&](cbrng::stream<B>& t) { cbrng::fill(t, p, p + n); });
    }
    void uniform(double* out, std::size_t n, double a, double b) override {
        bulk([&](cbrng::stream<B>& t) {
            cbrng::fill(t, out, out + n, cbrng::uniform_real_distribution<double>(a, b));
        });
    }
    void normal(double* out, std::size_t n, double mean, double stddev) override {
        bulk([&](cbrng::stream<B>& t) {
            cbrng::fill(t, out, out + n, cbrng::normal_distribution<double>(mean, stddev));
        });
    }
    void exponential(double* out, std::size_t n, double lambda) override {
        bulk([&](cbrng::stream<B>& t) {
            cbrng::fill(t, out, out + n, cbrng::exponential_distribution<double>(lambda));
        });
    }
    void integers(std::int64_t* out, std::size_t n, std::int64_t a, std::int64_t b) override {
        bulk([&](cbrng::stream<B>& t) {
            cbrng::fill(t, out, out + n, cbrng::uniform_int_distribution<std::int64_t>(a, b));
        });
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

/// Bumped in every forked child (pthread_atfork's child handler runs for
/// os.fork, multiprocessing's fork and a fork() called from C alike), so a
/// lock can tell, without a system call, that it was created or last reset in
/// the parent of this process.
std::atomic<std::uint64_t> fork_generation{0};
/// The thread that called fork() (the child's only thread at first), set with
/// each bump: pthread_self() there, which is its PyThread_get_thread_ident().
std::atomic<unsigned long> forking_thread{0};

extern "C" void cbrng_after_fork_in_child() noexcept {
    forking_thread.store(PyThread_get_thread_ident(), std::memory_order_relaxed);
    fork_generation.fetch_add(1, std::memory_order_relaxed);
}

/// cbrng.ForkSafeLock, a C type (numpy's Generator enters and exits it around
/// every draw, so a pybind11 method call's overhead would dominate a scalar
/// draw): a threading lock that a forked child never inherits held by a
/// thread the child lacks. It remembers the fork generation of its inner
/// lock; every operation first compares it with fork_generation and, in a
/// child, replaces the inner lock by a new one: held by the same thread if
/// the thread that forked held it (it is still inside its critical section;
/// its release works as in the parent), else free. The check and the swap run
/// with the GIL held, so they are atomic with respect to the child's other
/// threads.
struct lock_object {
    PyObject_HEAD PyThread_type_lock inner;
    std::uint64_t generation;
    bool held;
    unsigned long owner;    // the holder's thread ident while held
    unsigned long dropped;  // a holder whose hold a fork dropped (0: none)
};

/// The inner lock of this process's generation (nullptr with MemoryError set).
PyThread_type_lock current_inner(lock_object* self) {
    const std::uint64_t g = fork_generation.load(std::memory_order_relaxed);
    if (self->generation != g) {
        // Forked since: the old lock may be held by a thread that does not
        // exist here. Nobody in this process waits on it; it is dropped.
        PyThread_type_lock fresh = PyThread_allocate_lock();
        if (fresh == nullptr) {
            PyErr_NoMemory();
            return nullptr;
        }
        PyThread_free_lock(self->inner);
        self->inner = fresh;
        const bool forker_holds = self->held && g == self->generation + 1 &&
                                  self->owner == forking_thread.load(std::memory_order_relaxed);
        self->dropped = self->held && !forker_holds ? self->owner : 0;
        self->generation = g;
        if (forker_holds) {
            PyThread_acquire_lock(fresh, 0);  // free: cannot block
        } else {
            self->held = false;
        }
    }
    return self->inner;
}

PyObject* lock_new(PyTypeObject* type, PyObject*, PyObject*) {
    auto* self = reinterpret_cast<lock_object*>(type->tp_alloc(type, 0));
    if (self == nullptr) return nullptr;
    self->inner = PyThread_allocate_lock();
    self->generation = fork_generation.load(std::memory_order_relaxed);
    self->held = false;
    self->owner = 0;
    self->dropped = 0;
    if (self->inner == nullptr) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    return reinterpret_cast<PyObject*>(self);
}

void lock_dealloc(PyObject* obj) {
    auto* self = reinterpret_cast<lock_object*>(obj);
    if (self->inner != nullptr) PyThread_free_lock(self->inner);
    PyTypeObject* type = Py_TYPE(obj);
    type->tp_free(obj);
    Py_DECREF(type);
}

/// 1 acquired, 0 not (timeout or non-blocking), -1 error set.
int lock_acquire_impl(lock_object* self, bool blocking, double timeout) {
    PyThread_type_lock inner = current_inner(self);
    if (inner == nullptr) return -1;
    if (PyThread_acquire_lock_timed(inner, 0, 0) == PY_LOCK_ACQUIRED) {
        self->held = true;
        self->owner = PyThread_get_thread_ident();
        return 1;
    }
    if (!blocking) return 0;
    using timeout_t = PY_TIMEOUT_T;
    const timeout_t us = timeout < 0 ? timeout_t{-1} : static_cast<timeout_t>(timeout * 1e6);
    for (;;) {
        PyLockStatus r;
        Py_BEGIN_ALLOW_THREADS r = PyThread_acquire_lock_timed(inner, us, 1);
        Py_END_ALLOW_THREADS if (r == PY_LOCK_ACQUIRED) {
            self->held = true;
            self->owner = PyThread_get_thread_ident();
            return 1;
        }
        if (r == PY_LOCK_FAILURE) return 0;
        // Interrupted by a signal: run the Python handlers (which may raise), then wait again.
        if (Py_MakePendingCalls() < 0) return -1;
    }
}

PyObject* lock_acquire(PyObject* obj, PyObject* args, PyObject* kwargs) {
    static const char* kwlist[] = {"blocking", "timeout", nullptr};
    int blocking = 1;
    double timeout = -1.0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|pd:acquire", const_cast<char**>(kwlist),
                                     &blocking, &timeout))
        return nullptr;
    if (!blocking && timeout != -1.0) {
        PyErr_SetString(PyExc_ValueError, "can't specify a timeout for a non-blocking call");
        return nullptr;
    }
    if (timeout < 0 && timeout != -1.0) {
        PyErr_SetString(PyExc_ValueError, "timeout value must be a non-negative number");
        return nullptr;
    }
    const int r = lock_acquire_impl(reinterpret_cast<lock_object*>(obj), blocking != 0, timeout);
    if (r < 0) return nullptr;
    return PyBool_FromLong(r);
}

PyObject* lock_enter(PyObject* obj, PyObject*) {
    const int r = lock_acquire_impl(reinterpret_cast<lock_object*>(obj), true, -1.0);
    if (r < 0) return nullptr;
    return PyBool_FromLong(r);
}

PyObject* lock_release(PyObject* obj, PyObject*) {
    auto* self = reinterpret_cast<lock_object*>(obj);
    PyThread_type_lock inner = current_inner(self);
    if (inner == nullptr) return nullptr;
    if (!self->held) {
        if (self->dropped != 0 && self->dropped == PyThread_get_thread_ident()) {
            // Its hold was dropped by a fork (one more fork than the
            // generation check follows): the release it still owes is a no-op.
            self->dropped = 0;
            Py_RETURN_NONE;
        }
        PyErr_SetString(PyExc_RuntimeError, "release unlocked lock");
        return nullptr;
    }
    self->held = false;
    PyThread_release_lock(inner);
    Py_RETURN_NONE;
}

PyObject* lock_exit(PyObject* obj, PyObject* const*, Py_ssize_t) {
    return lock_release(obj, nullptr);
}

PyObject* lock_locked(PyObject* obj, PyObject*) {
    auto* self = reinterpret_cast<lock_object*>(obj);
    if (current_inner(self) == nullptr) return nullptr;
    return PyBool_FromLong(self->held ? 1 : 0);
}

template <class F>
PyCFunction as_cfunction(F* f) {
    // The documented way to store a METH_FASTCALL / METH_KEYWORDS function in
    // a PyMethodDef (cast through void (*)(void)).
    return reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(f));
}

PyMethodDef lock_methods[] = {
    {"acquire", as_cfunction(&lock_acquire), METH_VARARGS | METH_KEYWORDS,
     "acquire(blocking=True, timeout=-1) -> bool, as threading.Lock.acquire"},
    {"release", lock_release, METH_NOARGS, "release(), as threading.Lock.release"},
    {"locked", lock_locked, METH_NOARGS, "locked() -> bool, as threading.Lock.locked"},
    {"__enter__", lock_enter, METH_NOARGS, nullptr},
    {"__exit__", as_cfunction(&lock_exit), METH_FASTCALL, nullptr},
    {nullptr, nullptr, 0, nullptr}};

PyType_Slot lock_slots[] = {
    {Py_tp_new, reinterpret_cast<void*>(&lock_new)},
    {Py_tp_dealloc, reinterpret_cast<void*>(&lock_dealloc)},
    {Py_tp_methods, lock_methods},
    {Py_tp_doc,
     const_cast<char*>("A lock that a forked child never inherits held (docs/python.md).")},
    {0, nullptr}};

PyType_Spec lock_spec = {"cbrng._core.ForkSafeLock", sizeof(lock_object), 0, Py_TPFLAGS_DEFAULT,
                         lock_slots};

/// The ForkSafeLock type, created once at module import.
PyObject* lock_type = nullptr;

// ------------------------------------------------------------ the Python Stream

class py_stream {
  public:
    py_stream(const py::object& seed, const py::object& process, const py::object& task,
              const std::string& generator)
        : lock_(py::reinterpret_steal<py::object>(PyObject_CallNoArgs(lock_type))) {
        if (!lock_) throw py::error_already_set();
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
        if (impl_->word_bits() == 64) {
            // numpy's names for the half next_uint32 keeps (bitgen_words.hpp).
            d["has_uint32"] = impl_->has_half() ? 1 : 0;
            d["uinteger"] = impl_->half();
        }
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
        // Optional (older states lack them): the half a 64-bit-word stream's
        // next_uint32 keeps; a 32-bit-word stream has none.
        bool has_half = false;
        std::uint64_t half = 0;
        if (d.contains("has_uint32")) {
            const std::uint64_t h = u64_field(d["has_uint32"], "has_uint32");
            if (h > 1)
                throw py::value_error("cbrng: state's has_uint32 must be 0 or 1, got " +
                                      std::to_string(h));
            has_half = h == 1;
        }
        if (d.contains("uinteger")) {
            half = u64_field(d["uinteger"], "uinteger");
            if (half > 0xFFFFFFFFu)
                throw py::value_error("cbrng: state's uinteger " + std::to_string(half) +
                                      " exceeds the 32-bit limit 4294967295");
        }
        if (has_half && impl_->word_bits() == 32)
            throw py::value_error(std::string("cbrng: state's has_uint32 must be 0 for ") +
                                  impl_->name() + ", whose words are 32-bit");
        impl_->reset(id, pos);
        impl_->set_half(has_half, static_cast<std::uint32_t>(half));
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

    lock_type = PyType_FromSpec(&lock_spec);
    if (lock_type == nullptr) throw py::error_already_set();
    m.add_object("ForkSafeLock", py::handle(lock_type));
    if (pthread_atfork(nullptr, nullptr, &cbrng_after_fork_in_child) != 0)
        throw std::runtime_error("cbrng: pthread_atfork failed");
    m.attr("__version__") = std::to_string(CBRNG_VERSION_MAJOR) + "." +
                            std::to_string(CBRNG_VERSION_MINOR) + "." +
                            std::to_string(CBRNG_VERSION_PATCH);
    m.attr("buffer_blocks") = buffer_blocks;

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
        .def_property_readonly(
            "_interface",
            [](py_stream& s) {
                // (state, next_uint64, next_uint32, next_double, next_raw,
                // bitgen_t) addresses, for Stream.ctypes / Stream.cffi.
                const bitgen_t& b = s.impl().bitgen;
                auto addr = [](auto* p) { return reinterpret_cast<std::uintptr_t>(p); };
                return py::make_tuple(addr(b.state), addr(b.next_uint64), addr(b.next_uint32),
                                      addr(b.next_double), addr(b.next_raw), addr(&b));
            })
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
