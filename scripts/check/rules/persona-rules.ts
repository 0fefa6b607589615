import type { Diagnostic } from '../../core/diagnostic.ts';
import type { PersonaContext } from '../persona/persona-context.ts';
import { cutListItem } from './cut-list-item.ts';
import { hasModeline } from './has-modeline.ts';
import { jobStoryShape } from './job-story-shape.ts';
import { noDuplicateLink } from './no-duplicate-link.ts';
import { noPlaceholderText } from './no-placeholder-text.ts';
import { noSelfLink } from './no-self-link.ts';
import { CUSTOMER_NAMES, privacyCustomerName } from './privacy-customer-name.ts';
import { EMAIL_ADDRESSES, privacyEmail } from './privacy-email.ts';
import { IP_ADDRESSES, privacyIpAddress } from './privacy-ip-address.ts';
import { PHONE_NUMBERS, privacyPhone } from './privacy-phone.ts';
import { privacySecret, SECRETS } from './privacy-secret.ts';
import { productMatchesFolder } from './product-matches-folder.ts';
import { slugHasProductPrefix } from './slug-has-product-prefix.ts';
import { slugMatchesFileName } from './slug-matches-file-name.ts';

export type PersonaRule = (ctx: PersonaContext) => Diagnostic[];

/** Rules that need one persona only; they run where the file is parsed, then the document is dropped. */
export const PERSONA_RULES: readonly PersonaRule[] = [
  hasModeline,
  slugMatchesFileName,
  productMatchesFolder,
  slugHasProductPrefix,
  noSelfLink,
  noDuplicateLink,
  jobStoryShape,
  cutListItem,
  noPlaceholderText,
  privacyEmail,
  privacyPhone,
  privacyIpAddress,
  privacySecret,
  privacyCustomerName,
];

/** The detectors of the `privacy/*` rules, which contributions' own text is checked with too. */
export const PRIVACY_DETECTORS = [
  EMAIL_ADDRESSES,
  PHONE_NUMBERS,
  IP_ADDRESSES,
  SECRETS,
  CUSTOMER_NAMES,
] as const;
