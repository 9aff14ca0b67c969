"""Every numpy.random.Generator method runs on a cbrng.Stream, and the table below
covers every public method numpy has (a new one fails the coverage check)."""
import threading

import numpy as np
import pytest

import cbrng

CALLS = {
    "beta": lambda g: g.beta(2.0, 3.0, size=100),
    "binomial": lambda g: g.binomial(10, 0.3, size=100),
    "bytes": lambda g: g.bytes(33),
    "chisquare": lambda g: g.chisquare(3.0, size=100),
    "choice": lambda g: (g.choice(10, size=5), g.choice([1, 2, 3], 2, replace=False),
                         g.choice(5, 3, p=[0.1, 0.2, 0.3, 0.2, 0.2])),
    "dirichlet": lambda g: g.dirichlet([1.0, 2.0, 3.0], size=10),
    "exponential": lambda g: g.exponential(2.0, size=100),
    "f": lambda g: g.f(3.0, 4.0, size=100),
    "gamma": lambda g: g.gamma(2.0, 1.5, size=100),
    "geometric": lambda g: g.geometric(0.3, size=100),
    "gumbel": lambda g: g.gumbel(size=100),
    "hypergeometric": lambda g: g.hypergeometric(10, 5, 7, size=100),
    "integers": lambda g: (g.integers(0, 10, size=100), g.integers(-5, 5, size=10, dtype=np.int8),
                           g.integers(0, 2**40, size=10, dtype=np.uint64), g.integers(5),
                           g.integers(0, 2, size=10, dtype=bool)),
    "laplace": lambda g: g.laplace(size=100),
    "logistic": lambda g: g.logistic(size=100),
    "lognormal": lambda g: g.lognormal(size=100),
    "logseries": lambda g: g.logseries(0.5, size=100),
    "multinomial": lambda g: g.multinomial(20, [0.2, 0.3, 0.5], size=10),
    "multivariate_hypergeometric": lambda g: g.multivariate_hypergeometric([5, 10, 15], 6, size=10),
    "multivariate_normal": lambda g: g.multivariate_normal([0.0, 1.0], [[1.0, 0.5], [0.5, 2.0]],
                                                           size=10),
    "negative_binomial": lambda g: g.negative_binomial(5, 0.5, size=100),
    "noncentral_chisquare": lambda g: g.noncentral_chisquare(3.0, 1.0, size=100),
    "noncentral_f": lambda g: g.noncentral_f(3.0, 4.0, 1.0, size=100),
    "normal": lambda g: g.normal(1.0, 2.0, size=100),
    "pareto": lambda g: g.pareto(3.0, size=100),
    "permutation": lambda g: (g.permutation(10), g.permutation(np.arange(12).reshape(3, 4))),
    "permuted": lambda g: g.permuted(np.arange(12).reshape(3, 4), axis=1),
    "poisson": lambda g: g.poisson(4.0, size=100),
    "power": lambda g: g.power(3.0, size=100),
    "random": lambda g: (g.random(100), g.random(10, dtype=np.float32),
                         g.random(out=np.empty(1000))),
    "rayleigh": lambda g: g.rayleigh(size=100),
    "shuffle": lambda g: g.shuffle(np.arange(20)),
    "standard_cauchy": lambda g: g.standard_cauchy(size=100),
    "standard_exponential": lambda g: (g.standard_exponential(100),
                                       g.standard_exponential(100, method="inv"),
                                       g.standard_exponential(10, dtype=np.float32)),
    "standard_gamma": lambda g: (g.standard_gamma(2.0, size=100),
                                 g.standard_gamma(0.5, size=10, dtype=np.float32)),
    "standard_normal": lambda g: (g.standard_normal(100), g.standard_normal(10, dtype=np.float32),
                                  g.standard_normal(out=np.empty(1000))),
    "standard_t": lambda g: g.standard_t(5.0, size=100),
    "triangular": lambda g: g.triangular(0.0, 1.0, 3.0, size=100),
    "uniform": lambda g: g.uniform(-1.0, 1.0, size=100),
    "vonmises": lambda g: g.vonmises(0.0, 1.0, size=100),
    "wald": lambda g: g.wald(1.0, 2.0, size=100),
    "weibull": lambda g: g.weibull(2.0, size=100),
    "zipf": lambda g: g.zipf(2.0, size=100),
}


def public_methods():
    return sorted(m for m in dir(np.random.Generator)
                  if not m.startswith("_") and callable(getattr(np.random.Generator, m)))


def test_table_covers_every_generator_method():
    assert set(public_methods()) - set(CALLS) == set()


@pytest.mark.parametrize("name", cbrng.generators)
@pytest.mark.parametrize("method", sorted(CALLS))
def test_method_runs(name, method):
    g = cbrng.generator(11, 0, 5) if name == "philox4x32_10" else \
        np.random.Generator(cbrng.Stream(11, 0, 5, name))
    before = g.bit_generator.position
    CALLS[method](g)
    assert g.bit_generator.position > before  # the draws came from the stream
    # reproducible: a second stream with the same id replays the same call
    a = CALLS[method](np.random.Generator(cbrng.Stream(11, 0, 5, name)))
    b = CALLS[method](np.random.Generator(cbrng.Stream(11, 0, 5, name)))
    assert repr(a) == repr(b)


def test_threads_share_one_stream_under_its_lock():
    """Threads drawing from one Generator (numpy's nogil fill loops hold the stream's
    lock) consume disjoint words: together exactly the single-thread total."""
    g = cbrng.generator(99)
    sums = []

    def work():
        sums.append(g.random(200_000).size)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert g.bit_generator.position == 4 * 200_000 * 2
