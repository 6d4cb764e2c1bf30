import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import type { PasswordPolicy } from '../../modules/accounts/public.js';

/**
 * zxcvbn's estimate plus its list of passwords seen in breaches: a password
 * that is, or is built on, a commonly breached one is refused outright.
 */
export function createZxcvbnPolicy(): PasswordPolicy {
  const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return {
    check(password, personalInputs) {
      const result = zxcvbn.check(password.slice(0, 100), personalInputs);
      const breached = result.sequence.some(
        (match) => match.pattern === 'dictionary' && String(match.dictionaryName).startsWith('passwords') && match.token.length >= password.length - 4,
      );
      if (breached) {
        return { code: 'password_breached', message: 'This password appears in lists of breached passwords. Choose another.' };
      }
      if (result.score < 2) {
        const hint = result.feedback.suggestions[0] ?? 'Add more words or characters.';
        return { code: 'password_too_weak', message: `This password is too easy to guess. ${hint}` };
      }
      return null;
    },
  };
}
