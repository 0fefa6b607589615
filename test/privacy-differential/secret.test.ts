import { describe } from 'vitest';
import { SECRETS } from '../../scripts/check/rules/privacy-secret.ts';
import { itFindsWhatTheReferenceFinds } from './differential.ts';
import { keysText, privacyText, tokenText } from './privacy-texts.ts';
import { SECRETS as REFERENCE } from './reference/secret.ts';

describe('privacy/secret: the char-code scan for long runs and the prefix pre-test', () => {
  itFindsWhatTheReferenceFinds(SECRETS, REFERENCE, [
    ['mixed pieces', privacyText],
    ['key runs and token prefixes', keysText],
    ['known tokens', tokenText],
  ]);
});
