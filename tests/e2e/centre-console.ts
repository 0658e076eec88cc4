/** The centre console page of the reference backend, opened in the same Chromium as the kiosk (its flags: fake camera, loopback WebRTC). */
import type { Page } from '@playwright/test';

export async function openCentreConsole(app: Page, backendUrl: string): Promise<Page> {
  const browser = app.context().browser();
  if (!browser) throw new Error('the centre console needs the web host transport (a Chromium browser)');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stdout.write(`[console] ${error.message}\n`));
  await page.goto(`${backendUrl}/centre/console`);
  return page;
}

/** A video element shows a live track: frames with a size are arriving. */
export function showsLiveVideo(page: Page, testId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const video = (document.querySelector(`[data-testid="${id}"]`) ?? document.getElementById(id)) as HTMLVideoElement | null;
    const stream = video?.srcObject as MediaStream | null;
    return Boolean(video && video.readyState >= 2 && video.videoWidth > 0 && stream?.getVideoTracks().some((track) => track.readyState === 'live'));
  }, testId);
}
