/**
 * Renders a document from a JSON data file, for tests and for admins checking
 * layouts against real stock:
 *   npm run documents -- render <kind> --data <file.json> --out <file.pdf>
 *       [--calibration x,y] [--layout layout.json] [--font path[#PostScriptName]] [--fallback-fonts a.ttf,b.ttf]
 *   npm run documents -- kinds
 * Exit codes: 0 rendered (warnings go to stderr), 1 the document was refused, 2 usage.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DOCUMENT_KINDS, DocumentError, type RenderResult } from '../documents/index';
import { openDocumentEngine } from '../documents/node';

const USAGE = `usage:
  npm run documents -- render <kind> --data <file.json> --out <file.pdf> [--calibration x,y]
                      [--layout layout.json] [--font path[#PostScriptName]] [--fallback-fonts a.ttf,b.ttf]
  npm run documents -- kinds
kinds: ${DOCUMENT_KINDS.map((kind) => kind.name).join(', ')}`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        calibration: { type: 'string' },
        layout: { type: 'string' },
        font: { type: 'string' },
        'fallback-fonts': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error((error as Error).message);
    return usage(2);
  }
  const { positionals, values } = parsed;
  const [command, kindArg] = positionals;
  if (values.help || !command) return usage(values.help ? 0 : 2);
  if (command === 'kinds') {
    for (const kind of DOCUMENT_KINDS) console.log(`${kind.name}\t${kind.title}`);
    return 0;
  }
  if (command !== 'render' || !kindArg || !values.data || !values.out) return usage(2);

  const calibration = values.calibration ? parseCalibration(values.calibration) : undefined;
  if (calibration === null) {
    console.error(`--calibration expects "x,y" in millimetres, e.g. 1.5,-0.8 (got "${values.calibration}")`);
    return 2;
  }
  const dataPath = resolve(values.data);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(dataPath, 'utf8'));
  } catch (error) {
    console.error(`cannot read ${dataPath}: ${(error as Error).message}`);
    return 2;
  }
  let kind = kindArg;
  try {
    // A data file naming a template PDF gets the template-filling kind; the path is relative to the data file.
    if ((kind === 'application-form' || kind === 'application-form-template') && isRecord(data) && typeof data.template === 'string') {
      data = { ...data, template: new Uint8Array(await readFile(resolve(dirname(dataPath), data.template))) };
      kind = 'application-form-template';
    }
    const layout = values.layout ? JSON.parse(await readFile(resolve(values.layout), 'utf8')) : undefined;
    const fonts = {
      ...(values.font ? { primary: values.font } : {}),
      ...(values['fallback-fonts'] !== undefined ? { fallbacks: values['fallback-fonts'].split(',').filter(Boolean) } : {}),
    };
    const engine = await openDocumentEngine(fonts, layout);
    const result = await engine.render(kind, data, calibration ? { calibration } : {});
    await writeFile(values.out, result.pdf);
    report(result, values.out);
    return 0;
  } catch (error) {
    if (error instanceof DocumentError) {
      console.error(`refused: ${error.code}: ${error.message}`);
      for (const [key, value] of Object.entries(error.params)) console.error(`  ${key}: ${value}`);
      return 1;
    }
    console.error(`failed: ${(error as Error).message}`);
    return 1;
  }
}

function report(result: RenderResult, out: string): void {
  console.log(`wrote ${out}: ${result.title}, ${result.pageCount} page(s), ${result.pdf.length} bytes`);
  for (const warning of result.warnings) console.error(`warning: ${warning.code}: ${warning.detail}`);
}

function parseCalibration(text: string): { x: number; y: number } | null {
  const parts = text.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 2 || parts.some((part) => !Number.isFinite(part))) return null;
  return { x: parts[0] as number, y: parts[1] as number };
}

/** `--calibration -1.5,2` would read as an unknown option; treat it as `--calibration=-1.5,2`. */
function joinNegativeValues(argv: string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    const next = argv[index + 1];
    if (arg === '--calibration' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else joined.push(arg);
  }
  return joined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function usage(code: number): number {
  (code === 0 ? console.log : console.error)(USAGE);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
