/**
 * Where the engine gets font bytes. The engine never touches the file system:
 * a loader (Node: load-font-files.ts) hands it these, so the same engine can
 * run wherever bytes can be fetched.
 */
export interface FontSource {
  /** File path or other name, for messages and logs. */
  label: string;
  /** Picks one face out of a TTC collection, e.g. `NotoSansCJKsc-Regular`. */
  postscriptName?: string;
  load(): Promise<Uint8Array>;
}

export interface FontSources {
  /** Draws everything it can. */
  primary: FontSource;
  /**
   * Tried in order for characters the primary lacks (CJK Extension B and
   * beyond). Loaded only when a document needs them: they are large.
   */
  fallbacks: FontSource[];
}
