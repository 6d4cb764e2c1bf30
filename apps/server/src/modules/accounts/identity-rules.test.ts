import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePassword, normalizeUsername, signInIdentifier } from './identity-rules.js';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as { status: number; code: string; message: string };
  }
  throw new Error('accepted');
};

describe('usernames', () => {
  it('when a username has letters, digits, periods and underscores, then it is kept lowercase without a leading @', () => {
    expect(normalizeUsername('Alice')).toBe('alice');
    expect(normalizeUsername('  @Bob.Smith_99 ')).toBe('bob.smith_99');
    expect(normalizeUsername('a'.repeat(30))).toBe('a'.repeat(30));
    expect(normalizeUsername('_x_')).toBe('_x_');
  });

  it('when a username is too long, empty or uses other characters, then 422 invalid_username', () => {
    for (const bad of ['', '@', 'a'.repeat(31), 'with space', 'dash-ed', 'ümlaut', 'аlice', 'ｆｕｌｌ', 'zero\u200Bwidth', 'emoji😀', 'semi;colon']) {
      expect(refusal(() => normalizeUsername(bad)), bad).toMatchObject({ status: 422, code: 'invalid_username' });
    }
  });

  it('when periods lead, trail or double, or there is no letter, then it is refused with a reason', () => {
    expect(refusal(() => normalizeUsername('.alice')).message).toMatch(/period/);
    expect(refusal(() => normalizeUsername('alice.')).message).toMatch(/period/);
    expect(refusal(() => normalizeUsername('al..ice')).message).toMatch(/period/);
    expect(refusal(() => normalizeUsername('1234')).message).toMatch(/letter/);
    expect(refusal(() => normalizeUsername('__')).message).toMatch(/letter/);
  });

  it('when a name is reserved for our own pages or the service, then it is refused in any case', () => {
    for (const name of ['admin', 'Admin', 'API', 'login', 'me', 'settings', 'pictor', 'support', 'www']) {
      expect(refusal(() => normalizeUsername(name)).message, name).toMatch(/reserved/);
    }
  });
});

describe('emails', () => {
  it('when an email is typed in any case with spaces around, then it is stored lowercase and trimmed', () => {
    expect(normalizeEmail('  Ana@Example.COM ')).toBe('ana@example.com');
    expect(normalizeEmail('josé@exämple.com')).toBe('josé@exämple.com');
  });

  it('when an email is composed differently but looks the same, then it normalises to one form', () => {
    expect(normalizeEmail('jose\u0301@example.com')).toBe(normalizeEmail('jos\u00e9@example.com'));
  });

  it('when it is not an email or hides invisible characters, then 422 invalid_email', () => {
    for (const bad of ['plain', 'a@b', '@example.com', 'a@.com.', 'a b@example.com', 'a@@example.com', 'a\u200B@example.com', 'a@exam\u202Eple.com']) {
      expect(refusal(() => normalizeEmail(bad)), bad).toMatchObject({ status: 422, code: 'invalid_email' });
    }
  });
});

describe('passwords and sign-in identifiers', () => {
  it('when a password is typed in another Unicode composition, then it is the same password, with nothing trimmed', () => {
    expect(normalizePassword('cafe\u0301 ')).toBe('caf\u00e9 ');
    expect(normalizePassword('x'.repeat(256)).length).toBe(256);
  });

  it('when someone signs in, then an @ in the middle means email and otherwise a username, both lowercase', () => {
    expect(signInIdentifier(' Ana@Example.com ')).toEqual({ kind: 'email', value: 'ana@example.com' });
    expect(signInIdentifier('@Ana')).toEqual({ kind: 'username', value: 'ana' });
    expect(signInIdentifier('ANA')).toEqual({ kind: 'username', value: 'ana' });
  });
});
