/**
 * Terminal configuration: a JSON file (TERMINAL_CONFIG) overlaid by
 * environment variables, validated once at start-up so a typo stops the
 * terminal with a message naming the entry instead of failing later.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { TERMINAL_PROFILES } from '../../domain/terminal-profile';
import { CLOCK_TIME } from '../../domain/update-window';

const printerRole = z.enum(['a4', 'certificate']);

export const configSchema = z
  .object({
    dataDir: z.string().min(1),
    /** Which user this terminal serves; decides the screens it shows. */
    profile: z.enum(TERMINAL_PROFILES).default('reception-window'),
    /** Required by the services; `npm start` runs the reference backend and sets it. */
    backendUrl: z.url({ protocol: /^https?$/ }).optional(),
    /**
     * An administrator-provisioned data key (64 hex digits, readable by the terminal's user only), for
     * machines without a desktop keyring; otherwise the key is sealed with the OS credential store.
     */
    dataKeyFile: z.string().min(1).optional(),
    idCardReader: z
      .object({ path: z.string().min(1).optional(), baudRate: z.number().int().positive().optional() })
      .optional(),
    scannerGun: z
      .discriminatedUnion('mode', [
        z.object({
          mode: z.literal('serial'),
          path: z.string().min(1),
          baudRate: z.number().int().positive().optional(),
          suffix: z.enum(['cr', 'lf', 'crlf']).optional(),
          encoding: z.enum(['auto', 'utf-8', 'gbk']).optional(),
        }),
        z.object({
          mode: z.literal('hid-pos'),
          path: z.string().min(1).optional(),
          vendorId: z.number().int().optional(),
          productId: z.number().int().optional(),
          encoding: z.enum(['auto', 'utf-8', 'gbk']).optional(),
        }),
      ])
      .optional(),
    passportReader: z.object({ path: z.string().min(1), baudRate: z.number().int().positive().optional() }).optional(),
    /** A social security card reader over PC/SC; `reader`: part of its PC/SC name (absent: the reader holding a card). */
    socialSecurityCardReader: z.object({ reader: z.string().min(1).optional() }).strict().optional(),
    /** A document scanner by its SANE device name (`scanimage -L` lists them). */
    documentScanner: z.object({ device: z.string().min(1) }).optional(),
    /** A Wacom STU signature pad over USB HID (node-hid), or behind a local HID bridge. */
    signaturePad: z
      .object({
        /** A local HID bridge (Unix socket) instead of node-hid: how `npm start` and the tests give the terminal their simulated pad. */
        bridge: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /**
     * IPP printers by URI, or CUPS queues by name. `role` says what each is for: `a4` (receipts, declarations,
     * forms) or `certificate` (the booklets); the registry desk prints each paper on the printer of its role.
     */
    printers: z
      .array(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('ipp'), id: z.string().min(1), name: z.string().min(1), uri: z.url({ protocol: /^ipps?$/ }), role: printerRole.optional() }),
          z.object({ kind: z.literal('cups'), id: z.string().min(1), name: z.string().min(1), queue: z.string().min(1), role: printerRole.optional() }),
        ]),
      )
      .default([]),
    /** The marriage registry's administrative division code (certificate numbers carry it). */
    registryCode: z.string().regex(/^31\d{4}$/).default('310104'),
    /**
     * Officer sign-in. `requireSignIn` defaults to true, except on an extension terminal (unattended), which works
     * under the terminal's own identity.
     */
    officers: z
      .object({
        requireSignIn: z.boolean().optional(),
        offlineValidityHours: z.number().positive().max(720).default(72),
        idleLockMinutes: z.number().positive().max(120).default(10),
        maxFailures: z.number().int().min(1).max(20).default(5),
        lockoutMinutes: z.number().positive().max(1440).default(15),
      })
      .strict()
      .optional(),
    /**
     * The city evaluation page's origin (好差评 page mode), e.g. `https://pj.example.gov.cn`: the one origin the
     * renderer may frame, and the only one whose pages the terminal opens when the centre asks for an evaluation.
     * `https` in a packaged terminal (checked at start-up); without it the terminal's own page collects ratings.
     */
    cityEvaluationOrigin: z
      .string()
      .refine(isOrigin, { message: 'an origin (scheme://host[:port], no path), http or https' })
      .transform((value) => new URL(value).origin)
      .optional(),
    /**
     * Door-to-door (上门办) pad mode: the terminal travels with an officer. Its location goes with the self-check
     * and each case: the device's geolocation when it has one, else this address.
     */
    doorToDoor: z.object({ address: z.string().min(1).max(200).optional() }).strict().optional(),
    /**
     * Fleet updates: the release channel the terminal follows, and the hours (HH:MM, Beijing time; may cross midnight)
     * in which it may switch to a new version, idle as well. Pushable, like the rest, through the configuration feed.
     */
    updates: z
      .object({
        channel: z.enum(['stable', 'canary']).default('stable'),
        window: z
          .object({ from: z.string().regex(CLOCK_TIME, 'HH:MM (00:00–23:59)'), to: z.string().regex(CLOCK_TIME, 'HH:MM (00:00–23:59)') })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    /** Set by the launcher when the devices are simulators, so the UI can say so. */
    simulatedDevices: z.boolean().default(false),
    /**
     * How often the terminal asks the backend for what changed (cases, catalogue, pushed configuration), in seconds.
     * Read at start-up only, so it is the terminal's own setting, never pushed.
     */
    syncPullSeconds: z.number().int().min(1).max(3600).default(60),
  })
  .strict();

export type TerminalConfig = z.infer<typeof configSchema>;

/** `scheme://host[:port]` with nothing after it (a trailing slash is tolerated). */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && value.replace(/\/$/, '').toLowerCase() === url.origin;
  } catch {
    return false;
  }
}

/**
 * What the backend may push (configuration feed, entry terminal-config:…):
 * the same schema as the local file, minus what decides where the terminal
 * keeps its data and which backend (and city evaluation page) it trusts, which only the counter PC's
 * own file may set.
 */
export const LOCAL_ONLY_KEYS = ['dataDir', 'backendUrl', 'dataKeyFile', 'simulatedDevices', 'cityEvaluationOrigin', 'syncPullSeconds'] as const;

/**
 * A pushed configuration over the local one, checked with the local file's
 * schema. The merge happens before parsing, so defaults never overwrite a
 * local setting the push did not name.
 */
export function mergePushedConfig(local: TerminalConfig, pushed: unknown): { ok: true; config: TerminalConfig; changed: string[] } | { ok: false; detail: string } {
  if (typeof pushed !== 'object' || pushed === null || Array.isArray(pushed)) return { ok: false, detail: 'configuration is not a JSON object' };
  const forbidden = Object.keys(pushed).filter((key) => (LOCAL_ONLY_KEYS as readonly string[]).includes(key));
  if (forbidden.length > 0) return { ok: false, detail: `${forbidden.join(', ')}: set only by the terminal's own file` };
  const parsed = configSchema.safeParse({ ...local, ...pushed });
  if (!parsed.success) return { ok: false, detail: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
  const changed = Object.keys(parsed.data).filter((key) => JSON.stringify(parsed.data[key as keyof TerminalConfig]) !== JSON.stringify(local[key as keyof TerminalConfig]));
  return { ok: true, config: parsed.data, changed };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TerminalConfig {
  const fromFile = env.TERMINAL_CONFIG ? readJson(env.TERMINAL_CONFIG) : {};
  const merged: Record<string, unknown> = { dataDir: join(homedir(), '.window-terminal'), ...fromFile };
  if (env.TERMINAL_DATA_DIR) merged.dataDir = resolve(env.TERMINAL_DATA_DIR);
  if (env.TERMINAL_PROFILE) merged.profile = env.TERMINAL_PROFILE;
  if (env.TERMINAL_REQUIRE_SIGN_IN) merged.officers = { ...(merged.officers as object | undefined), requireSignIn: env.TERMINAL_REQUIRE_SIGN_IN !== '0' };
  if (env.TERMINAL_BACKEND_URL) merged.backendUrl = env.TERMINAL_BACKEND_URL;
  if (env.TERMINAL_DATA_KEY_FILE) merged.dataKeyFile = env.TERMINAL_DATA_KEY_FILE;
  if (env.TERMINAL_ID_CARD_PORT || env.TERMINAL_ID_CARD_BAUD) {
    const reader = { ...(merged.idCardReader as object | undefined) } as Record<string, unknown>;
    if (env.TERMINAL_ID_CARD_PORT) reader.path = env.TERMINAL_ID_CARD_PORT;
    if (env.TERMINAL_ID_CARD_BAUD) reader.baudRate = Number(env.TERMINAL_ID_CARD_BAUD);
    merged.idCardReader = reader;
  }
  if (env.TERMINAL_SCANNER_PORT) merged.scannerGun = { mode: 'serial', path: env.TERMINAL_SCANNER_PORT };
  if (env.TERMINAL_PASSPORT_PORT) merged.passportReader = { path: env.TERMINAL_PASSPORT_PORT };
  if (env.TERMINAL_PRINTER_URI) {
    merged.printers = [{ kind: 'ipp', id: `ipp:${env.TERMINAL_PRINTER_URI}`, name: env.TERMINAL_PRINTER_NAME ?? 'IPP', uri: env.TERMINAL_PRINTER_URI }];
  }
  if (env.TERMINAL_SSC_READER) merged.socialSecurityCardReader = env.TERMINAL_SSC_READER === '1' ? {} : { reader: env.TERMINAL_SSC_READER };
  if (env.TERMINAL_DOCUMENT_SCANNER) merged.documentScanner = { device: env.TERMINAL_DOCUMENT_SCANNER };
  if (env.TERMINAL_SIGNATURE_PAD) merged.signaturePad = {};
  if (env.TERMINAL_SIGNATURE_PAD_BRIDGE) merged.signaturePad = { bridge: env.TERMINAL_SIGNATURE_PAD_BRIDGE };
  if (env.TERMINAL_REGISTRY_CODE) merged.registryCode = env.TERMINAL_REGISTRY_CODE;
  if (env.TERMINAL_SIMULATED_DEVICES === '1') merged.simulatedDevices = true;
  if (env.TERMINAL_SYNC_PULL_SECONDS) merged.syncPullSeconds = Number(env.TERMINAL_SYNC_PULL_SECONDS);
  if (env.TERMINAL_CITY_EVALUATION_ORIGIN) merged.cityEvaluationOrigin = env.TERMINAL_CITY_EVALUATION_ORIGIN;
  if (env.TERMINAL_DOOR_TO_DOOR === '1' || env.TERMINAL_DOOR_TO_DOOR_ADDRESS) {
    merged.doorToDoor = { ...(merged.doorToDoor as object | undefined), ...(env.TERMINAL_DOOR_TO_DOOR_ADDRESS ? { address: env.TERMINAL_DOOR_TO_DOOR_ADDRESS } : {}) };
  }

  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`invalid terminal configuration: ${detail}`);
  }
  return parsed.data;
}

function readJson(path: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`cannot read configuration file ${path}: ${(error as Error).message}`);
  }
}
