/**
 * Service evaluation (好差评), GB/T 39734 / 39735: five levels from very
 * satisfied to very dissatisfied; the bottom two count as bad reviews.
 */
export const EVALUATION_LEVELS = ['very-satisfied', 'satisfied', 'basically-satisfied', 'dissatisfied', 'very-dissatisfied'] as const;
export type EvaluationLevel = (typeof EVALUATION_LEVELS)[number];

export const EVALUATION_LABELS: Record<EvaluationLevel, { 'zh-CN': string; en: string }> = {
  'very-satisfied': { 'zh-CN': '非常满意', en: 'Very satisfied' },
  satisfied: { 'zh-CN': '满意', en: 'Satisfied' },
  'basically-satisfied': { 'zh-CN': '基本满意', en: 'Basically satisfied' },
  dissatisfied: { 'zh-CN': '不满意', en: 'Dissatisfied' },
  'very-dissatisfied': { 'zh-CN': '非常不满意', en: 'Very dissatisfied' },
};

export function isBadReview(level: EvaluationLevel): boolean {
  return level === 'dissatisfied' || level === 'very-dissatisfied';
}

/** The centre asked for an evaluation: the city's page first (page mode), the terminal's own after `timeoutMs`. */
export interface EvaluationRequest {
  evaluationId: string;
  cityPageUrl?: string;
  timeoutMs: number;
}
