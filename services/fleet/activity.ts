/**
 * Is the terminal idle enough to switch to a new version? Not while a case
 * is open on screen (the renderer reports it), a print job is under way (a
 * certificate half printed is a spoiled booklet), or a video session runs.
 * A renderer that stops reporting (reloaded, crashed) is not trusted to be
 * idle until it reports again.
 */
import type { PrintJobRecord } from '../../domain/printing';
import { TERMINAL_JOB_STATES } from '../../domain/printing';

export type IdleState = { idle: true } | { idle: false; reason: 'case-open' | 'printing' | 'video-session' | 'busy' };

export class TerminalActivity {
  #caseOpen = false;
  #videoSession = false;
  #reported = false;
  readonly #activeJobs = new Set<string>();

  report(activity: { caseOpen: boolean; videoSession?: boolean }): IdleState {
    this.#reported = true;
    this.#caseOpen = activity.caseOpen;
    this.#videoSession = activity.videoSession ?? false;
    return this.idle();
  }

  /** Fed with every print job change. */
  jobChanged(job: Pick<PrintJobRecord, 'id' | 'state'>): void {
    if (TERMINAL_JOB_STATES.has(job.state)) this.#activeJobs.delete(job.id);
    else this.#activeJobs.add(job.id);
  }

  /** The screen went away (renderer reloaded or disconnected): busy until it says otherwise. */
  screenLost(): void {
    this.#reported = false;
  }

  idle(): IdleState {
    if (!this.#reported) return { idle: false, reason: 'busy' };
    if (this.#caseOpen) return { idle: false, reason: 'case-open' };
    if (this.#activeJobs.size > 0) return { idle: false, reason: 'printing' };
    if (this.#videoSession) return { idle: false, reason: 'video-session' };
    return { idle: true };
  }
}
