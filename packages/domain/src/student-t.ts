/*
 * Quantiles of Student's t distribution and of the standard normal (its limit as df → ∞), for the
 * confidence intervals of outcomes (outcomes.ts). Computed rather than tabled, because Welch's degrees of
 * freedom are fractional: the t distribution's tail is the regularized incomplete beta function
 * (a continued fraction), inverted by Newton's method within a bracket. Accurate to about 1e-12 for any real df > 0.
 */

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
/** Continued fractions stop when a step changes the value by less than this, relatively. */
const CONVERGED = 1e-15;
const MAX_STEPS = 10_000;
/** Stands in for a zero denominator in Lentz's method. */
const TINY = 1e-300;

/** ln Γ(x) for x > 0: Stirling's series once x ≥ 15, reached from below through Γ(x + 1) = x Γ(x). */
function logGamma(x: number): number {
  let shift = 0;
  let y = x;
  while (y < 15) {
    shift += Math.log(y);
    y += 1;
  }
  const inverse = 1 / y;
  const inverse2 = inverse * inverse;
  // 1/(12y) − 1/(360y³) + 1/(1260y⁵) − 1/(1680y⁷); the next term is below 1e-13 at y = 15.
  const series = inverse * (1 / 12 - inverse2 * (1 / 360 - inverse2 * (1 / 1260 - inverse2 / 1680)));
  return (y - 0.5) * Math.log(y) - y + LOG_SQRT_2PI + series - shift;
}

/**
 * The continued fraction of the incomplete beta function, 1 / (1 + d₁ / (1 + d₂ / (1 + …))) with
 * d₂ₘ₊₁ = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)) and d₂ₘ = m(b − m)x / ((a + 2m − 1)(a + 2m)),
 * evaluated forwards by Lentz's method. It converges quickly for x < (a + 1) / (a + b + 2).
 */
function betaFraction(x: number, a: number, b: number): number {
  const guard = (value: number) => (Math.abs(value) < TINY ? TINY : value);
  let c = 1;
  let d = 1 / guard(1 - ((a + b) * x) / (a + 1));
  let fraction = d;
  for (let m = 1; m <= MAX_STEPS; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    fraction *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    const step = d * c;
    fraction *= step;
    if (Math.abs(step - 1) < CONVERGED) break;
  }
  return fraction;
}

/** The regularized incomplete beta function I_x(a, b), given x and 1 − x (each exact, for precision). */
function regularizedBeta(x: number, oneMinusX: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (oneMinusX <= 0) return 1;
  const logFront = a * Math.log(x) + b * Math.log(oneMinusX) - (logGamma(a) + logGamma(b) - logGamma(a + b));
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaFraction(oneMinusX, b, a)) / b;
}

/** P(T > t) for t ≥ 0 under Student's t with `df` degrees of freedom: ½ I_{df/(df+t²)}(df/2, ½). */
function tUpperTail(t: number, df: number): number {
  const square = t * t;
  return 0.5 * regularizedBeta(df / (df + square), square / (df + square), df / 2, 0.5);
}

/** P(0 < T < t) for t ≥ 0: ½ I_{t²/(df+t²)}(½, df/2), exact where the upper tail is near ½. */
function tCentre(t: number, df: number): number {
  const square = t * t;
  return 0.5 * regularizedBeta(square / (df + square), df / (df + square), 0.5, df / 2);
}

const normalDensity = (z: number) => Math.exp(-0.5 * z * z - LOG_SQRT_2PI);

/** P(0 < Z < z) for 0 ≤ z < 3 under the standard normal: φ(z)(z + z³/3 + z⁵/(3·5) + …). */
function normalCentreSeries(z: number): number {
  let term = z;
  let sum = z;
  for (let k = 1; Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
    term *= (z * z) / (2 * k + 1);
    sum += term;
  }
  return normalDensity(z) * sum;
}

/** P(Z > z) for z ≥ 0: ½ minus the centre below 3; beyond, φ(z) / (z + 1/(z + 2/(z + 3/(z + …)))). */
function normalUpperTail(z: number): number {
  if (z < 3) return 0.5 - normalCentreSeries(z);
  let fraction = z;
  for (let k = 200; k >= 1; k--) fraction = z + k / fraction;
  return normalDensity(z) / fraction;
}

/** P(0 < Z < z) for z ≥ 0. */
function normalCentre(z: number): number {
  return z < 3 ? normalCentreSeries(z) : 0.5 - normalUpperTail(z);
}

/** A distribution symmetric about 0, by what its quantile needs, each for x ≥ 0. */
interface Symmetric {
  /** P(0 < X < x). */
  centre: (x: number) => number;
  /** P(X > x). */
  upperTail: (x: number) => number;
  density: (x: number) => number;
}

/**
 * The x > 0 where a distribution reaches p (½ < p < 1), from the side that keeps precision: the centre
 * P(0 < X < x) = p − ½ up to p = ¾, the upper tail P(X > x) = 1 − p beyond. The root is bracketed (the
 * upper end doubles until it passes), then found by Newton's steps, a step leaving the bracket replaced by
 * halving it: a handful of steps where bisection alone takes sixty.
 */
function solveQuantile(p: number, distribution: Symmetric): number {
  // Rises through 0 at the root, with the density as its slope.
  const gap =
    p <= 0.75
      ? (x: number) => distribution.centre(x) - (p - 0.5)
      : (x: number) => 1 - p - distribution.upperTail(x);
  let low = 0;
  let high = 1;
  while (gap(high) < 0) {
    low = high;
    high *= 2;
  }
  let x = (low + high) / 2;
  for (let step = 0; step < 200; step++) {
    const value = gap(x);
    if (value === 0) return x;
    if (value < 0) low = x;
    else high = x;
    let next = x - value / distribution.density(x);
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - x) <= 2 * Number.EPSILON * next || next === low || next === high) return next;
    x = next;
  }
  return x;
}

function checkProbability(p: number): void {
  if (!(p > 0 && p < 1))
    throw new RangeError(`a quantile needs a probability strictly between 0 and 1, not ${p}`);
}

/** The standard normal's p-quantile: normalQuantile(0.975) ≈ 1.95996. */
export function normalQuantile(p: number): number {
  checkProbability(p);
  if (p === 0.5) return 0;
  if (p < 0.5) return -normalQuantile(1 - p);
  return solveQuantile(p, { centre: normalCentre, upperTail: normalUpperTail, density: normalDensity });
}

/**
 * From this many degrees of freedom on, the t quantile is the normal's corrected by the Cornish–Fisher
 * expansion in 1/df (exact to rounding there); the incomplete beta loses digits to cancellation at such df.
 */
const EXPANSION_FROM_DF = 10_000;

/**
 * Student's t distribution's p-quantile with `df` degrees of freedom, any real df > 0 (Infinity is the
 * normal): tQuantile(0.975, 1) ≈ 12.706, tQuantile(0.975, 4) ≈ 2.776, tQuantile(0.975, 30) ≈ 2.042.
 */
export function tQuantile(p: number, df: number): number {
  checkProbability(p);
  if (!(df > 0)) throw new RangeError(`the t distribution needs degrees of freedom above 0, not ${df}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  if (df >= EXPANSION_FROM_DF) {
    const z = normalQuantile(p);
    const z2 = z * z;
    const g1 = (z * (z2 + 1)) / 4;
    const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
    const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
    return z + (g1 + (g2 + g3 / df) / df) / df;
  }
  // The density: Γ((df + 1)/2) / (√(df π) Γ(df/2)) × (1 + t²/df)^(−(df + 1)/2).
  const logScale = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return solveQuantile(p, {
    centre: (t) => tCentre(t, df),
    upperTail: (t) => tUpperTail(t, df),
    density: (t) => Math.exp(logScale - ((df + 1) / 2) * Math.log1p((t * t) / df)),
  });
}
