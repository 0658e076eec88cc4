/** What every fuzz script shares: numeric flags and a reproducible random source (print the seed, rerun with it). */

export function numericArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

/** mulberry32: small, fast, reproducible. */
export function seededRandom(seed: number): { random: () => number; int: (n: number) => number } {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { random, int: (n) => Math.floor(random() * n) };
}
