/**
 * Release versions are plain MAJOR.MINOR.PATCH numbers: a release is
 * either newer or not, and anything else is malformed (no pre-release tags,
 * whose ordering rules would make "is this a downgrade?" a judgement call).
 */
const VERSION = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;

export function isReleaseVersion(value: string): boolean {
  return VERSION.test(value);
}

/** Negative when a < b, 0 when equal, positive when a > b. Throws on a malformed version. */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  for (let index = 0; index < 3; index += 1) {
    const diff = pa[index]! - pb[index]!;
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Versions such as "0.0.0-dev" (a development shell) compare by their numeric core. */
export function coreVersion(value: string): string {
  const match = /^(\d+\.\d+\.\d+)/.exec(value);
  return match ? match[1]! : '0.0.0';
}

function parse(value: string): [number, number, number] {
  const match = VERSION.exec(value);
  if (!match) throw new Error(`not a release version: ${value}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
