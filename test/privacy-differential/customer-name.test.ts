import { describe } from 'vitest';
import { CUSTOMER_NAMES } from '../../scripts/check/rules/privacy-customer-name.ts';
import { itFindsWhatTheReferenceFinds } from './differential.ts';
import { customerText, privacyText, wordsText } from './privacy-texts.ts';
import { CUSTOMER_NAMES as REFERENCE } from './reference/customer-name.ts';

describe('privacy/customer-name: the sticky patterns tried where a match can start', () => {
  itFindsWhatTheReferenceFinds(CUSTOMER_NAMES, REFERENCE, [
    ['mixed pieces', privacyText],
    ['words and names', wordsText],
    ['customer phrases', customerText],
  ]);
});
