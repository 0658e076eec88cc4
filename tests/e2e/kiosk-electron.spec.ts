/**
 * The extension terminal's Electron window has no way out: a full-screen
 * kiosk without a menu, whose close keys, window.open, navigation away and
 * close requests all leave it where it is. Runs through Playwright's Electron
 * launcher (project `electron`); without an Electron binary the harness skips
 * it and prints why. The rules themselves: main/electron/kiosk-window.test.ts.
 */
import { electronAppOf, expect, test } from './harness';

test.use({ profile: 'extension-terminal' });
// Checked before any fixture starts: the web host has no Electron window to look at.
test.skip(({ transport }) => transport !== 'electron', 'the Electron window is checked through the Electron launcher (project electron)');

test('the kiosk window is full screen without a menu, and neither keys, window.open, navigation nor close requests leave it', async ({ app }) => {
  const electron = electronAppOf(app)!;
  await expect(app.getByTestId('kiosk')).toBeVisible({ timeout: 30_000 });
  const shape = () =>
    electron.evaluate(({ BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      const window = windows[0]!;
      return { count: windows.length, kiosk: window.isKiosk(), fullScreen: window.isFullScreen(), menuBar: window.isMenuBarVisible(), destroyed: window.isDestroyed(), url: window.webContents.getURL() };
    });
  const initial = await shape();
  expect(initial).toMatchObject({ count: 1, kiosk: true, fullScreen: true, menuBar: false });

  for (const keys of ['Alt+F4', 'Control+w', 'Control+q', 'F11', 'Control+n']) await app.keyboard.press(keys);
  expect(await app.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  await app.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await electron.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());

  await expect.poll(shape).toMatchObject({ count: 1, kiosk: true, fullScreen: true, destroyed: false, url: initial.url });
  await expect(app.getByTestId('kiosk')).toBeVisible();
});
