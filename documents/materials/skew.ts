/**
 * Skew and paper of a scanned page, measured on a small grey copy of it
 * (pure functions over raw pixels, so they are unit-tested without images).
 *
 * Skew: the angle at which the page's horizontal edges (text line tops and
 * bottoms, ruled lines, the paper's own edges) line up best, i.e. the angle
 * whose projection profile of edge pixels has the most energy. A coarse
 * search over ±6° then a fine one around the best.
 */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

const EDGE_STEP = 48;
const MAX_SKEW_DEG = 6;

/** Edge pixels: where the pixel below differs by more than EDGE_STEP grey levels. */
function horizontalEdges(image: GreyImage): Int32Array {
  const { data, width, height } = image;
  // A typed array grown by doubling: a plain array of numbers costs more than the scan itself.
  let points = new Int32Array(4096);
  let count = 0;
  for (let y = 0; y < height - 1; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const here = data[row + x]!;
      const below = data[row + width + x]!;
      if (Math.abs(here - below) > EDGE_STEP) {
        if (count + 2 > points.length) {
          const grown = new Int32Array(points.length * 2);
          grown.set(points);
          points = grown;
        }
        points[count++] = x;
        points[count++] = y;
      }
    }
  }
  return points.subarray(0, count);
}

function profileEnergy(points: Int32Array, width: number, height: number, angleDeg: number): number {
  const slope = Math.tan((angleDeg * Math.PI) / 180);
  const offset = Math.ceil(Math.abs(slope) * width) + 1;
  const bins = new Float64Array(height + 2 * offset + 2);
  for (let i = 0; i < points.length; i += 2) {
    // Split each point between its two nearest bins: sub-pixel angles then score smoothly.
    const position = points[i + 1]! - points[i]! * slope + offset;
    const low = Math.floor(position);
    const fraction = position - low;
    bins[low]! += 1 - fraction;
    bins[low + 1]! += fraction;
  }
  let energy = 0;
  for (const count of bins) energy += count * count;
  return energy;
}

function bestAngle(points: Int32Array, image: GreyImage, from: number, to: number, step: number): number {
  let best = 0;
  let bestEnergy = -1;
  for (let angle = from; angle <= to + 1e-9; angle += step) {
    const energy = profileEnergy(points, image.width, image.height, angle);
    if (energy > bestEnergy) {
      bestEnergy = energy;
      best = angle;
    }
  }
  return best;
}

/** Every nth (x, y) pair of a point list. */
function everyNth(points: Int32Array, n: number): Int32Array {
  if (n === 1) return points;
  const kept = new Int32Array(2 * Math.ceil(points.length / 2 / n));
  for (let i = 0, j = 0; i < points.length; i += 2 * n, j += 2) {
    kept[j] = points[i]!;
    kept[j + 1] = points[i + 1]!;
  }
  return kept;
}

/**
 * The page's skew in degrees, positive when its lines run down to the right
 * (turned clockwise); 0 for a page with too few edges to tell (a blank).
 */
export function estimateSkew(image: GreyImage): number {
  const points = horizontalEdges(image);
  if (points.length / 2 < 50) return 0;
  // Three steps, each on a finer grid around the last best: the projection is the
  // whole cost (one pass over the edge points per angle), so the coarse search
  // runs on every fourth point (its peak is wide), the finer ones on all of them.
  const coarse = bestAngle(everyNth(points, points.length / 2 >= 4000 ? 4 : 1), image, -MAX_SKEW_DEG, MAX_SKEW_DEG, 0.25);
  const middle = bestAngle(points, image, coarse - 0.15, coarse + 0.15, 0.05);
  const fine = bestAngle(points, image, middle - 0.05, middle + 0.05, 0.025);
  return Math.round(fine * 1000) / 1000;
}

/** The grey level around the page: the median of a thin band along the image's border. */
export function borderLevel(image: GreyImage): number {
  const { data, width, height } = image;
  const band = Math.max(1, Math.round(Math.min(width, height) * 0.01));
  const histogram = new Uint32Array(256);
  let count = 0;
  const take = (x: number, y: number) => {
    histogram[data[y * width + x]!]!++;
    count++;
  };
  for (let y = 0; y < height; y++) {
    if (y < band || y >= height - band) {
      for (let x = 0; x < width; x++) take(x, y);
    } else {
      for (let k = 0; k < band; k++) {
        take(k, y);
        take(width - 1 - k, y);
      }
    }
  }
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += histogram[level]!;
    if (seen * 2 >= count) return level;
  }
  return 255;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Scanner backing darker than this is told apart from the paper (most feeders have a grey or black backing). */
const DARK_BACKING = 120;

/**
 * The paper on a dark backing: the rows and columns that are mostly bright.
 * Undefined when the border is as light as paper (a white flatbed lid): then
 * nothing tells paper from lid, and the page is kept whole.
 */
export function paperBox(image: GreyImage): Box | undefined {
  const backing = borderLevel(image);
  if (backing >= DARK_BACKING) return undefined;
  const { data, width, height } = image;
  const threshold = backing + 60;
  const rows = new Uint32Array(height);
  const cols = new Uint32Array(width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x]! > threshold) {
        rows[y]!++;
        cols[x]!++;
      }
    }
  }
  const span = (counts: Uint32Array): [number, number] | undefined => {
    let max = 0;
    for (const count of counts) max = Math.max(max, count);
    if (max === 0) return undefined;
    const enough = max * 0.5;
    let first = 0;
    while (counts[first]! < enough) first++;
    let last = counts.length - 1;
    while (counts[last]! < enough) last--;
    return [first, last];
  };
  const ys = span(rows);
  const xs = span(cols);
  if (!ys || !xs) return undefined;
  return { left: xs[0], top: ys[0], width: xs[1] - xs[0] + 1, height: ys[1] - ys[0] + 1 };
}

/**
 * Ink on the paper: the share of pixels clearly darker than the paper,
 * inside the box less a margin (shadows and torn edges are not content).
 */
export function inkShare(image: GreyImage, box: Box = { left: 0, top: 0, width: image.width, height: image.height }): number {
  const marginX = Math.round(box.width * 0.04);
  const marginY = Math.round(box.height * 0.04);
  const { data, width } = image;
  const histogram = new Uint32Array(256);
  for (let y = box.top + marginY; y < box.top + box.height - marginY; y++) {
    for (let x = box.left + marginX; x < box.left + box.width - marginX; x++) histogram[data[y * width + x]!]!++;
  }
  let total = 0;
  for (const count of histogram) total += count;
  if (total === 0) return 0;
  // The paper is the brightest big mass: the 90th percentile level.
  let seen = 0;
  let paper = 255;
  for (let level = 0; level < 256; level++) {
    seen += histogram[level]!;
    if (seen >= total * 0.9) {
      paper = level;
      break;
    }
  }
  let ink = 0;
  for (let level = 0; level < Math.max(0, paper - 70); level++) ink += histogram[level]!;
  return ink / total;
}

/** A page is blank below this share of ink (a full stop is about 0.001 % of an A4 page; a short signature 0.05 %). */
export const BLANK_INK_SHARE = 0.0005;
