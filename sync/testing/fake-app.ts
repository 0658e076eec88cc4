/** A small built app, as electron-vite leaves it in out/: what release tests pack and stage. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeFakeApp(root: string, marker: string): void {
  for (const [path, text] of [
    ['main/electron.js', `// shell entry ${marker}`],
    ['main/services.js', `export const marker = ${JSON.stringify(marker)};`],
    ['preload/index.cjs', '// preload'],
    ['renderer/index.html', `<html>${marker}</html>`],
    ['renderer/assets/app.js', 'console.log(1)'.repeat(200)],
  ] as const) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

