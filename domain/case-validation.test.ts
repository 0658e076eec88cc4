import { describe, expect, it } from 'vitest';
import type { CaseDraft } from './case';
import { validateCaseDraft, validateSubmission } from './case-validation';
import type { ServiceItem } from './service-item';

const item: ServiceItem = {
  id: 'guardian-test',
  code: 'T-1',
  name: '测试事项',
  category: '测试',
  formSchema: [
    { key: 'name', label: '姓名', type: 'text', required: true, maxLength: 4 },
    { key: 'idNumber', label: '公民身份号码', type: 'id-number', required: true, prefill: 'idNumber' },
    { key: 'guardianIdNumber', label: '监护人身份号码', type: 'id-number', required: false },
    { key: 'startDate', label: '开始日期', type: 'date', required: false },
    { key: 'mode', label: '方式', type: 'select', required: false, options: [{ value: 'a', label: '甲' }] },
  ],
  materials: [],
  signers: ['applicant'],
  pledge: '本人承诺所填信息真实。',
  revision: 1,
};

function draft(form: Record<string, string>, applicantNumber = '31010419850312003X'): CaseDraft {
  return { serviceItemId: item.id, applicant: { cardType: 'resident', name: '王建国', idNumber: applicantNumber }, form };
}

describe('case validation', () => {
  it('lists every problem of a form at once', () => {
    expect(validateCaseDraft(draft({ name: '王建国之子', startDate: '2026-02-30', mode: 'b' }), item)).toEqual([
      { field: 'name', problem: 'too-long' },
      { field: 'idNumber', problem: 'required' },
      { field: 'startDate', problem: 'bad-date' },
      { field: 'mode', problem: 'not-an-option' },
    ]);
  });

  it("takes the applicant's own number as read, and checks a typed one", () => {
    // A card whose number fails its check digit was already flagged when read; the chip is the source.
    expect(validateCaseDraft(draft({ name: '王建国', idNumber: '110105197701011235' }, '110105197701011235'), item)).toEqual([]);
    expect(validateCaseDraft(draft({ name: '王建国', idNumber: '31010419850312003x' }), item)).toEqual([]);
    expect(validateCaseDraft(draft({ name: '王建国', idNumber: '31010419850312003X', guardianIdNumber: '110105197701011235' }), item)).toEqual([
      { field: 'guardianIdNumber', problem: 'bad-id-number' },
    ]);
    expect(validateCaseDraft(draft({ name: '王建国', idNumber: '31010419850312003X', guardianIdNumber: '12345' }), item)).toEqual([
      { field: 'guardianIdNumber', problem: 'bad-id-number' },
    ]);
    expect(validateCaseDraft(draft({ name: '王建国', idNumber: '31010419850312003X', guardianIdNumber: '110105197701011234' }), item)).toEqual([]);
    // A 2017 foreign permanent resident card number: three letters and twelve digits.
    expect(validateCaseDraft(draft({ name: '王建国', idNumber: '31010419850312003X', guardianIdNumber: 'USA310079112301' }), item)).toEqual([]);
  });

  it('needs the pledge ticked to submit', () => {
    const complete = draft({ name: '王建国', idNumber: '31010419850312003X' });
    expect(validateSubmission(complete, item)).toEqual([{ field: 'pledge', problem: 'required' }]);
    expect(validateSubmission({ ...complete, pledgeAccepted: true }, item)).toEqual([]);
  });
});
