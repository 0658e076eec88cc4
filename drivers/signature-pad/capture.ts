/**
 * Turns pad samples into the domain's point series: coordinates normalised by
 * the pad's capability (0..1), pressure 0..1 (0 = pen up), time in ms since
 * the first sample. Pure.
 *
 * Hover samples are dropped except one pen-up point where a stroke ends, so
 * strokes stay separable without storing the whole hover trail. Time comes
 * from the pad's own 1 ms counter when it sends timed reports (unwrapped at
 * 0xffff), else from the host's receive time; gaps in the sequence numbers
 * count as dropped reports.
 */
import type { SignaturePoint } from '../../domain/signature';
import type { Capability, PenSample } from './codec';

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

export class CaptureAssembler {
  private readonly points: SignaturePoint[] = [];
  private firstReceivedAt: number | undefined;
  private lastTimeCount: number | undefined;
  private padTime = 0;
  private lastSequence: number | undefined;
  private penDown = false;
  dropped = 0;
  samples = 0;

  constructor(private readonly capability: Pick<Capability, 'maxX' | 'maxY' | 'maxPressure'>) {}

  /** Adds a sample; returns the point it produced, if any (for live display). */
  push(sample: PenSample, receivedAtMs: number): SignaturePoint | undefined {
    this.samples += 1;
    const t = this.timeOf(sample, receivedAtMs);
    if (sample.sequence !== undefined) {
      if (this.lastSequence !== undefined) {
        const gap = (sample.sequence - this.lastSequence) & 0xffff;
        if (gap > 1) this.dropped += gap - 1;
      }
      this.lastSequence = sample.sequence;
    }
    const touching = sample.inRange && sample.switch !== 0 && sample.pressure > 0;
    if (!touching && !this.penDown) return undefined;
    const point: SignaturePoint = {
      x: clamp01(sample.x / this.capability.maxX),
      y: clamp01(sample.y / this.capability.maxY),
      pressure: touching ? clamp01(sample.pressure / this.capability.maxPressure) : 0,
      t,
    };
    this.penDown = touching;
    this.points.push(point);
    return point;
  }

  private timeOf(sample: PenSample, receivedAtMs: number): number {
    if (this.firstReceivedAt === undefined) this.firstReceivedAt = receivedAtMs;
    if (sample.timeCount === undefined) return Math.max(0, receivedAtMs - this.firstReceivedAt);
    if (this.lastTimeCount !== undefined) this.padTime += (sample.timeCount - this.lastTimeCount) & 0xffff;
    this.lastTimeCount = sample.timeCount;
    return this.padTime;
  }

  result(): SignaturePoint[] {
    return [...this.points];
  }
}
