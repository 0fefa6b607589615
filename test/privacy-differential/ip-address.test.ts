import { describe } from 'vitest';
import { IP_ADDRESSES } from '../../scripts/check/rules/privacy-ip-address.ts';
import { itFindsWhatTheReferenceFinds } from './differential.ts';
import { addressText, privacyText } from './privacy-texts.ts';
import { IP_ADDRESSES as REFERENCE } from './reference/ip-address.ts';

describe('privacy/ip-address: the colon and dotted-quad tests before the patterns', () => {
  itFindsWhatTheReferenceFinds(IP_ADDRESSES, REFERENCE, [
    ['mixed pieces', privacyText],
    ['numbers, dots, colons and hex groups', addressText],
  ]);
});
