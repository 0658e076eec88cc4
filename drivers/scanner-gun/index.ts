/** What other parts of the terminal (the registry, the passport reader, the CLI) may use of this driver. */
export { SerialScannerGunDriver, type SerialScannerGunOptions, type ScannerGunEvents } from './driver';
export { HidPosScannerGunDriver, type HidPosScannerOptions, isHidPosScanner, selectHidPosScanner } from './hid-pos-driver';
export { SerialLineReader, type SerialLineReaderOptions, type TextLine, type LinkStatus, DEFAULT_BAUD_RATE } from './serial-line-reader';
export { LINE_SUFFIXES, type LineSuffix, SCAN_TEXT_ENCODINGS, type ScanTextEncoding } from './line-codec';
export { listSerialPorts, serialPortOpener, type SerialOpener, type SerialLink, type SerialPortInfo } from './serial-transport';
export { nodeHidBackend, type HidBackend, type HidDeviceInfo, type HidLink } from './hid-transport';
export { LinkError, type LinkProblem, LINK_PROBLEMS, ScannerGunError, SCANNER_GUN_ERROR_CODES, type ScannerGunErrorCode } from './errors';
export { SCANNER_GUN_MESSAGES } from './messages';
export { createScannerGunDriver, type ScannerGunConfig, type ScannerGunDriver } from './create';
