/**
 * The built web host as a child process, for `npm start` and the benchmark
 * scripts: it prints one JSON line `{"event":"ready","appUrl":…}` when it
 * serves, which is all a launcher needs to know.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Page } from '@playwright/test';
import { SAMPLE_OFFICERS } from '../../fixtures/backend/officers';
import type { IdCardReaderSimulator } from '../../fixtures/id-card-reader/simulator';

export interface WebHostProcess {
  child: ChildProcess;
  appUrl: string;
  stop(): Promise<void>;
}

export async function startWebHostProcess(env: NodeJS.ProcessEnv, entry = 'out/main/web-host.js'): Promise<WebHostProcess> {
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const appUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the web host exited (${code}) before it was ready`)));
    lines.on('line', (line) => {
      try {
        const message = JSON.parse(line) as { event?: string; appUrl?: string };
        if (message.event === 'ready' && message.appUrl) resolve(message.appUrl);
      } catch {
        // not a JSON line
      }
    });
  });
  return {
    child,
    appUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Takes the card away and waits until the driver has polled an empty reader enough times to call it gone. */
export async function removeCardAndWait(reader: IdCardReaderSimulator): Promise<void> {
  reader.removeCard();
  const since = reader.received.length;
  while (reader.received.length - since < 4) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Signs the reference backend's first sample officer in (a counter terminal starts on the sign-in screen). */
export async function signInSampleOfficer(page: Page): Promise<void> {
  const officer = SAMPLE_OFFICERS[0]!;
  await page.getByTestId('officer-account').fill(officer.account);
  await page.getByTestId('officer-password').fill(officer.password);
  await page.getByTestId('officer-submit').click();
  await page.getByTestId('officer-name').waitFor();
}
