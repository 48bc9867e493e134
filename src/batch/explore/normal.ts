/**
 * The standard normal distribution: a cumulative distribution function accurate to about 1e-7
 * (the complementary error function's Chebyshev fit, Press et al., Numerical Recipes, §6.2) and
 * draws by the Box–Muller transform.
 */
import type { Uniform } from './random.ts';

function erfc(z: number): number {
  const x = Math.abs(z);
  const t = 1 / (1 + 0.5 * x);
  const r =
    t *
    Math.exp(
      -x * x - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? r : 2 - r;
}

/** P(Z ≤ x) for a standard normal Z. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** One standard normal draw from two uniforms (Box–Muller, cosine branch). */
export function normalDraw(uniform: Uniform): number {
  const u1 = uniform();
  const u2 = uniform();
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}
