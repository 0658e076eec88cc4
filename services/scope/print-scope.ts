/**
 * What a screen may print, held at the service boundary rather than trusted
 * to the renderer:
 *  - a certificate (pre-printed, numbered stock) prints only through the
 *    certificate call, which takes its number from the lease, checks the
 *    marriage and divorce rules and records the issue against its case;
 *    the generic print call refuses certificate kinds;
 *  - printers come from the terminal's configuration (or the CUPS queues the
 *    administrator installed), never a target the renderer names, so a
 *    compromised screen cannot send residents' forms to a printer of its choosing.
 */
import { TerminalError } from '../../contract/errors';
import type { PrinterRole, PrinterTarget } from '../../domain/printing';

export const CERTIFICATE_KINDS: ReadonlySet<string> = new Set(['marriage-certificate']);

/** Forms a resident signs print only as held (forms.print): exactly the bytes shown and signed. */
export const HELD_KINDS: ReadonlySet<string> = new Set(['application-form']);

export function refuseCertificateKind(kind: string): void {
  if (CERTIFICATE_KINDS.has(kind)) {
    throw new TerminalError('print-certificate-through-desk', `${kind} prints only through the certificate call`, { kind });
  }
  if (HELD_KINDS.has(kind)) throw new TerminalError('print-held-form-only', `${kind} prints only as the held form`, { kind });
}

export function refuseUnconfiguredPrinter(printers: readonly PrinterTarget[], printerId: string | undefined): void {
  if (printerId === undefined) return;
  if (printers.some((printer) => printer.id === printerId)) return;
  // Queues of the local CUPS scheduler are the administrator's configuration; CUPS refuses a queue it lacks.
  if (/^cups:[A-Za-z0-9_.-]{1,127}$/.test(printerId)) return;
  throw new TerminalError('printer-not-configured', `printer ${printerId.slice(0, 80)} is not in this terminal's configuration`);
}

/**
 * The printer a paper goes to: the one the call names (if configured), else the configured printer of the paper's
 * role, so the registrar never picks between the A4 and the certificate printer. A terminal whose one printer
 * names no role (a single printer for everything) uses it; otherwise none of that role is refused.
 */
export function printerFor(printers: readonly PrinterTarget[], role: PrinterRole, printerId?: string): string {
  if (printerId !== undefined) {
    refuseUnconfiguredPrinter(printers, printerId);
    return printerId;
  }
  const printer = printers.find((candidate) => candidate.role === role) ?? (printers.length === 1 && printers[0]!.role === undefined ? printers[0] : undefined);
  if (!printer) throw new TerminalError(`printer-${role}-missing`, `no printer with role ${role} configured`, { role });
  return printer.id;
}

/**
 * The printer a resident's paper copy prints on at an extension terminal: its A4 printer (as `printerFor` finds it),
 * never a certificate printer that happens to be listed first; none is refused in words the resident reads.
 */
export function residentCopyPrinter(printers: readonly PrinterTarget[]): string {
  try {
    return printerFor(printers, 'a4');
  } catch {
    throw new TerminalError('form-print-no-printer', 'no A4 printer is configured on this terminal');
  }
}
