/**
 * Release public keys pinned in the shell. A payload is loaded only if its
 * manifest verifies with one of these; changing them takes a shell release
 * (which electron-updater installs only after the same signed manifest
 * check). Two entries allow a key rotation: publish with the new key once
 * every terminal runs a shell that pins both.
 *
 * The entry below is the development placeholder: its private half was not
 * kept, so nothing verifies against it until the production key (generated
 * and held offline by the release officer) replaces it.
 */
export const PINNED_RELEASE_KEYS: readonly string[] = [
  '047ded308343f26fa48ff5c7c6fad4fa548327de263242d23b2849f5c1995ed9e9a59094105a0272828dd24b6d56d3b9e96c56cbb0422cbeb009c742d7f659ffc8',
];
