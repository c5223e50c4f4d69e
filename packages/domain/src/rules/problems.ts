/**
 * A rule violation found by a pure check: a stable machine code, the input field at fault (a dotted
 * path such as `rules.scoring.weights` or `members`) and an Indonesian message for people.
 */
export interface RuleProblem {
  code: string;
  field: string;
  message: string;
}

export function ruleProblem(code: string, field: string, message: string): RuleProblem {
  return { code, field, message };
}
