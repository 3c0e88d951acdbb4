"""Reference quantiles of Student's t distribution for internal/dist's TQuantile tests.

Run from internal/dist as

    python3 testdata/tquantile_ref.py [cache] > tquantile_ref_test.go

with mpmath (1.3.0 was used). For every (p, df) pair below it prints the p quantile of
Student's t with df degrees of freedom, for p and df the exact binary values of the float64
literals, rounded to 25 significant digits, or +-Inf where the quantile is beyond the largest
float64. An optional cache file holds lines "p df t" already computed by this script; it
takes about half an hour on one core without one.

Method. For t > 0, with f the density,

    P(T > t)     = integral over z in (0, inf) of t e^z f(t e^z) dz
    P(0 < T < t) = integral over w in (0, asinh(t/sqrt(df))) of cosh(w)^-df dw / B(df/2, 1/2)
                                                                       (df < 1e-3)
                 = integral over w in (0, 1) of t f(t w) dw            (t <= min(sqrt(df), 3))
                 = 1/2 - P(T > t)                                      (otherwise)

are evaluated by mpmath's tanh-sinh quadrature (mpmath.quad) at 45 significant digits (the
difference 1/2 - P at up to 40 + log10(1/(1/2 - P)) more), the integrands scaled to order 1
so that the quadrature's error estimate, which is checked, is relative. The density is
exp(lnG((df+1)/2) - lnG(df/2) - ln(df pi)/2 - (df+1)/2 ln(1 + t^2/df)). The quantile solves
ln P = ln P* in s = ln t: bisection-safeguarded Newton steps at 20 digits, then Newton
steps at 45 digits until the step is below 1e-37. The smaller tail is used for p < 1/4
and p > 3/4, the central probability otherwise.
"""
import random, sys

import mpmath as mp

def tail(t, nu):
    # integral over z in (0, inf) of t e^z f(t e^z), f the density, scaled by its value at
    # z = 0 so the quadrature's absolute tolerance is a relative one, with breakpoints at
    # multiples of the integrand's decay length 1/lam, lam = (nu+1) y - 1, y = t^2/(nu+t^2).
    c = mp.loggamma((nu+1)/2) - mp.loggamma(nu/2) - mp.log(nu*mp.pi)/2
    def lg(z):
        u = t*mp.exp(z)
        return c - (nu+1)/2*mp.log1p(u*u/nu) + mp.log(u)
    l0 = lg(0)
    y = t*t/(nu+t*t)
    lam = (nu+1)*y - 1
    s = 1/max(lam, mp.mpf(1)/100)
    v, err = mp.quad(lambda z: mp.exp(lg(z) - l0), [0, s/10, s, 10*s, 100*s, 1000*s, mp.inf], error=True)
    if not err < v*mp.mpf(10)**(-(mp.mp.dps-8)):
        raise RuntimeError("quadrature error %s for t=%s nu=%s" % (err/v, t, nu))
    return v*mp.exp(l0)

def central(t, nu):
    # P(0 < T < t): for nu < 1e-3 the integral of cosh(w)^-nu over [0, asinh(t/sqrt(nu))]
    # divided by B(nu/2, 1/2) (u = sqrt(nu) sinh w in the density); for t <= min(sqrt(nu), 3)
    # the integral of the density over [0, t] (scaled by f(0)); otherwise 1/2 - P(T > t),
    # with the working precision raised so the difference keeps its digits.
    half = mp.mpf(1)/2
    if nu < mp.mpf('1e-3'):
        W = mp.asinh(t/mp.sqrt(nu))
        v, err = mp.quad(lambda w: mp.exp(-nu*mp.log(mp.cosh(w))), [0, min(W, 1), W], error=True)
        if not err < v*mp.mpf(10)**(-(mp.mp.dps-8)):
            raise RuntimeError("quadrature error %s for t=%s nu=%s" % (err/v, t, nu))
        return v/mp.beta(nu/2, half)
    if t <= min(mp.sqrt(nu), 3):
        c = mp.loggamma((nu+1)/2) - mp.loggamma(nu/2) - mp.log(nu*mp.pi)/2
        v, err = mp.quad(lambda w: mp.exp(-(nu+1)/2*mp.log1p((t*w)**2/nu)), [0, 1], error=True)
        v, err = v*t, err*t
        if not err < v*mp.mpf(10)**(-(mp.mp.dps-8)):
            raise RuntimeError("quadrature error %s for t=%s nu=%s" % (err/v, t, nu))
        return v*mp.exp(c)
    with mp.extradps(40):
        P = tail(t, nu)
        c = half - P
        extra = max(0, int(-mp.log10(c))) if c > 0 else 60
    if extra > 0:
        with mp.extradps(40 + extra):
            c = half - tail(t, nu)
    return +c

def logdens(t, nu):
    return mp.loggamma((nu+1)/2) - mp.loggamma(nu/2) - mp.log(nu*mp.pi)/2 - (nu+1)/2*mp.log1p(t*t/nu)

def qt(p, nu, dps=45):
    """The p quantile of Student's t with nu degrees of freedom, p and nu exact binary floats:
    a bracketed Newton iteration on log t at 20 digits, then Newton steps at dps digits."""
    half = mp.mpf(1)/2
    def G(s, q, c, usec):                   # increasing in s = log t; returns G and dG/ds
        t = mp.exp(s)
        if usec:
            P = central(t, nu)
            return mp.log(P) - mp.log(c), t*mp.exp(logdens(t, nu))/P
        P = tail(t, nu)
        return mp.log(q) - mp.log(P), t*mp.exp(logdens(t, nu))/P
    with mp.workdps(20):
        p = mp.mpf(p); nu = mp.mpf(nu)
        if p == half:
            return mp.mpf(0)
    with mp.workdps(dps + 30):
        q = 1 - p if p > half else p          # the smaller tail, exact
        c = half - q
    usec = q > mp.mpf(1)/4
    with mp.workdps(20):
        lo, hi = mp.mpf(-1), mp.mpf(1)
        while G(lo, q, c, usec)[0] > 0: lo *= 2
        while G(hi, q, c, usec)[0] < 0: hi *= 2
        s = (lo+hi)/2
        for _ in range(200):
            g, dg = G(s, q, c, usec)
            if g > 0: hi = s
            else: lo = s
            ns = s - g/dg
            if not (lo < ns < hi):
                ns = (lo+hi)/2
            done = abs(ns - s) < mp.mpf(10)**(-12) * max(1, abs(s))
            s = ns
            if done:
                break
        else:
            raise RuntimeError("no convergence")
    with mp.workdps(dps):
        for _ in range(10):
            g, dg = G(s, q, c, usec)
            ds = g/dg
            s -= ds
            if abs(ds) < mp.mpf(10)**(-(dps-8)) * max(1, abs(s)):
                break
        else:
            raise RuntimeError("no convergence at full precision")
        t = mp.exp(s)
        return -t if p < half else t


# The largest float64 and half an ulp: anything at or beyond rounds to infinity.
OVERFLOW = mp.mpf(2)**1024 - mp.mpf(2)**970

DFS = ['0.001', '0.01', '0.1', '0.25', '0.5', '0.75', '1', '1.5', '2', '2.5', '3', '3.5', '4',
       '4.5', '5', '6', '7', '8', '9', '10', '12.34', '15', '20', '25', '30', '40', '50', '75',
       '100', '200', '500', '1000', '10000', '100000', '1000000', '1e8', '1e10', '1e15']
PS = ['5e-324', '2.5e-310', '1e-300', '1e-200', '1e-100', '1e-50', '1e-30', '1e-20', '1e-15',
      '1e-10', '1e-7', '1e-5', '0.001', '0.01', '0.025', '0.05', '0.1', '0.2', '0.25', '0.3',
      '0.4', '0.45', '0.49', '0.4999', '0.4999999', '0.49999999999999994',
      '0.5000000000000001', '0.6', '0.75', '0.9', '0.975', '0.99', '0.999', '0.9999999999',
      '0.9999999999999999']
# Around the switch between the central series and the continued fraction (t = 2 to 3).
SWITCH_PS = ['0.0015', '0.002', '0.003', '0.005', '0.007', '0.015', '0.04']
SWITCH_DFS = ['9.5', '12', '20', '50', '200', '1000', '100000']
# Around the switch to the Cornish-Fisher expansion (df >= 1000).
CF_PS = ['5e-324', '1e-300', '1e-100', '1e-20', '1e-8', '1e-4', '0.01', '0.1', '0.4']
CF_DFS = ['500', '1000', '2000', '5000', '10000', '20000', '50000', '100000', '1000000',
          '10000000']


# Next to the median with very few degrees of freedom.
TINY_PS = ['0.49999999999999994', '0.4999999999', '0.4999999', '0.49']
TINY_DFS = ['1e-19', '1e-15', '1e-10', '1e-5']


def pairs():
    out = [(p, df) for df in DFS for p in PS]
    out += [(p, df) for p in SWITCH_PS for df in SWITCH_DFS]
    out += [(p, df) for p in CF_PS for df in CF_DFS]
    out += [(p, df) for p in TINY_PS for df in TINY_DFS]
    rng = random.Random(20240605)
    for _ in range(300):
        p = 10 ** rng.uniform(-323, -0.302)
        if rng.random() < 0.4 and p >= 2**-53:  # 1 - p stays below 1
            p = 1 - p
        if rng.random() < 0.3:
            df = float(round(10 ** rng.uniform(0, 3)))
        else:
            df = 10 ** rng.uniform(-1.3, 7)
        out.append((repr(p), repr(df)))
    for _ in range(150):  # uniform p: the everyday range, at non-integer df
        p = rng.uniform(0.0005, 0.9995)
        df = 10 ** rng.uniform(-1, 5)
        out.append((repr(p), repr(df)))
    return out


def main():
    mp.mp.dps = 45
    cache = {}
    if len(sys.argv) > 1:
        for line in open(sys.argv[1]):
            f = line.split()
            if len(f) == 3:
                cache[(f[0], f[1])] = f[2]
    print('// Code generated by testdata/tquantile_ref.py with mpmath %s; DO NOT EDIT.' % mp.__version__)
    print()
    print('package dist')
    print()
    print('import "math"')
    print()
    print('// tQuantileRef holds 25-digit Student t quantiles from 45-digit quadratures in mpmath;')
    print('// testdata/tquantile_ref.py gives the method. Infinite values are quantiles beyond the')
    print('// largest float64.')
    print('var tQuantileRef = []struct{ p, df, t float64 }{')
    for p, df in pairs():
        s = cache.get((p, df))
        if s is None:
            t = qt(float(p), float(df))
            if abs(t) >= OVERFLOW:
                s = '+Inf' if t > 0 else '-Inf'
            else:
                s = mp.nstr(t, 25, min_fixed=-1, max_fixed=-1)
            print(p, df, s, file=sys.stderr, flush=True)
        if s in ('+Inf', '-Inf'):
            s = 'math.Inf(%d)' % (1 if s == '+Inf' else -1)
        print('\t{%s, %s, %s},' % (p, df, s))
    print('}')


if __name__ == '__main__':
    main()
