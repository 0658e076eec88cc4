import { describe, expect, it } from 'vitest';
import { TerminalError, toErrorShape } from './errors';

function platformError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('error shapes at the contract boundary', () => {
  it('carries our own codes with their parameters', () => {
    expect(toErrorShape(new TerminalError('case-invalid', 'form has problems', { fields: 'name:required' }))).toEqual({
      code: 'case-invalid',
      message: 'form has problems',
      params: { fields: 'name:required' },
    });
  });

  it('names a full disk from SQLite or the file system, whichever layer hit it', () => {
    for (const code of ['SQLITE_FULL', 'ENOSPC', 'EDQUOT']) {
      expect(toErrorShape(platformError(code, 'no room'))).toEqual({ code: 'storage-full', message: `${code}: no room` });
    }
  });

  it('keeps other platform codes out of the officer\'s words and in the log', () => {
    expect(toErrorShape(platformError('EACCES', 'permission denied'))).toEqual({ code: 'internal-error', message: 'EACCES: permission denied' });
    expect(toErrorShape(platformError('SQLITE_CORRUPT', 'malformed'))).toEqual({ code: 'internal-error', message: 'SQLITE_CORRUPT: malformed' });
    expect(toErrorShape('plain')).toEqual({ code: 'internal-error', message: 'plain' });
  });
});
