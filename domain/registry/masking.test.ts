import { describe, expect, it } from 'vitest';
import { maskName } from './masking';

describe('names masked except the surname', () => {
  it('keeps the surname of a Latin name written surname first, as the terminal writes passport parties', () => {
    // party.ts: the zone's surname, then its given names.
    expect(maskName('MARTIN SOPHIE MARIE')).toBe('MARTIN ***');
    expect(maskName('  MARTIN   SOPHIE ')).toBe('MARTIN ***');
    expect(maskName('SMITH')).toBe('S***');
  });

  it('keeps a surname of several words whole when it is known on its own', () => {
    expect(maskName('VAN DER BERG ANNA', 'VAN DER BERG')).toBe('VAN DER BERG ***');
    expect(maskName('van der berg anna', 'VAN DER BERG')).toBe('van der berg ***');
    // A surname that does not begin the name tells nothing: the rule for the name alone applies.
    expect(maskName('MARTIN SOPHIE', 'DUPONT')).toBe('MARTIN ***');
    expect(maskName('王建国', '王')).toBe('王**');
  });

  it('keeps the comma form and Chinese names as before', () => {
    expect(maskName('SMITH, JOHN MICHAEL')).toBe('SMITH, ***');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('马丽')).toBe('马*');
  });
});
