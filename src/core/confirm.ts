/**
 * What cannot be undone is asked first, with its consequence in figures: "Close the round now and send
 * 9 final bills?". A call without the matching token does nothing and answers with the question and the
 * token; the same call with that token does it. The token is the figures themselves, so when they change
 * between the question and the answer (a tenth order came in meanwhile) the person is asked again.
 */
export interface Confirmation {
  confirm: {
    /** The consequence as a question, in the caller's language. */
    question: string;
    /** Send it back to go ahead. */
    token: string;
  };
}

/** The token for an action on a round with these figures (counts, amounts, a date). */
export function confirmationToken(action: string, roundId: string, figures: readonly (string | number)[]): string {
  return [action, roundId, ...figures].join('|');
}

export function asks(question: string, token: string): Confirmation {
  return { confirm: { question, token } };
}

export function isConfirmation(value: unknown): value is Confirmation {
  return !!value && typeof value === 'object' && 'confirm' in value;
}

/** The token a plan carries when it asks (undefined when there is nothing to confirm). */
export function tokenOf(value: unknown): string | undefined {
  return isConfirmation(value) ? value.confirm.token : undefined;
}
