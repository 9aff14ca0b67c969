"""cbrng.dask: the computed arrays do not depend on the chunks, the scheduler or the workers.

Every method, 1-D and 2-D, five chunkings each (one chunk; rows; columns; tiles;
chunks="auto" made small), synchronous scheduler, equal to reference() (no Dask)
and to an independent computation of the documented layout: for fixed
consumption cbrng.generator(...).<method>(..., size=N), for the block layout a
loop over blocks at word b * W. Some on the threaded scheduler; a
distributed.LocalCluster with 2 worker processes computes every method once,
and 1 and 4 workers two methods. Budget: about a minute.
"""
import pickle
import time

import numpy as np
import pytest

da = pytest.importorskip("dask.array")
dask = pytest.importorskip("dask")

import cbrng  # noqa: E402
import cbrng.dask as cd  # noqa: E402

SEED, PROCESS, TASK = 20261207, 3, 11

# (method, positional args, keyword args, layout) with layout "fixed" or "block".
METHODS = [
    ("random", (), {}, "fixed"),
    ("random", (), {"dtype": np.float32}, "fixed"),
    ("uniform", (-2.0, 3.0), {}, "fixed"),
    ("normal", (1.0, 2.0), {}, "fixed"),
    ("standard_normal", (), {}, "fixed"),
    ("exponential", (2.5,), {}, "fixed"),
    ("standard_exponential", (), {}, "fixed"),
    ("integers", (-5, 1000), {}, "block"),
    ("integers", (0, 2**40), {"endpoint": True}, "block"),
    ("gamma", (0.5, 2.0), {}, "block"),
    ("gamma", (7.0,), {}, "block"),
    ("standard_gamma", (3.0,), {}, "block"),
    ("beta", (0.3, 0.4), {}, "block"),
    ("chisquare", (3.0,), {}, "block"),
    ("standard_t", (4.0,), {}, "block"),
    ("f", (3.0, 5.0), {}, "block"),
    ("standard_cauchy", (), {}, "fixed"),
    ("lognormal", (0.0, 0.5), {}, "fixed"),
    ("weibull", (1.5,), {}, "fixed"),
    ("gumbel", (1.0, 2.0), {}, "fixed"),
    ("geometric", (0.3,), {}, "fixed"),
    ("poisson", (3.5,), {}, "block"),
    ("poisson", (250.0,), {}, "block"),
    ("binomial", (20, 0.4), {}, "block"),
    ("binomial", (1000, 0.3), {}, "block"),
    ("negative_binomial", (3, 0.4), {}, "block"),
    ("choice", (7,), {}, "block"),
    ("choice", (np.array([1.5, 2.5, 3.5]),), {"p": [0.2, 0.3, 0.5]}, "fixed"),
]
IDS = [f"{m}{a}{k}".replace(" ", "") for m, a, k, _ in METHODS]

SHAPE_1D = (2500,)  # three blocks, the last one partial
CHUNKS_1D = [2500, 1024, 700, 333, "auto"]
SHAPE_2D = (40, 90)
CHUNKS_2D = [(40, 90), (7, 90), (40, 13), (11, 17), "auto"]  # one, rows, columns, tiles, auto


def _gen(generator="philox4x32_10"):
    return cd.Generator(SEED, PROCESS, TASK, generator)


def _small_auto():
    # "auto" follows dask's array.chunk-size: small here, so it makes several chunks.
    return dask.config.set({"array.chunk-size": "2KiB"})


def _independent(method, args, kwargs, layout, n, generator="philox4x32_10"):
    """The documented layout, computed without cbrng.dask's chunk code."""
    g = cbrng.generator(SEED, PROCESS, TASK, generator)
    if layout == "fixed":
        return getattr(g, method)(*args, **kwargs, size=n)
    W = cd.block_words(generator)
    parts = []
    for b in range(-(-n // cd.BLOCK)):
        g.bit_generator.position = b * W
        parts.append(getattr(g, method)(*args, **kwargs, size=min(cd.BLOCK, n - b * cd.BLOCK)))
        assert g.bit_generator.position <= (b + 1) * W
    return np.concatenate(parts)


@pytest.mark.parametrize("method,args,kwargs,layout", METHODS, ids=IDS)
def test_every_chunking_equals_the_one_machine_array(method, args, kwargs, layout):
    g = _gen()
    ref1 = getattr(cd.reference(SEED, PROCESS, TASK), method)(*args, **kwargs, size=SHAPE_1D)
    np.testing.assert_array_equal(ref1, _independent(method, args, kwargs, layout, SHAPE_1D[0]))
    ref2 = getattr(cd.reference(SEED, PROCESS, TASK), method)(*args, **kwargs, size=SHAPE_2D)
    # the layout is by flat index: the 2-D array is the 1-D one's first 3600, reshaped
    np.testing.assert_array_equal(
        ref2.ravel(), _independent(method, args, kwargs, layout, ref2.size))
    with _small_auto():
        for shape, chunkings, ref in ((SHAPE_1D, CHUNKS_1D, ref1), (SHAPE_2D, CHUNKS_2D, ref2)):
            for chunks in chunkings:
                x = getattr(g, method)(*args, **kwargs, size=shape, chunks=chunks)
                if chunks == "auto":
                    assert x.npartitions > 2, "auto should make several chunks here"
                assert x.shape == shape and x.dtype == ref.dtype
                np.testing.assert_array_equal(x.compute(scheduler="sync"), ref,
                                              err_msg=f"chunks={chunks}")


@pytest.mark.parametrize("method,args,kwargs,layout", METHODS, ids=IDS)
def test_layout_is_the_documented_one(method, args, kwargs, layout):
    n = 3 * cd.BLOCK + 5
    ref = getattr(cd.reference(SEED, PROCESS, TASK), method)(*args, **kwargs, size=n)
    direct = getattr(cbrng.generator(SEED, PROCESS, TASK), method)(*args, **kwargs, size=n)
    # fixed consumption: the plain one-machine call; the block layout differs from it
    assert np.array_equal(ref, direct) == (layout == "fixed")


@pytest.mark.parametrize("generator", ["philox4x64_10", "threefry4x32_20", "threefry2x64_20"])
def test_other_generators(generator):
    g = cd.Generator(SEED, PROCESS, TASK, generator)
    assert cd.block_words(generator) == 1024 * 8 * (64 // cbrng.Stream(0, 0, 0,
                                                                        generator).word_bits)
    for method, args, layout in (("normal", (0.0, 1.0), "fixed"), ("gamma", (2.0, 1.0), "block"),
                                 ("poisson", (4.0,), "block")):
        ref = _independent(method, args, {}, layout, 3000, generator).reshape(30, 100)
        for chunks in ((30, 100), (7, 100), (30, 9), (8, 21)):
            x = getattr(g, method)(*args, size=(30, 100), chunks=chunks)
            np.testing.assert_array_equal(x.compute(scheduler="sync"), ref)


def test_threaded_scheduler():
    g = _gen()
    for method, args in (("normal", (0.0, 1.0)), ("gamma", (0.5, 1.0)), ("binomial", (50, 0.5)),
                         ("integers", (0, 10))):
        ref = getattr(cd.reference(SEED, PROCESS, TASK), method)(*args, size=(200, 150))
        for chunks in ((200, 150), (13, 150), (200, 7), (31, 29)):
            x = getattr(g, method)(*args, size=(200, 150), chunks=chunks)
            np.testing.assert_array_equal(x.compute(scheduler="threads", num_workers=4), ref)


def test_three_dimensions_and_scalars():
    g, r = _gen(), cd.reference(SEED, PROCESS, TASK)
    for method, args in (("normal", (0.0, 1.0)), ("poisson", (2.0,))):
        ref = getattr(r, method)(*args, size=(6, 50, 30))
        for chunks in ((6, 50, 30), (1, 50, 30), (6, 7, 30), (6, 50, 4), (2, 9, 11)):
            x = getattr(g, method)(*args, size=(6, 50, 30), chunks=chunks)
            np.testing.assert_array_equal(x.compute(scheduler="sync"), ref)
        # size=None: a 0-d array, element 0
        x = getattr(g, method)(*args).compute(scheduler="sync")
        assert x.shape == () and x == ref.flat[0]
        # an empty array
        assert getattr(g, method)(*args, size=(0, 5)).compute(scheduler="sync").shape == (0, 5)


def test_choice_without_replacement_and_permutation():
    g, r = _gen(), cd.reference(SEED, PROCESS, TASK)
    one = cbrng.generator(SEED, PROCESS, TASK)
    np.testing.assert_array_equal(r.permutation(1000), one.permutation(1000))
    for chunks in (1000, 300, 1, "auto"):
        np.testing.assert_array_equal(g.permutation(1000, chunks=chunks).compute(scheduler="sync"),
                                      r.permutation(1000))
    xs = np.arange(400.0).reshape(100, 4)
    np.testing.assert_array_equal(
        g.permutation(da.from_array(xs, chunks=(30, 4)), chunks=25).compute(scheduler="sync"),
        cbrng.generator(SEED, PROCESS, TASK).permutation(xs))
    ref = cbrng.generator(SEED, PROCESS, TASK).choice(500, size=(20, 10), replace=False)
    np.testing.assert_array_equal(r.choice(500, size=(20, 10), replace=False), ref)
    for chunks in ((20, 10), (3, 10), (20, 3), (7, 4)):
        x = g.choice(500, size=(20, 10), replace=False, chunks=chunks)
        np.testing.assert_array_equal(x.compute(scheduler="sync"), ref)
    pop = np.array(list("abcdefgh"))
    x = g.choice(pop, size=(30, 30), chunks=(7, 11)).compute(scheduler="sync")
    np.testing.assert_array_equal(x, pop[r.choice(8, size=(30, 30))])
    with pytest.raises(NotImplementedError, match="permutation"):
        g.shuffle(np.arange(5))


def test_graph_tasks_carry_no_generator_objects():
    x = _gen().gamma(2.0, 1.0, size=(100, 100), chunks=(30, 40))

    def walk(v):
        assert not isinstance(v, (cbrng.Stream, cbrng._core.Stream, np.random.Generator,
                                  np.random.BitGenerator)), v
        if isinstance(v, (tuple, list)):
            for w in v:
                walk(w)
        elif isinstance(v, dict):
            for w in v.values():
                walk(w)

    graph = dict(x.__dask_graph__())
    assert len(graph) == 12  # 4 x 3 chunks
    for task in graph.values():
        walk(task)
        assert len(pickle.dumps(task)) < 600


def test_bad_input_names_the_field():
    g = _gen()
    with pytest.raises((TypeError, ValueError), match="seed"):
        cd.Generator(-1)
    with pytest.raises((TypeError, ValueError), match="task"):
        cd.Generator(1, 0, "x")
    with pytest.raises(ValueError, match="generator|philox"):
        cd.Generator(1, generator="mt19937")
    with pytest.raises(ValueError, match="shape"):
        g.gamma(-1.0, size=10)
    with pytest.raises(ValueError, match="scale"):
        g.normal(0.0, 0.0, size=10)
    with pytest.raises(ValueError, match="p"):
        g.binomial(10, 1.5, size=10)
    with pytest.raises(TypeError, match="loc"):
        g.normal("x", 1.0, size=3)
    with pytest.raises(ValueError, match="size"):
        g.normal(size=(3, -1))
    with pytest.raises(TypeError, match="size"):
        g.normal(size="big")
    with pytest.raises(ValueError, match="chunks"):
        g.normal(size=(10, 10), chunks=(3, 3, 3))
    with pytest.raises(TypeError, match="out"):
        g.random(size=3, out=np.empty(3))
    with pytest.raises(TypeError, match="unexpected|argument"):
        g.normal(0.0, 1.0, size=3, sigma=2)
    with pytest.raises(ValueError, match="replace=False"):
        g.choice(5, size=6, replace=False)
    with pytest.raises(NotImplementedError):
        g.choice(5, size=2, replace=False, p=[0.2] * 5)
    with pytest.raises(ValueError, match="axis"):
        g.permutation(10, axis=1)


def test_capacity_is_checked():
    g = _gen()
    fixed = cd.max_elements("philox4x32_10", 2)
    blocks = cd.max_elements("philox4x32_10", 0)
    assert fixed == 2**33 and blocks == 2**30
    with pytest.raises(ValueError, match="holds"):
        g.normal(size=fixed + 1)
    with pytest.raises(ValueError, match="holds"):
        g.gamma(2.0, size=blocks + 1)


def test_last_elements_of_a_full_stream():
    g, n = _gen(), cd.max_elements("philox4x32_10", 0)
    # the largest arrays build (lazily); their last chunk is small, so it computes fast
    x = g.poisson(3.0, size=n, chunks=((n - 1000, 1000),))
    tail = x[-3:].compute(scheduler="sync")
    gen = cbrng.generator(SEED, PROCESS, TASK)
    b = (n - 1) // cd.BLOCK
    gen.bit_generator.position = b * cd.block_words()
    np.testing.assert_array_equal(tail, gen.poisson(3.0, size=cd.BLOCK)[-3:])
    m = cd.max_elements("philox4x32_10", 2)
    y = g.normal(size=m, chunks=((m - 10, 10),))
    gen.bit_generator.position = cbrng.Stream(0).capacity - 2
    assert y[-1].compute(scheduler="sync") == gen.normal()


def test_a_block_that_overruns_its_words_raises(monkeypatch):
    monkeypatch.setattr(cd, "DRAWS_PER_ELEMENT", 1)  # W = 2048 words: gamma needs more
    x = _gen().gamma(0.5, size=2000, chunks=500)
    with pytest.raises(RuntimeError, match="block 0 used .* more than the 2048 words"):
        x.compute(scheduler="sync")
    # normal has fixed consumption and does not use blocks
    _gen().normal(size=2000, chunks=500).compute(scheduler="sync")


@pytest.fixture(scope="module")
def cluster_client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                       dashboard_address=None)
    client = distributed.Client(cluster)
    yield distributed, cluster, client
    client.close()
    cluster.close()


def test_local_cluster_every_method(cluster_client):
    distributed, cluster, client = cluster_client
    g, r = _gen(), cd.reference(SEED, PROCESS, TASK)
    arrays, refs = [], []
    for method, args, kwargs, _ in METHODS:
        arrays.append(getattr(g, method)(*args, **kwargs, size=SHAPE_2D, chunks=(11, 17)))
        refs.append(getattr(r, method)(*args, **kwargs, size=SHAPE_2D))
    arrays.append(g.permutation(300, chunks=70))
    refs.append(r.permutation(300))
    results = client.gather(client.compute(arrays))
    for (method, args, kwargs, _), x, ref in zip(METHODS + [("permutation", (), {}, "")],
                                                 results, refs):
        np.testing.assert_array_equal(x, ref, err_msg=method)
    # both workers took part
    assert len(client.run(lambda: 1)) == 2


def test_local_cluster_one_and_four_workers(cluster_client):
    distributed, cluster, client = cluster_client
    g, r = _gen(), cd.reference(SEED, PROCESS, TASK)
    ref_n = r.normal(size=(300, 200))
    ref_g = r.gamma(0.7, size=(300, 200))
    for workers in (1, 4):
        cluster.scale(workers)
        deadline = time.monotonic() + 60
        while len(client.scheduler_info()["workers"]) != workers:
            assert time.monotonic() < deadline, f"the cluster did not reach {workers} workers"
            time.sleep(0.1)
        xn, xg = client.gather(client.compute([g.normal(size=(300, 200), chunks=(50, 60)),
                                               g.gamma(0.7, size=(300, 200), chunks=(70, 40))]))
        np.testing.assert_array_equal(xn, ref_n)
        np.testing.assert_array_equal(xg, ref_g)


# ------------------------------------------------------------ array-valued parameters

N1 = SHAPE_1D[0]
_ramp = np.linspace(0.3, 6.0, N1)

# (method, params by name (numpy arrays, or ("dask", array, chunks) for a dask array),
# layout); the params broadcast to SHAPE_1D.
ARRAY_METHODS_1D = [
    ("normal", {"loc": np.arange(N1) * 0.1, "scale": 2.0}, "fixed"),
    ("uniform", {"low": ("dask", -_ramp, 600), "high": _ramp}, "fixed"),
    ("geometric", {"p": ("dask", np.linspace(0.05, 1.0, N1), 1000)}, "fixed"),
    ("gamma", {"shape": _ramp, "scale": ("dask", _ramp[::-1], 512)}, "block"),
    ("integers", {"low": np.arange(N1) % 7 - 3, "high": 1000}, "block"),
    ("integers", {"low": 0, "high": ("dask", np.arange(N1) + 1, 777), "endpoint": True},
     "block"),
    ("poisson", {"lam": ("dask", _ramp * 30, 1300)}, "block"),
    ("binomial", {"n": np.arange(N1) % 50, "p": 0.3}, "block"),
]
ARRAY_IDS_1D = [f"{m}-{'-'.join(p)}" for m, p, _ in ARRAY_METHODS_1D]


def _materialise(params):
    """(the dask.Generator's arguments, numpy twins)."""
    args, plain = {}, {}
    for k, v in params.items():
        if isinstance(v, tuple) and v[0] == "dask":
            args[k], plain[k] = da.from_array(v[1], chunks=v[2]), v[1]
        else:
            args[k], plain[k] = v, v
    return args, plain


def _independent_arrays(method, plain, layout, shape, generator="philox4x32_10"):
    """The documented layout with element i's parameters at element i, computed with
    cbrng.Generator directly (no cbrng.dask code)."""
    n = int(np.prod(shape))
    keys = [k for k, v in plain.items() if np.ndim(v)]
    flat = {k: np.broadcast_to(plain[k], shape).ravel() for k in keys}
    rest = {k: v for k, v in plain.items() if k not in keys}
    g = cbrng.generator(SEED, PROCESS, TASK, generator)
    if layout == "fixed":
        return getattr(g, method)(**rest, **flat, size=n).reshape(shape)
    W = cd.block_words(generator)
    parts = []
    for b in range(-(-n // cd.BLOCK)):
        g.bit_generator.position = b * W
        sl = slice(b * cd.BLOCK, min(n, (b + 1) * cd.BLOCK))
        parts.append(getattr(g, method)(**rest, **{k: v[sl] for k, v in flat.items()},
                                        size=sl.stop - sl.start))
        assert g.bit_generator.position <= (b + 1) * W
    return np.concatenate(parts).reshape(shape)


@pytest.mark.parametrize("method,params,layout", ARRAY_METHODS_1D, ids=ARRAY_IDS_1D)
def test_array_parameters_1d_every_chunking(method, params, layout):
    args, plain = _materialise(params)
    ref = _independent_arrays(method, plain, layout, SHAPE_1D)
    np.testing.assert_array_equal(getattr(cd.reference(SEED, PROCESS, TASK), method)(
        **args, size=SHAPE_1D), ref)
    # size None: the parameters' broadcast shape
    np.testing.assert_array_equal(getattr(cd.reference(SEED, PROCESS, TASK), method)(
        **plain), ref)
    g = _gen()
    with _small_auto():
        for chunks in CHUNKS_1D:
            x = getattr(g, method)(**args, size=SHAPE_1D, chunks=chunks)
            assert x.shape == SHAPE_1D and x.dtype == ref.dtype
            np.testing.assert_array_equal(x.compute(scheduler="sync"), ref,
                                          err_msg=f"chunks={chunks}")
        x = getattr(g, method)(**args, chunks=700)
        np.testing.assert_array_equal(x.compute(scheduler="sync"), ref)


_rows = np.linspace(0.5, 3.0, SHAPE_2D[0])[:, None]  # (40, 1)
_cols = np.linspace(1.0, 9.0, SHAPE_2D[1])  # (90,)
_full = np.add.outer(_rows[:, 0], _cols)  # (40, 90)
ARRAY_METHODS_2D = [
    ("normal", {"loc": _cols, "scale": _rows}, "fixed"),
    ("exponential", {"scale": ("dask", _full, (13, 40))}, "fixed"),
    ("gamma", {"shape": _cols, "scale": ("dask", _rows, (9, 1))}, "block"),
    ("poisson", {"lam": ("dask", _full, (40, 7))}, "block"),
    ("integers", {"low": np.zeros((40, 1), np.int64), "high": ("dask", 2 + np.arange(90), 50)},
     "block"),
]
ARRAY_IDS_2D = [f"{m}-{'-'.join(p)}" for m, p, _ in ARRAY_METHODS_2D]


@pytest.mark.parametrize("method,params,layout", ARRAY_METHODS_2D, ids=ARRAY_IDS_2D)
def test_array_parameters_2d_every_chunking(method, params, layout):
    args, plain = _materialise(params)
    ref = _independent_arrays(method, plain, layout, SHAPE_2D)
    np.testing.assert_array_equal(getattr(cd.reference(SEED, PROCESS, TASK), method)(
        **args, size=SHAPE_2D), ref)
    g = _gen()
    with _small_auto():
        for chunks in CHUNKS_2D:
            x = getattr(g, method)(**args, size=SHAPE_2D, chunks=chunks)
            if chunks == "auto":
                assert x.npartitions > 2
            np.testing.assert_array_equal(x.compute(scheduler="sync"), ref,
                                          err_msg=f"chunks={chunks}")
            # the graph's own tasks carry ids, positions and parameter block keys only
            for key, task in dict(x.__dask_graph__()).items():
                if isinstance(key, tuple) and key[0] == x.name:
                    assert len(pickle.dumps(task)) < 4000


def test_array_parameters_threaded_and_three_dimensions():
    g, r = _gen(), cd.reference(SEED, PROCESS, TASK)
    lam = da.from_array(np.linspace(0.5, 40.0, 6 * 50).reshape(6, 50, 1), chunks=(2, 25, 1))
    ref = r.poisson(lam, size=(6, 50, 30))
    np.testing.assert_array_equal(
        ref, _independent_arrays("poisson", {"lam": lam.compute()}, "block", (6, 50, 30)))
    for chunks in ((6, 50, 30), (2, 9, 11), (6, 50, 4)):
        x = g.poisson(lam, size=(6, 50, 30), chunks=chunks)
        np.testing.assert_array_equal(x.compute(scheduler="threads", num_workers=4), ref)
    loc = np.arange(150.0)
    x = g.normal(loc, da.from_array(np.full((200, 1), 2.0), chunks=50), chunks=(31, 29))
    np.testing.assert_array_equal(x.compute(scheduler="threads", num_workers=4),
                                  r.normal(loc, np.full((200, 1), 2.0)))


def test_array_parameter_errors():
    g, one = _gen(), cbrng.generator(SEED, PROCESS, TASK)
    with pytest.raises(ValueError, match="parameter loc of shape \\(3,\\) does not broadcast"):
        g.normal(np.zeros(3), 1.0, size=4)
    with pytest.raises(ValueError, match="parameter scale"):
        g.normal(np.zeros(3), da.ones(4, chunks=2))
    with pytest.raises(ValueError, match="parameter lam"):
        g.poisson(da.ones((2, 5), chunks=1), size=(3, 5))
    with pytest.raises(TypeError, match="dtype|endpoint"):
        g.integers(0, 5, size=3, endpoint=np.array([True, False, True]))
    # invalid values: cbrng.Generator's error, at build time for numpy arrays ...
    for call in (lambda r: r.normal(0.0, np.array([1.0, -1.0]), size=2),
                 lambda r: r.integers(np.array([3, 9]), np.array([5, 9])),
                 lambda r: r.gamma(np.array([[1.0], [0.0]]), size=(2, 3)),
                 lambda r: r.binomial(np.array([3, 4]), 1.5)):
        with pytest.raises(ValueError) as want:
            call(one)
        with pytest.raises(ValueError) as got:
            call(g)
        assert str(got.value) == str(want.value)
    # ... and at compute time for dask arrays, with the same message
    x = g.normal(0.0, da.from_array(np.array([1.0, 2.0, -1.0, 3.0]), chunks=2))
    with pytest.raises(ValueError, match="cbrng: normal: scale must be > 0"):
        x.compute(scheduler="sync")
    x = g.integers(da.from_array(np.array([0, 7]), chunks=1), 5)
    with pytest.raises(ValueError, match="cbrng: integers: low must be < high"):
        x.compute(scheduler="sync")


def test_whole_blocks_in_one_core_call_overrun_and_values(monkeypatch):
    # chunks of whole blocks take one core call for the blocks in a row; the
    # values are the per-block ones and an overrun names its block
    g, r = _gen(), cd.reference(SEED, PROCESS, TASK)
    for method, args in (("gamma", (0.5,)), ("integers", (0, 2**31 + 1)), ("poisson", (3.0,))):
        ref = _independent(method, args, {}, "block", 5000)
        np.testing.assert_array_equal(getattr(r, method)(*args, size=5000), ref)
        for chunks in (5000, 4096, 2048, 3000):
            x = getattr(g, method)(*args, size=5000, chunks=chunks)
            np.testing.assert_array_equal(x.compute(scheduler="sync"), ref)
    monkeypatch.setattr(cd, "DRAWS_PER_ELEMENT", 1)  # W = 2048 words: gamma needs more
    x = _gen().gamma(0.5, size=4000, chunks=4000)
    with pytest.raises(RuntimeError, match="block 0 used .* for 1024 variates, more than the "
                                           "2048 words"):
        x.compute(scheduler="sync")


def test_core_fill_blocks_equals_one_fill_per_block():
    core = cbrng._core
    for gen, method, out_dtype, params in (("philox4x32_10", "uniform_int", np.int64, (0, 999)),
                                          ("threefry4x64_20", "gamma", np.float64, (0.5, 1.0)),
                                          ("philox4x32_10", "poisson", np.int64, (3.0,))):
        out = np.empty(2500, out_dtype)
        used = core.frozen_fill_blocks(gen, SEED, PROCESS, TASK, 100, 5000, 1024, method, out,
                                       *params)
        assert used.dtype == np.int64 and used.shape == (3,)
        for j in range(3):
            piece = np.empty(min(1024, 2500 - j * 1024), out_dtype)
            end = core.frozen_fill(gen, SEED, PROCESS, TASK, 100 + j * 5000, method, piece,
                                   *params)
            np.testing.assert_array_equal(out[j * 1024:j * 1024 + piece.size], piece)
            assert used[j] == end - (100 + j * 5000)
    with pytest.raises(TypeError, match="scalars"):
        core.frozen_fill_blocks("philox4x32_10", 1, 0, 0, 0, 16, 4, "normal", np.empty(8),
                                np.zeros(8), 1.0)
    with pytest.raises(IndexError):
        core.frozen_fill_blocks("philox4x32_10", 1, 0, 0, 0, 2**33, 4, "normal", np.empty(9),
                                0.0, 1.0)
